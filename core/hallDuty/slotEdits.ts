import type { HallSchedule } from '../booking/HallSchedule';
import { releasedThrough, slotsOn, type SlotPlan } from '../booking/slots';
import type { Hall } from '../guide/Hall';
import { addDays, shanghaiDate } from '../time/shanghai';
import type { WorkCalendar } from '../time/WorkCalendar';

/**
 * What an edit of a hall's hours does to its slot documents (issue 14 and 16): the slots the old
 * hours planned and the new ones do not are closed, the slots the new hours plan are opened again
 * where an earlier edit closed them.
 *
 * Why: a warm booking instance plans slots from a guide snapshot up to a minute old. `reserve` takes
 * its place with a conditional update of the slot document, which refuses a closed slot, so a slot
 * an edit removed can never be booked from the old plan, and reserve needs no read of the stored
 * hours of its own (8 requests per booking, not 9). Every removed slot is closed by the edit that
 * removes it and stays closed until an edit plans it again, so no snapshot, however many edits old,
 * plans a slot that is open and not planned now.
 *
 * Only dates a booker can reach are written: from today to one day past the newest released date
 * (the next release may come before a snapshot is renewed). Later dates are planned from hours
 * renewed by then.
 */
export function slotEdits(
  before: Hall,
  after: Hall,
  schedule: HallSchedule,
  touched: { from: string; to: string } | null,
  now: Date,
  calendar: WorkCalendar,
): { close: SlotPlan[]; open: string[] } {
  const close: SlotPlan[] = [];
  const open: string[] = [];
  if (!touched) return { close, open };
  const today = shanghaiDate(now);
  const last = [touched.to, addDays(releasedThrough(schedule, now), 1)].sort()[0];
  for (let date = touched.from > today ? touched.from : today; date <= last; date = addDays(date, 1)) {
    const planned = slotsOn(after, schedule, date, calendar);
    const kept = new Set(planned.map((p) => p.slotId));
    close.push(...slotsOn(before, schedule, date, calendar).filter((p) => !kept.has(p.slotId)));
    open.push(...kept);
  }
  return { close, open };
}
