import type { SpecialHours } from '../guide/Hall';
import type { BookedPlace } from './bookingsOutside';
import type { DutyDay } from './DutyDay';
import type { HallHoursDoc } from './hallHoursOverlay';
import type { HallSettings, HallSettingsChange } from './HallSettings';

/** Where edited hours and duty rosters are kept (CloudBase: server/hallDuty/CloudbaseHallDutyStore.ts). */
export interface HallDutyStore {
  /** The hall's edited hours, read from the database every time (never cached: an edit applies at once). */
  hours(hallId: string): Promise<HallHoursDoc | null>;
  /**
   * Compare-and-set of the hall's edited periods: saved only while the stored version is still
   * `expectedVersion` (0: nothing stored yet); the new version is expectedVersion + 1. False when
   * someone else saved meanwhile.
   */
  saveHours(hallId: string, specialHours: SpecialHours[], expectedVersion: number, by: string, now: Date): Promise<boolean>;
  /** The hall's `booked` appointments dated from `from` to `to` (inclusive), at most `limit`. */
  bookedBetween(hallId: string, from: string, to: string, limit: number): Promise<BookedPlace[]>;
  /** The hall's duty days from `from` to `to` (inclusive), by date. */
  dutyDays(hallId: string, from: string, to: string): Promise<DutyDay[]>;
  /** Stores (replaces) a duty day. */
  saveDutyDay(day: DutyDay): Promise<void>;
  /** Removes a duty day; true when there was one. */
  deleteDutyDay(hallId: string, date: string): Promise<boolean>;
  /** The hall's own settings (null: none saved, the defaults apply). */
  settings(hallId: string): Promise<HallSettings | null>;
  /** Compare-and-set of the hall's settings, as saveHours (0: nothing stored yet). False when someone else saved meanwhile. */
  saveSettings(hallId: string, change: HallSettingsChange, expectedVersion: number, by: string, now: Date): Promise<boolean>;
}
