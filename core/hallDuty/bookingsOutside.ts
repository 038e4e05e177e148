import type { Appointment } from '../booking/Appointment';
import type { HallSchedule } from '../booking/HallSchedule';
import { slotsOn } from '../booking/slots';
import type { Hall } from '../guide/Hall';
import type { WorkCalendar } from '../time/WorkCalendar';

/** What an hours edit needs of a booked appointment (and shows of one it would strand). */
export type BookedPlace = Pick<Appointment, '_id' | 'date' | 'start' | 'end' | 'slotId' | 'status'> & Partial<Pick<Appointment, 'refNumber'>>;

/**
 * The booked appointments a change of hours would leave outside the hall's slots (their slot is no
 * longer planned on their date: the hall closes then, or its sessions moved). Only `booked` ones
 * count: a served, cancelled or missed appointment has nothing left to keep.
 *
 * The rule (issue 16): an edit never makes a booked appointment vanish silently. The booking
 * function refuses an edit that strands any (HOURS_STRAND_BOOKINGS, listing their 预约号 and times),
 * so the lead keeps those sessions or settles those bookings with the citizens first. Hours that
 * grow or stay around every booking are saved at once.
 */
export function bookingsOutside<T extends BookedPlace>(after: Hall, schedule: HallSchedule, booked: readonly T[], calendar: WorkCalendar): T[] {
  const planned = new Map<string, Set<string>>();
  const slotsOf = (date: string) => {
    let ids = planned.get(date);
    if (!ids) planned.set(date, (ids = new Set(slotsOn(after, schedule, date, calendar).map((p) => `${p.slotId}|${p.end}`))));
    return ids;
  };
  return booked.filter((a) => a.status === 'booked' && !slotsOf(a.date).has(`${a.slotId}|${a.end}`));
}

/** The dates whose hours an edit may change: the old and the new period (deleting: the old only). */
export function datesTouched(...periods: ({ from: string; to: string } | undefined)[]): { from: string; to: string } | null {
  const present = periods.filter((p): p is { from: string; to: string } => Boolean(p));
  if (!present.length) return null;
  return {
    from: present.map((p) => p.from).sort()[0],
    to: present
      .map((p) => p.to)
      .sort()
      .reverse()[0],
  };
}
