/**
 * Concurrent booking requests on the in-memory store, with fast-check's scheduler choosing which
 * pending database operation of which request runs next (every store operation waits for its turn;
 * support/bookingInMemoryStore.ts). Whatever the order: the last places are never overbooked, one
 * person racing themselves gets one booking, and cancel, reserve and reschedule together leave
 * every slot's count equal to the appointments holding it. A store that reads then writes the
 * count is caught by the same property, so the scheduler does reach the orders that matter.
 * The same promises under real concurrency against the local cloud: tests/integration/bookingConcurrency.test.ts.
 */
import fc from 'fast-check';
import type { SlotPlan } from '../../core/booking/slots';
import type { FunctionResponse } from '../../core/function/envelope';
import { InMemoryBookingStore, emptySlot } from './support/bookingInMemoryStore';
import { CITIZENS, ID_CARD, MIN, bookingWorld, storeProblems, type WorldOptions } from './support/bookingWorld';

const TUE = '2026-11-24';
const RUNS = { numRuns: 100 };

type Outcome = { ok: true; id: string } | { ok: false; code: string };

function outcome(r: FunctionResponse<{ id: string }>): Outcome {
  return r.ok ? { ok: true, id: r.data.id } : { ok: false, code: r.error.code };
}

/** A world whose store operations are interleaved by `s` inside `race`, and run at once outside it. */
function racingWorld(options: WorldOptions = {}) {
  let s: fc.Scheduler | undefined;
  const w = bookingWorld({ ...options, turn: (label) => (s ? s.schedule(Promise.resolve(label), label).then(() => undefined) : Promise.resolve()) });
  async function race(scheduler: fc.Scheduler, requests: Array<() => Promise<FunctionResponse<{ id: string }>>>): Promise<Outcome[]> {
    s = scheduler;
    try {
      const running = requests.map((r) => r().then(outcome, (e: unknown) => ({ ok: false as const, code: `INTERNAL ${String(e)}` })));
      await scheduler.waitIdle();
      return await Promise.all(running);
    } finally {
      s = undefined;
    }
  }
  return { w, race };
}

/** The last places: `people` citizens at once for a slot with `left` places of `capacity` left. */
function lastPlaces(options: WorldOptions = {}) {
  return fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 2, max: 4 }), async (s, capacity, taken, people) => {
    const { w, race } = racingWorld({ ...options, capacity });
    const plan = w.slot(TUE, '09:00');
    const before = Math.min(taken, capacity - 1);
    for (const p of CITIZENS.slice(4, 4 + before)) expect((await w.reserve(p, plan)).ok).toBe(true);
    const results = await race(
      s,
      CITIZENS.slice(0, people).map((p) => () => w.reserve(p, plan)),
    );
    const left = capacity - before;
    expect(results.filter((r) => r.ok)).toHaveLength(Math.min(people, left));
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(Math.max(0, people - left)).fill('SLOT_FULL'));
    expect(storeProblems(w.booking)).toEqual([]);
  });
}

/**
 * A store that notes every moment the database itself found a slot full: a read of the slot (the
 * "is it full?" check) or a conditional take that took nothing. A SLOT_FULL needs one of them.
 */
class FullnessWitness extends InMemoryBookingStore {
  fullReads = 0;
  failedTakes = 0;
  override async slot(slotId: string) {
    const s = await super.slot(slotId);
    if (s && s.booked >= s.capacity) this.fullReads++;
    return s;
  }
  override async takePlace(plan: SlotPlan, holder: string): Promise<boolean> {
    const taken = await super.takePlace(plan, holder);
    if (!taken) this.failedTakes++;
    return taken;
  }
}

