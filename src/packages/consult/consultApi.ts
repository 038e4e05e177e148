import type { ConsultationView, FaqView } from '../../../core/consult/Consultation';
import { call } from '../../services/api';

export type { ConsultationView, FaqView };
export type Answered = ConsultationView & { notified: boolean };

/**
 * Typed calls of the consultation actions (the booking function) and the FAQ (the guide
 * function), kept in this subpackage so the main package does not carry them. Repeatable writes
 * take the request id made when the form opened, sent again on retry.
 */
export const consultApi = {
  ask: (input: { hallId: string; business: string; question: string }, requestId: string) => call<ConsultationView>('booking', 'askConsultation', input, requestId),
  mine: () => call<{ consultations: ConsultationView[] }>('booking', 'myConsultations'),
  hall: (hallId: string, state: ConsultationView['state']) => call<{ hallId: string; consultations: ConsultationView[] }>('booking', 'hallConsultations', { hallId, state }),
  answer: (consultationId: string, answer: string, requestId: string) => call<Answered>('booking', 'answerConsultation', { consultationId, answer }, requestId),
  publish: (consultationId: string, question: string, answer: string) => call<ConsultationView>('booking', 'publishConsultation', { consultationId, question, answer }),
  close: (consultationId: string) => call<ConsultationView>('booking', 'closeConsultation', { consultationId }),
  faq: (business: string, hallId?: string) => call<{ entries: FaqView[] }>('guide', 'faq', hallId ? { business, hallId } : { business }),
};
