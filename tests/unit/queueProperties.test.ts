/**
 * The hall floor's queue (core/queue) under random days: tickets booked and walked in, green
 * channel marks, and windows calling, recalling, skipping, transferring and finishing in any order.
 * Whatever happens: nobody is served twice, the green channel goes first, no number is lost (after
 * the windows drain the queue every ticket is done, or missed after MAX_SKIPS no-answers), and
 * windows calling at once (fast-check's scheduler interleaving the store's reads and
 * compare-and-sets) never get the same ticket.
 */
import fc from 'fast-check';
import { DomainError } from '../../core/errors/DomainError';
import { callNext, moveTicket } from '../../core/queue/callNext';
import { isCallable } from '../../core/queue/callOrder';
import { greenReasons } from '../../core/queue/greenReasons';
import { bookedTicket, walkInTicket } from '../../core/queue/newTicket';
import type { QueueTicket } from '../../core/queue/QueueTicket';
import { MAX_SKIPS, SKIP_PAUSE_MS, finish, markGreen, recall, serve, skip, transfer } from '../../core/queue/windowMoves';
import { windowState } from '../../core/queue/windowState';
import { InMemoryQueueStore } from './support/queueInMemoryStore';

const HALL = 'haikou-longhua';
const DATE = '2026-03-02';
// 09:00 in Shanghai.
const START = new Date('2026-03-02T01:00:00Z');
const WINDOWS = ['1', '2', '3'];
const STARTS = ['09:00', '09:30', '10:00', '10:30'];

const ticketArb = fc.record({ booked: fc.boolean(), start: fc.constantFrom(...STARTS), green: fc.option(fc.constantFrom(...greenReasons), { nil: undefined }) });
const windowArb = fc.constantFrom(...WINDOWS);
const opArb = fc.oneof(
  fc.record({ op: fc.constant('call' as const), w: windowArb }),
  fc.record({ op: fc.constant('recall' as const), w: windowArb }),
  fc.record({ op: fc.constant('serve' as const), w: windowArb }),
  fc.record({ op: fc.constant('skip' as const), w: windowArb }),
  fc.record({ op: fc.constant('finish' as const), w: windowArb }),
  fc.record({ op: fc.constant('transfer' as const), w: windowArb, to: windowArb }),
  fc.record({ op: fc.constant('green' as const), i: fc.nat(40), reason: fc.constantFrom(...greenReasons) }),
  fc.record({ op: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 20 }) }),
);

function seed(store: InMemoryQueueStore, specs: Array<{ booked: boolean; start: string; green?: (typeof greenReasons)[number] }>): void {
  specs.forEach((s, i) => {
    const n = i + 1;
    const t = s.booked
      ? bookedTicket({ _id: `a${n}`, hallId: HALL, date: DATE, start: s.start, business: 'id-card-renewal' }, n, START)
      : walkInTicket(`w${n}`, HALL, DATE, n, START);
    store.tickets.set(t._id, s.green ? { ...t, green: { reason: s.green, by: 'officer', at: new Date(START.getTime() + n) } } : t);
  });
}

const all = (store: InMemoryQueueStore): QueueTicket[] => [...store.tickets.values()];
const current = (store: InMemoryQueueStore, w: string) => {
  const s = windowState(all(store), w);
  return s.state === 'idle' ? null : s.ticketId;
};
async function refusedOr<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/** Every ticket is in one state, at most one at each window, missed only after MAX_SKIPS no-answers. */
function checkInvariants(store: InMemoryQueueStore, count: number): void {
  const tickets = all(store);
  expect(tickets).toHaveLength(count);
  for (const w of WINDOWS) expect(tickets.filter((t) => (t.status === 'calling' || t.status === 'serving') && t.window === w).length).toBeLessThanOrEqual(1);
  for (const t of tickets) {
    if (t.status === 'missed') expect(t.skips).toBe(MAX_SKIPS);
    if (t.status === 'calling' || t.status === 'serving') expect(t.window).not.toBeNull();
  }
}

