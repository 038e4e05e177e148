import type { HallSchedule } from '../../core/booking/HallSchedule';
import type { Database } from '../cloudbase/app';
import { importCollection, type ImportReport } from './importContent';

/** Collection of the halls' booking settings, one document per hall (`_id` = hall id). */
export const HALL_SCHEDULES = 'hall_schedules';

/**
 * Writes each hall's schedule by its stable id (`doc(hallId).set`), so importing again replaces
 * it; schedules no longer in data/ are reported, not deleted. A slot already created is held to
 * the new capacity from its next booking on (the booking store takes a place against the
 * schedule's capacity and stores it).
 */
export function importSchedules(db: Database, schedules: readonly HallSchedule[]): Promise<ImportReport> {
  return importCollection(db, HALL_SCHEDULES, schedules);
}
