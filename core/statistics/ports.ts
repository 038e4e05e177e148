import type { ConsultationCounts, QueueCounts } from './floorReport';
import type { AppointmentCounts } from './hallReport';
import type { AssistedCounts } from './assistedReport';

/** Port: the database's aggregation of what a hall's report counts (server/statistics). */
export interface StatisticsStore {
  /** A hall's appointments dated `from`…`to` (inclusive), counted per business and status, per date and status, and per starting hour. */
  appointmentCounts(hallId: string, from: string, to: string): Promise<AppointmentCounts>;
  /** The hall's queue tickets of those days: counted by source, status and green reason; means, windows and businesses of the done ones. */
  queueCounts(hallId: string, from: string, to: string): Promise<QueueCounts>;
  /** The hall's consultations asked on those days (Shanghai), counted by state. */
  consultationCounts(hallId: string, from: string, to: string): Promise<ConsultationCounts>;
  /** Issue 18: the hall's audit records of assisted acts on those days (Shanghai), counted per officer and act. */
  assistedCounts(hallId: string, from: string, to: string): Promise<AssistedCounts>;
}
