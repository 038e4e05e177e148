import type { AppointmentCounts } from './hallReport';

/** Port: the database's aggregation of what a hall's report counts (server/statistics). */
export interface StatisticsStore {
  /** A hall's appointments dated `from`…`to` (inclusive), counted per business and status, per date and status, and per starting hour. */
  appointmentCounts(hallId: string, from: string, to: string): Promise<AppointmentCounts>;
}