test('nobody is served twice, the green channel goes first, and no number is lost', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 30 }), fc.array(opArb, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), async (specs, ops, perWalkIn) => {
      const store = new InMemoryQueueStore();
      seed(store, specs);
      let now = START;
      const served: string[] = [];
      const act = async (op: (typeof ops)[number]) => {
        const at = current(store, 'w' in op ? op.w : '');
        switch (op.op) {
          case 'call': {
            const before = all(store);
            const t = await refusedOr(callNext(store, HALL, DATE, op.w, now, perWalkIn));
            if (t && t.green === null && !before.find((x) => x._id === t._id)!.transferred) {
              // Priority: no callable green ticket (not waiting for another window) was passed over.
              expect(before.filter((x) => x.green && isCallable(x, now) && !x.transferred)).toEqual([]);
            }
            return;
          }
          case 'recall':
            if (at) await refusedOr(moveTicket(store, at, HALL, (t) => recall(t, op.w, now)));
            return;
          case 'serve':
            if (at) await refusedOr(moveTicket(store, at, HALL, (t) => serve(t, op.w, now)));
            return;
          case 'skip':
            if (at) await refusedOr(moveTicket(store, at, HALL, (t) => skip(t, op.w, now)));
            return;
          case 'transfer':
            if (at) await refusedOr(moveTicket(store, at, HALL, (t) => transfer(t, op.w, op.to)));
            return;
          case 'finish':
            if (at && (await refusedOr(moveTicket(store, at, HALL, (t) => finish(t, op.w, 'id-card-renewal', now))))) served.push(at);
            return;
          case 'green': {
            const t = all(store)[op.i % specs.length];
            await refusedOr(moveTicket(store, t._id, HALL, (x) => markGreen(x, op.reason, 'officer', now)));
            return;
          }
          case 'wait':
            now = new Date(now.getTime() + op.minutes * 60_000);
        }
      };
      for (const op of ops) {
        await act(op);
        checkInvariants(store, specs.length);
      }
      // The windows drain the day: finish what they hold, then call and finish until nobody waits.
      for (let round = 0; round < 4 * specs.length + 10; round++) {
        now = new Date(now.getTime() + SKIP_PAUSE_MS);
        for (const w of WINDOWS) {
          const held = current(store, w) ?? (await refusedOr(callNext(store, HALL, DATE, w, now, perWalkIn)))?._id;
          if (held && (await refusedOr(moveTicket(store, held, HALL, (t) => finish(t, w, 'id-card-renewal', now))))) served.push(held);
        }
        checkInvariants(store, specs.length);
      }
      expect(new Set(served).size).toBe(served.length);
      for (const t of all(store)) expect(['done', 'missed']).toContain(t.status);
      expect(served.sort()).toEqual(
        all(store)
          .filter((t) => t.status === 'done')
          .map((t) => t._id)
          .sort(),
      );
    }),
    { numRuns: 150 },
  );
});

test('windows calling at once never get the same ticket, whatever the order of reads and writes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.array(ticketArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 3 }), async (s, specs, windows) => {
      const store = new InMemoryQueueStore((label) => s.schedule(Promise.resolve(label), label).then(() => undefined));
      seed(store, specs);
      const now = new Date(START.getTime() + 3 * 60 * 60_000);
      const calls = WINDOWS.slice(0, windows).map((w) => refusedOr(callNext(store, HALL, DATE, w, now, 2)));
      await s.waitIdle();
      const got = (await Promise.all(calls)).filter((t): t is QueueTicket => t !== null).map((t) => t._id);
      expect(new Set(got).size).toBe(got.length);
      // Every window got a ticket while there were enough (a window refused only when the queue ran dry).
      expect(got.length).toBe(Math.min(windows, specs.length));
      const calling = all(store).filter((t) => t.status === 'calling');
      expect(calling.map((t) => t._id).sort()).toEqual([...got].sort());
      expect(new Set(calling.map((t) => t.window)).size).toBe(calling.length);
    }),
    { numRuns: 200 },
  );
});

