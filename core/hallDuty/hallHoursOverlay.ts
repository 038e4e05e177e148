import type { Hall, SpecialHours } from '../guide/Hall';

/**
 * A hall's special periods as edited in the mini-program (collection `hall_hours`, one document
 * per hall) replace those of its data file once the first edit is saved: the editor starts from
 * the data file's periods, so nothing of them is lost, and a deleted one stays deleted.
 */
export interface HallHoursDoc {
  _id: string;
  hallId: string;
  specialHours: SpecialHours[];
  /** Raised by one at every save (compare-and-set: two editors never overwrite each other silently). */
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

/** The hall as its edited hours make it (the same hall when nothing was edited). */
export function withEditedHours(hall: Hall, edited: Pick<HallHoursDoc, 'specialHours'> | null | undefined): Hall {
  return edited ? { ...hall, specialHours: edited.specialHours } : hall;
}
