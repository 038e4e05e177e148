import type { AppointmentView } from '../../../core/booking/views';
import type { AssistedReason } from '../../../core/assisted/AssistedSession';
import type { AssistedSessionView } from '../../../core/assisted/views';
import { call } from '../../services/api';

export type { AppointmentView, AssistedSessionView };

/**
 * Typed calls of the assisted channel (issue 18, the booking function), kept in this subpackage. The
 * open form has no phone field: the code goes only to the phone on file. Writes take the request id
 * made when the step opened, sent again on retry.
 */
export const assistedApi = {
  open: (input: { hallId: string; reason: AssistedReason; name: string; idNumber: string }, requestId: string) =>
    call<AssistedSessionView>('assisted', 'openAssistedSession', input, requestId),
  confirm: (sessionId: string, code: string) => call<AssistedSessionView>('assisted', 'confirmAssistedSession', { sessionId, code }),
  close: (sessionId: string) => call<AssistedSessionView>('assisted', 'closeAssistedSession', { sessionId }),
  reserve: (input: { sessionId: string; hallId: string; business: string; slotId: string }, requestId: string) =>
    call<AppointmentView>('assisted', 'assistedReserve', input, requestId),
  cancel: (sessionId: string, appointmentId: string, requestId: string) => call<AppointmentView>('assisted', 'assistedCancel', { sessionId, appointmentId }, requestId),
  reschedule: (sessionId: string, appointmentId: string, slotId: string, requestId: string) =>
    call<AppointmentView>('assisted', 'assistedReschedule', { sessionId, appointmentId, slotId }, requestId),
  materials: (sessionId: string, business: string, requestId: string) =>
    call<{ title: string; text: string }>('assisted', 'assistedTellMaterials', { sessionId, business }, requestId),
  report: (hallId: string, period: ReportPeriod) => call<AssistedReport>('assisted', 'assistedReport', { hallId, period }),
};

export type ReportPeriod = { kind: 'week'; date: string } | { kind: 'month'; month: string };

/** core/assisted/actions/report.ts: what each officer of the hall did in assisted sessions. */
export interface AssistedReport {
  hallId: string;
  period: { from: string; to: string; label: string };
  officers: Array<{
    officer: string;
    opened: number;
    confirmed: number;
    failed: number;
    reserved: number;
    cancelled: number;
    rescheduled: number;
    reissued: number;
    materials: number;
  }>;
}
