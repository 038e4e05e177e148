import type { ConsultState } from './consultNames';
import type { Consultation, FaqEntry } from './Consultation';

/** Consultations in CloudBase (`consultations`, `consult_faq`: server/consult/CloudbaseConsultationStore.ts). */
export interface ConsultationStore {
  get(id: string): Promise<Consultation | null>;
  /** Inserts it under its id; when that id exists (a retried ask) nothing is written and the stored one is returned. */
  add(c: Consultation): Promise<{ created: boolean; consultation: Consultation }>;
  /** The account's questions, newest first. */
  ofAsker(openid: string, limit: number): Promise<Consultation[]>;
  /** How many of the account's questions wait for an answer. */
  countOpenOfAsker(openid: string): Promise<number>;
  /** How many questions the account asked since `since`. */
  countAskedSince(openid: string, since: Date): Promise<number>;
  /** A hall's questions in one state: open ones oldest first (answered in turn), others newest first. */
  ofHall(hallId: string, state: ConsultState, limit: number): Promise<Consultation[]>;
  /**
   * Sets `patch` (the new state among it) when the consultation is still in one of `from`: false
   * when it was not (someone else acted first), so two officers never both answer.
   */
  transition(id: string, from: readonly ConsultState[], patch: Partial<Consultation> & { state: ConsultState }): Promise<boolean>;
  /** Writes the FAQ entry under its id (a repeat writes the same). */
  putFaq(entry: FaqEntry): Promise<void>;
}

/** The guide's FAQ as the public guide function reads it (`consult_faq` only: it holds no account and no original text). */
export interface FaqReader {
  /** Published entries of a business, of one hall or every hall, newest first. */
  of(filter: { business: string; hallId?: string }, limit: number): Promise<FaqEntry[]>;
}

/** Tells the citizen their question was answered (a WeChat subscribe message); rejects when WeChat refuses. */
export interface ConsultNotifier {
  answered(openid: string, notice: { consultationId: string; businessTitle: string; at: Date }): Promise<void>;
}