/** Cancellations racing with new reserves on a full slot of `capacity` places. */
function cancellationsFreePlaces() {
  return fc.asyncProperty(
    fc.scheduler(),
    fc.integer({ min: 1, max: 2 }),
    fc.integer({ min: 1, max: 2 }),
    fc.integer({ min: 1, max: 3 }),
    async (s, capacity, cancels, reserves) => {
      const { w, race } = racingWorld({ capacity, store: (now, turn) => new FullnessWitness(now, turn) });
      const store = w.booking as FullnessWitness;
      const plan = w.slot(TUE, '09:00');
      const holders = CITIZENS.slice(0, capacity);
      const ids = [];
      for (const p of holders) ids.push(await w.ok(p, 'reserve', { hallId: plan.hallId, business: ID_CARD, slotId: plan.slotId }));
      store.fullReads = 0;
      store.failedTakes = 0;
      const newcomers = CITIZENS.slice(2, 2 + reserves);
      const results = await race(s, [
        ...ids.slice(0, Math.min(cancels, capacity)).map((a, i) => () => w.call(holders[i]!, 'cancel', { appointmentId: a.id })),
        ...newcomers.map((p) => () => w.reserve(p, plan)),
      ]);
      const refusals = results.filter((r) => !r.ok).map((r) => !r.ok && r.code);
      expect(refusals.every((c) => c === 'SLOT_FULL')).toBe(true);
      // No false SLOT_FULL: each refusal was answered by the database finding the slot full at that moment.
      expect(refusals.length).toBeLessThanOrEqual(store.fullReads + store.failedTakes);
      expect(storeProblems(w.booking)).toEqual([]);
      // A place freed and left over is booked by the next person at once.
      const left = capacity - (w.booking.slotDocs.get(plan.slotId)?.booked ?? 0);
      expect((await w.reserve('o-f', plan)).ok).toBe(left > 0);
    },
  );
}

