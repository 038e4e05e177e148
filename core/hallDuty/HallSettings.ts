/**
 * A hall's own settings that its lead edits in the mini-program (collection `hall_settings`, one
 * document per hall, _id the hall's id): for now how long a place offered from a waiting list is held
 * (core/waitlist/holdTime.ts). Every save is a compare-and-set on `version`.
 */
export interface HallSettings {
  _id: string;
  hallId: string;
  waitlistHoldMinutes?: number;
  version: number;
  updatedAt: Date;
  /** The openid of the lead (or admin) who saved last. */
  updatedBy: string;
}

/** What a lead may change. */
export type HallSettingsChange = Pick<HallSettings, 'waitlistHoldMinutes'>;
