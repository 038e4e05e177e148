import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { localDatabase } from '../../devcloud/localDatabase';
import type { Harness } from './localCloudHarness';

export interface FullDay {
  date: string;
  /** The one place of the day a real appointment holds (the booker's). */
  slotId: string;
  start: string;
  appointmentId: string;
}

/**
 * A waiting-list scene (issue 17): the next day the hall books the business, one place per slot,
 * every slot taken by places that are no one's but the first, which `booker` books. The functions'
 * clock is set to 05:00 that day (bookable, nothing started). Call before anything reads the hall's
 * schedule (the functions keep it a minute).
 */
export async function fullDay(h: Harness, hallId: string, business: string, booker: string): Promise<FullDay> {
  const db = localDatabase(h.cloud.url);
  await db.collection('hall_schedules').doc(hallId).update({ windows: 1, perWindow: 1, walkInShare: 0 });
  const today = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    h.setNow(shanghaiInstant(date, '05:00'));
    const res = await h.call('booking', { action: 'availability', data: { hallId, business, date } }, booker);
    const slots = (res.body.data?.slots ?? []) as Array<{ slotId: string; start: string; end: string }>;
    if (!slots.length) continue;
    const [first, ...rest] = slots;
    for (const s of rest) {
      await db
        .collection('slots')
        .doc(s.slotId)
        .set({ hallId, date, start: s.start, end: s.end, capacity: 1, booked: 1, holders: [`elsewhere-${s.start}`] });
    }
    const booked = await h.call('booking', { action: 'reserve', data: { hallId, business, slotId: first!.slotId }, requestId: `full-day-${date}-${booker}` }, booker);
    if (!booked.body.ok) throw new Error(`the booker could not book ${first!.slotId}: ${JSON.stringify(booked.body.error)}`);
    return { date, slotId: first!.slotId, start: first!.start, appointmentId: booked.body.data.id };
  }
  throw new Error(`${hallId} takes no bookings of ${business} in the next 14 days`);
}