describe('interleaved requests (fast-check scheduler)', () => {
  it('concurrent reserves for the last places never overbook: exactly as many succeed as places were left, the rest are SLOT_FULL', async () => {
    await fc.assert(lastPlaces(), RUNS);
  });

  it('the same property catches a store that reads the count and then writes it (so the scheduler reaches the racy orders)', async () => {
    class ReadThenWrite extends InMemoryBookingStore {
      override async takePlace(plan: SlotPlan, holder: string): Promise<boolean> {
        const booked = await this.op('slots.read', () => this.slotDocs.get(plan.slotId)?.booked ?? 0);
        if (booked >= plan.capacity) return false;
        return this.op('slots.write', () => {
          const s = this.slotDocs.get(plan.slotId) ?? emptySlot(plan);
          this.slotDocs.set(plan.slotId, { ...s, booked: booked + 1, holders: [...(s.holders ?? []), holder], lastTakenAt: new Date() });
          return true;
        });
      }
    }
    const result = await fc.check(lastPlaces({ store: (now, turn) => new ReadThenWrite(now, turn) }), RUNS);
    expect(result.failed).toBe(true);
  });

  it('cancellations racing with reserves on a full slot: every SLOT_FULL comes from the database finding the slot full (the "is it full?" read or the take), never while a place was free', async () => {
    await fc.assert(cancellationsFreePlaces(), RUNS);
  });

  it('a full slot refuses at once: one read of the slot, no claim taken, no per-person check', async () => {
    const { w } = racingWorld({ capacity: 1 });
    const plan = w.slot(TUE, '09:00');
    expect((await w.reserve('o-a', plan)).ok).toBe(true);
    w.booking.ops.length = 0;
    expect(outcome(await w.reserve('o-b', plan))).toEqual({ ok: false, code: 'SLOT_FULL' });
    expect(w.booking.ops.filter((op) => op.startsWith('claims.') || op.startsWith('slots.takePlace') || op === 'appointments.noShows')).toEqual([]);
    expect(w.booking.ops.filter((op) => op === 'slots.get')).toHaveLength(1);
  });

  it('one person racing themselves (other requests, or the same request twice) gets one booking', async () => {
    const slots = ['09:00', '09:30', '10:00'];
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 3 }), async (s, requests) => {
        const { w, race } = racingWorld({ capacity: 3 });
        // Request k always asks for slot k: a repeated request id is a retry of the same input.
        const results = await race(
          s,
          requests.map((k) => () => w.reserve('o-a', w.slot(TUE, slots[k]!), ID_CARD, {}, `request-of-a-${k}`)),
        );
        const booked = [...w.booking.appointments.values()].filter((a) => a.status === 'booked');
        expect(booked).toHaveLength(1);
        for (const r of results) expect(r).toEqual(r.ok ? { ok: true, id: booked[0]!._id } : { ok: false, code: 'ALREADY_BOOKED' });
        expect(storeProblems(w.booking)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('cancel, reserve and reschedule at once keep every slot count equal to the appointments holding it; the sweep finds no place to return', async () => {
    // o-a and o-b fill 09:00 (2 places), o-c holds one of 09:30's; then any of these at once.
    const ops = ['a cancels', 'a moves to 09:30', 'b moves to 09:30', 'c cancels', 'c moves to 09:00', 'd books 09:00', 'e books 09:30', 'f books 09:00'] as const;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.subarray([...ops], { minLength: 2 }), async (s, chosen) => {
        const { w, race } = racingWorld({ capacity: 2 });
        const s9 = w.slot(TUE, '09:00');
        const s930 = w.slot(TUE, '09:30');
        const a = await w.ok('o-a', 'reserve', { hallId: s9.hallId, business: ID_CARD, slotId: s9.slotId });
        const b = await w.ok('o-b', 'reserve', { hallId: s9.hallId, business: ID_CARD, slotId: s9.slotId });
        const c = await w.ok('o-c', 'reserve', { hallId: s930.hallId, business: ID_CARD, slotId: s930.slotId });
        const run: Record<(typeof ops)[number], () => Promise<FunctionResponse<{ id: string }>>> = {
          'a cancels': () => w.call('o-a', 'cancel', { appointmentId: a.id }),
          'a moves to 09:30': () => w.call('o-a', 'reschedule', { appointmentId: a.id, slotId: s930.slotId }),
          'b moves to 09:30': () => w.call('o-b', 'reschedule', { appointmentId: b.id, slotId: s930.slotId }),
          'c cancels': () => w.call('o-c', 'cancel', { appointmentId: c.id }),
          'c moves to 09:00': () => w.call('o-c', 'reschedule', { appointmentId: c.id, slotId: s9.slotId }),
          'd books 09:00': () => w.reserve('o-d', s9),
          'e books 09:30': () => w.reserve('o-e', s930),
          'f books 09:00': () => w.reserve('o-f', s9),
        };
        const results = await race(
          s,
          chosen.map((op) => run[op]),
        );
        // Only catalogue answers; every slot and every claim exact at once, with no sweep: when an
        // owner's cancel beats their own reschedule of the same appointment, the claims carried over
        // are freed by the undo, not left with the cancelled one to refuse that person.
        for (const r of results) if (!r.ok) expect(['SLOT_FULL', 'APPOINTMENT_NOT_ACTIVE', 'ALREADY_BOOKED']).toContain(r.code);
        expect(storeProblems(w.booking)).toEqual([]);

        // The sweep, once everything is quiet, returns no place (none leaked) and leaves a sound store.
        w.clock.advance(10 * MIN);
        const swept = await w.ok(undefined, 'reconcileSlots');
        expect(swept.placesReturned).toBe(0);
        expect(storeProblems(w.booking)).toEqual([]);
      }),
      RUNS,
    );
  });
});

it('an hours edit closing a slot while citizens book it: every place taken is counted by the close, none is taken after it, nothing is left over', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 4 }), async (s, people) => {
      const { w, race } = racingWorld({ capacity: 3 });
      const plan = w.slot(TUE, '09:00');
      let held = -1;
      const closing = async (): Promise<FunctionResponse<{ id: string }>> => {
        held = await w.booking.closeSlots([plan]);
        return { ok: false, error: { code: 'SLOT_NOT_FOUND', message: 'the close itself' } };
      };
      const results = await race(s, [closing, ...CITIZENS.slice(0, people).map((p) => () => w.reserve(p, plan))]);
      const booked = results.filter((r) => r.ok);
      // A booking stands only if the close counted its place (so the edit is refused and put back).
      expect(booked.length).toBeLessThanOrEqual(held);
      expect(results.slice(1).filter((r) => !r.ok && r.code !== 'SLOT_NOT_FOUND' && r.code !== 'SLOT_FULL')).toEqual([]);
      expect((await w.reserve(CITIZENS[5], plan)).ok).toBe(false);
      expect(storeProblems(w.booking)).toEqual([]);
    }),
    RUNS,
  );
});
