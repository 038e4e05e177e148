import type { HallDay, HallDayPage } from './bookingApi';

/** How many pages of a hall's day readWholeHallDay reads at most (100 appointments each). */
export const HALL_DAY_MAX_PAGES = 20;

/** Reads one page of `hallDay` (bookingApi.hallDay). */
export type ReadHallDayPage = (hallId: string, date?: string, cursor?: string) => Promise<HallDayPage>;

/**
 * Pages of `hallDay` in order → the whole day: the first page's date and counts, the slots in
 * order, a slot that goes on over the next page joined into one.
 */
export function mergeHallDayPages(pages: readonly HallDayPage[]): HallDay {
  const [first] = pages;
  const slots: HallDay['slots'] = [];
  for (const page of pages) {
    for (const slot of page.slots) {
      const last = slots[slots.length - 1];
      if (last && last.start === slot.start) last.appointments = [...last.appointments, ...slot.appointments];
      else slots.push({ ...slot, appointments: [...slot.appointments] });
    }
  }
  return { hallId: first.hallId, date: first.date, slots, byBusiness: first.byBusiness ?? [] };
}

/** A hall's whole day (today unless `date`): the first page, then each `next` until the last (at most HALL_DAY_MAX_PAGES). */
export async function readWholeHallDay(read: ReadHallDayPage, hallId: string, date?: string): Promise<HallDay> {
  const first = await read(hallId, date);
  const pages: HallDayPage[] = [first];
  // Later pages ask for the first page's date: a day read across midnight stays one day.
  for (let next = first.next; next && pages.length < HALL_DAY_MAX_PAGES; next = pages[pages.length - 1].next) {
    pages.push(await read(hallId, first.date, next));
  }
  return mergeHallDayPages(pages);
}
