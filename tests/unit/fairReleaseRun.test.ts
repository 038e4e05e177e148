/**
 * Issue 17, fair release: the draw's run is safe when two run at once and when a run fails at any
 * database operation and is run again (resuming where it stopped): the outcome is always that of
 * one uninterrupted run — allocate() over the published order — with every place counted once and
 * the waiting list in draw order.
 */
import fc from 'fast-check';
import { DRAW_LEASE_MS } from '../../core/fairRelease/drawWindow';
import { runDraw } from '../../core/fairRelease/runDraw';
import { newAccount } from '../../core/identity/Account';
import { officerIdentity } from '../support/officerIdentity';
import { CITIZENS, HALL, ID_CARD, MIN, bookingWorld, storeProblems } from './support/bookingWorld';

const DAY = '2026-12-01';
const LEAD = 'o-lead';
const DRAW_ID = `${HALL}:${DAY}`;
/** How many runs the injected fault stopped (the property must have met some). */
let faultsHit = 0;

interface Scenario {
  /** Per applicant (CITIZENS in order): indexes of the slots wanted, most wanted first. */
  wants: number[][];
  disabled: boolean[];
  capacity: number;
}

/** A world with the draw opened and the applications made, the window closed; `faultAt`: the booking store's n-th operation fails once. */
async function drawn(s: Scenario, faultAt = -1) {
  let ops = 0;
  let armed = false;
  const turn = async () => {
    if (armed && ops++ === faultAt) {
      faultsHit++;
      throw new Error('injected: the database did not answer');
    }
  };
  const w = bookingWorld({ capacity: s.capacity, turn });
  const now = w.clock.now();
  void w.identities.saveAccount({ ...newAccount(LEAD, now), role: 'officer', halls: [HALL], leads: [HALL], identity: officerIdentity(w.secrets, LEAD, now) });
  await w.ok(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, groups: ['disabled'] });
  const plans = w.slotsOf(DAY).slice(0, 3);
  for (const [i, wants] of s.wants.entries()) {
    await w.ok(CITIZENS[i], 'applyReleaseDraw', {
      hallId: HALL,
      date: DAY,
      business: ID_CARD,
      preferences: wants.map((k) => plans[k].slotId),
      ...(s.disabled[i] && { group: 'disabled' }),
    });
  }
  w.clock.advance(65 * MIN);
  armed = true;
  return { w, disarm: () => (armed = false) };
}

/** What came of it: each applicant's state and slot, the line's order, the store's consistency. */
async function outcome(w: Awaited<ReturnType<typeof drawn>>['w']) {
  const draw = (await w.fairRelease.draw(DRAW_ID))!;
  const apps = [...w.fairRelease.applications.values()].sort((a, b) => (a.actorOpenid < b.actorOpenid ? -1 : 1));
  const line = [...w.waitlist.entries.values()].sort((x, y) => x.joinedAt.getTime() - y.joinedAt.getTime() || (x._id < y._id ? -1 : 1)).map((e) => e.actorOpenid);
  const booked = [...w.booking.appointments.values()]
    .filter((a) => a.status === 'booked')
    .map((a) => `${a.actorOpenid}@${a.slotId}`)
    .sort();
  return {
    state: draw.state,
    order: draw.order?.map((o) => o.ticket),
    apps: apps.map((a) => `${a.actorOpenid}:${a.state}:${a.slotId ?? ''}`),
    line,
    booked,
    problems: storeProblems(w.booking),
    open: [...w.booking.slotDocs.values()].filter((d) => d.releaseDraw).length,
  };
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  wants: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: CITIZENS.length }),
  disabled: fc.array(fc.boolean(), { minLength: CITIZENS.length, maxLength: CITIZENS.length }),
  capacity: fc.integer({ min: 1, max: 2 }),
});

async function reference(s: Scenario) {
  const { w } = await drawn(s);
  await runDraw(w.deps(undefined), DRAW_ID, { runner: 'reference' });
  return outcome(w);
}

it('one uninterrupted run: allocate() over the order, the line in draw order, no slot left marked', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      const o = await reference(s);
      expect(o.state).toBe('done');
      expect(o.problems).toEqual([]);
      expect(o.open).toBe(0);
      expect(o.booked.length + o.line.length).toBe(s.wants.length);
    }),
    { numRuns: 40 },
  );
});

it('a run failing at any operation, run again after its lease ran out, ends as one uninterrupted run', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, fc.nat({ max: 120 }), async (s, faultAt) => {
      const expected = await reference(s);
      const { w, disarm } = await drawn(s, faultAt);
      await runDraw(w.deps(undefined), DRAW_ID, { runner: 'first' }).catch((e: Error) => {
        if (!e.message.startsWith('injected')) throw e;
      });
      disarm();
      w.clock.advance(DRAW_LEASE_MS + 1);
      await runDraw(w.deps(undefined), DRAW_ID, { runner: 'second' });
      expect(await outcome(w)).toEqual(expected);
    }),
    { numRuns: 60 },
  );
  expect(faultsHit).toBeGreaterThan(10);
});

it('runs stopped after any number of applications resume where they stopped', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, fc.integer({ min: 1, max: 3 }), async (s, step) => {
      const expected = await reference(s);
      const { w } = await drawn(s);
      for (let k = 0; k < 10 && (await w.fairRelease.draw(DRAW_ID))!.state !== 'done'; k++) await runDraw(w.deps(undefined), DRAW_ID, { runner: `run-${k}`, maxSettled: step });
      expect(await outcome(w)).toEqual(expected);
    }),
    { numRuns: 40 },
  );
});

it('two runs at once, database operations interleaved in any order, end as one run', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, fc.scheduler(), async (s, scheduler) => {
      const expected = await reference(s);
      let sched: fc.Scheduler | undefined;
      const w2 = await (async () => {
        const turn = (label: string) => (sched ? sched.schedule(Promise.resolve(label), label).then(() => undefined) : Promise.resolve());
        const w = bookingWorld({ capacity: s.capacity, turn });
        const now = w.clock.now();
        void w.identities.saveAccount({ ...newAccount(LEAD, now), role: 'officer', halls: [HALL], leads: [HALL], identity: officerIdentity(w.secrets, LEAD, now) });
        await w.ok(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, groups: ['disabled'] });
        const plans = w.slotsOf(DAY).slice(0, 3);
        for (const [i, wants] of s.wants.entries()) {
          await w.ok(CITIZENS[i], 'applyReleaseDraw', {
            hallId: HALL,
            date: DAY,
            business: ID_CARD,
            preferences: wants.map((k) => plans[k].slotId),
            ...(s.disabled[i] && { group: 'disabled' }),
          });
        }
        w.clock.advance(65 * MIN);
        return w;
      })();
      sched = scheduler;
      const runs = [runDraw(w2.deps(undefined), DRAW_ID, { runner: 'a' }), runDraw(w2.deps(undefined), DRAW_ID, { runner: 'b' })];
      await scheduler.waitIdle();
      await Promise.all(runs);
      sched = undefined;
      // The run that lost the lease returned at once; a later run (the timer's) finishes anything left.
      w2.clock.advance(DRAW_LEASE_MS + 1);
      await runDraw(w2.deps(undefined), DRAW_ID, { runner: 'c' });
      expect(await outcome(w2)).toEqual(expected);
    }),
    { numRuns: 40 },
  );
});
