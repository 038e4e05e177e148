import type { AppointmentView } from './views';

/**
 * The owner's list: what still needs doing (booked, soonest first), then the history in the order
 * given (newest first). Orders what it is given: a list loaded a page at a time is ordered within
 * the pages loaded so far.
 */
export function currentFirst<T extends Pick<AppointmentView, 'status' | 'date' | 'start'>>(appointments: readonly T[]): T[] {
  const current = appointments.filter((a) => a.status === 'booked').sort((x, y) => `${x.date} ${x.start}`.localeCompare(`${y.date} ${y.start}`));
  return [...current, ...appointments.filter((a) => a.status !== 'booked')];
}