test('one window calling twice at once (a double tap, two officers at one desk) calls one ticket at most, and gives no number away', async () => {
  // Two calls at one window pick the same ticket unless the hall changed between their reads: here a
  // green-channel walk-in arrives meanwhile, so the later read may pick it while the earlier takes another.
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.array(ticketArb, { minLength: 1, maxLength: 5 }), async (s, specs) => {
      const store = new InMemoryQueueStore((label) => s.schedule(Promise.resolve(label), label).then(() => undefined));
      seed(store, specs);
      const now = new Date(START.getTime() + 3 * 60 * 60_000);
      const green = walkInTicket('w-green', HALL, DATE, 99, now);
      const arrives = store.addTicket({ ...green, green: { reason: 'elderly', by: 'officer', at: now } });
      const calls = [callNext(store, HALL, DATE, '1', now, 2), callNext(store, HALL, DATE, '1', now, 2)].map((p) =>
        p.then(
          (t) => t,
          (e: unknown) => {
            expect(e).toMatchObject({ code: 'QUEUE_WINDOW_BUSY' });
            return null;
          },
        ),
      );
      await s.waitIdle();
      await arrives;
      const got = (await Promise.all(calls)).filter((t): t is QueueTicket => t !== null);
      expect(got.length).toBeLessThanOrEqual(1);
      const calling = all(store).filter((t) => t.status === 'calling');
      expect(calling.map((t) => t._id)).toEqual(got.map((t) => t._id));
      // A ticket given back waits again, as it was: every other number still waits, never called.
      expect(all(store).filter((t) => t.status === 'waiting' && t.window === null && t.calls === 0)).toHaveLength(specs.length + 1 - got.length);
    }),
    { numRuns: 300 },
  );
});

test('booked arrivals go in appointment order, walk-ins by the hall rule, early arrivals last', async () => {
  const store = new InMemoryQueueStore();
  // 1: booked 10:00, 2: walk-in, 3: booked 09:30, 4: booked 09:00, 5: walk-in, 6: booked 11:30 (early).
  const specs = [
    { booked: true, start: '10:00' },
    { booked: false, start: '' },
    { booked: true, start: '09:30' },
    { booked: true, start: '09:00' },
    { booked: false, start: '' },
    { booked: true, start: '11:30' },
  ];
  seed(store, specs);
  let now = new Date(START.getTime() + 75 * 60_000); // 10:15
  const order: number[] = [];
  for (;;) {
    now = new Date(now.getTime() + 60_000);
    const t = await refusedOr(callNext(store, HALL, DATE, '1', now, 2));
    if (!t) break;
    order.push(t.number);
    await moveTicket(store, t._id, HALL, (x) => finish(x, '1', 'b', now));
  }
  expect(order).toEqual([4, 3, 2, 1, 5, 6]);
});

test('a skipped ticket waits out the pause, then is called again; the third no-answer marks it missed', async () => {
  const store = new InMemoryQueueStore();
  seed(store, [{ booked: false, start: '' }]);
  let now = START;
  for (let i = 1; i <= MAX_SKIPS; i++) {
    const t = await callNext(store, HALL, DATE, '1', now, 2);
    await moveTicket(store, t._id, HALL, (x) => skip(x, '1', now));
    if (i < MAX_SKIPS) await expect(callNext(store, HALL, DATE, '1', now, 2)).rejects.toMatchObject({ code: 'QUEUE_EMPTY' });
    now = new Date(now.getTime() + SKIP_PAUSE_MS);
  }
  expect(store.tickets.get('w1')).toMatchObject({ status: 'missed', skips: MAX_SKIPS });
});

test('a transferred ticket is the next one called at its new window, before the green channel', async () => {
  const store = new InMemoryQueueStore();
  seed(store, [
    { booked: false, start: '' },
    { booked: false, start: '', green: 'elderly' },
    { booked: false, start: '' },
  ]);
  const first = await callNext(store, HALL, DATE, '1', START, 2);
  expect(first.number).toBe(2);
  await moveTicket(store, first._id, HALL, (t) => transfer(t, '1', '2'));
  // Window 3 does not take it; window 2 does, first.
  expect((await callNext(store, HALL, DATE, '3', START, 2)).number).toBe(1);
  expect((await callNext(store, HALL, DATE, '2', START, 2)).number).toBe(2);
  await expect(callNext(store, HALL, DATE, '2', START, 2)).rejects.toMatchObject({ code: 'QUEUE_WINDOW_BUSY' });
});
