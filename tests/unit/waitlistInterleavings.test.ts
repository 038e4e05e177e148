/**
 * Issue 17's waiting list under any interleaving (fast-check scheduler over the in-memory stores,
 * each database operation atomic): cancellations offering their places to the line, the timer
 * passing unanswered offers on, and public bookers trying for the slot. A place is always with an
 * appointment, a hold or free, counted once; every hold belongs to exactly one offered entry; the
 * line is served in order; and no place goes back to the public while someone waits.
 */
import fc from 'fast-check';
import type { SlotPlan } from '../../core/booking/slots';
import { lapseOffers, offerFreedPlace, type WaitlistDeps } from '../../core/waitlist/offerPlace';
import { waitEntryId, type WaitEntry } from '../../core/waitlist/WaitEntry';
import { InMemoryBookingStore } from './support/bookingInMemoryStore';
import { InMemoryWaitlistStore } from './support/InMemoryWaitlistStore';

const HALL = 'hall-a';
const DATE = '2026-12-09';
const BUSINESS = 'id-card';
const HOLD_MINUTES = 30;
const plan: SlotPlan = { slotId: `${HALL}:${DATE}:0900`, hallId: HALL, date: DATE, start: '09:00', end: '09:30', capacity: 2 };

function world(waiting: number) {
  let s: fc.Scheduler | undefined;
  const turn = (label: string) => (s ? s.schedule(Promise.resolve(label), label).then(() => undefined) : Promise.resolve());
  let now = Date.parse('2026-12-01T02:00:00Z');
  const booking = new InMemoryBookingStore(() => now, turn);
  const waitlist = new InMemoryWaitlistStore(turn);
  const deps: WaitlistDeps = { waitlist, booking, clock: { now: () => new Date(now) } };
  for (let i = 0; i < waiting; i++) {
    const entry: WaitEntry = {
      _id: waitEntryId(HALL, DATE, BUSINESS, `p${i}`),
      hallId: HALL,
      date: DATE,
      business: BUSINESS,
      actorOpenid: `o-${i}`,
      subject: { residentId: `r-${i}`, idIndex: `p${i}`, nameEnc: 'x' },
      joinedAt: new Date(now - (waiting - i) * 60_000),
      state: 'waiting',
      version: 0,
      offers: 0,
    };
    waitlist.entries.set(entry._id, entry);
  }
  const line = [...waitlist.entries.values()].map((e) => e._id);
  const cancel = async (appointmentId: string) => {
    const offered = await offerFreedPlace(deps, { _id: appointmentId, hallId: HALL, date: DATE, business: BUSINESS, slotId: plan.slotId }, async () => HOLD_MINUTES);
    if (!offered) await booking.releasePlace(plan.slotId, appointmentId);
  };
  const race = async (scheduler: fc.Scheduler, moves: Array<() => Promise<unknown>>) => {
    s = scheduler;
    try {
      const running = moves.map((m) => m());
      await scheduler.waitIdle();
      await Promise.all(running);
    } finally {
      s = undefined;
    }
  };
  return { booking, waitlist, deps, line, cancel, race, later: (minutes: number) => (now += minutes * 60_000) };
}

function problems(w: ReturnType<typeof world>): string[] {
  const out: string[] = [];
  const slot = w.booking.slotDocs.get(plan.slotId)!;
  const holds = Object.keys(slot.holds ?? {});
  if (slot.booked !== (slot.holders?.length ?? 0) + holds.length) out.push(`booked ${slot.booked} ≠ ${slot.holders?.length} holders + ${holds.length} holds`);
  if (slot.booked > plan.capacity) out.push(`booked ${slot.booked} > capacity`);
  const entries = w.line.map((id) => w.waitlist.entries.get(id)!);
  const offered = entries.filter((e) => e.state === 'offered');
  for (const h of holds) if (offered.filter((e) => e.offer?.holdId === h).length !== 1) out.push(`hold ${h} is not one offered entry's`);
  for (const e of offered) if (!holds.includes(e.offer!.holdId)) out.push(`${e._id} is offered a place nobody holds for it`);
  // Served in order: those ever offered come before those never offered.
  const reached = entries.map((e) => e.offers > 0);
  if (reached.some((r, i) => r && reached.slice(0, i).some((x) => !x))) out.push(`served out of order: ${reached.join(',')}`);
  if (entries.some((e) => e.offers > 1)) out.push('an entry offered twice');
  if (entries.some((e) => e.state === 'waiting') && slot.booked < plan.capacity) out.push('a place went back to the public while someone waits');
  return out;
}

it('cancellations, lapsing offers and public bookers in any order: every place counted once, holds match offers, the line in order, nothing given away while someone waits', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.integer({ min: 0, max: 4 }), fc.subarray(['a1', 'a2']), fc.integer({ min: 0, max: 2 }), async (s, waiting, cancelled, publicTries) => {
      const w = world(waiting);
      expect(await w.booking.takePlace(plan, 'a1')).toBe(true);
      expect(await w.booking.takePlace(plan, 'a2')).toBe(true);
      const publicBookers = Array.from({ length: publicTries }, (_, i) => () => w.booking.takePlace(plan, `public-${i}`));
      await w.race(s, [...cancelled.map((a) => () => w.cancel(a)), ...publicBookers]);
      expect(problems(w)).toEqual([]);
      // Nobody answers: the offers lapse and pass on (the timer twice at once), public bookers still trying.
      w.later(HOLD_MINUTES + 1);
      await w.race(s, [
        () => lapseOffers(w.deps, 10, async () => HOLD_MINUTES),
        () => lapseOffers(w.deps, 10, async () => HOLD_MINUTES),
        ...publicBookers.map((_, i) => () => w.booking.takePlace(plan, `public-late-${i}`)),
      ]);
      expect(problems(w)).toEqual([]);
      const lapsed = w.line.filter((id) => w.waitlist.entries.get(id)!.state === 'lapsed').length;
      expect(lapsed).toBe(Math.min(cancelled.length, waiting));
    }),
    { numRuns: 150 },
  );
});

it('an offer made shortly before the slot starts is kept only until it starts', async () => {
  const w = world(1);
  expect(await w.booking.takePlace(plan, 'a1')).toBe(true);
  // From 2026-12-01 10:00 in Shanghai to 08:50 on the slot's day (2026-12-09, 09:00): 8 days less 70 minutes.
  w.later(8 * 24 * 60 - 70);
  await w.cancel('a1');
  const entry = w.waitlist.entries.get(w.line[0]!)!;
  expect(entry.state).toBe('offered');
  expect(entry.offer?.until.toISOString()).toBe('2026-12-09T01:00:00.000Z');
});
