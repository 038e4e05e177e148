import { DomainError } from '../../core/errors/DomainError';
import { fireEvent, type EventMachine, type EventPorts, type Versioned } from '../../core/stateMachine/fireEvent';

/**
 * The one state-change runner both application features (reissue, business) use: the machine's
 * step, a compare-and-set write, a lost answer recognised by reading back, a repeat answered, a
 * lost race refused, the claim released when the application closes, the hook after a write.
 */

interface App extends Versioned {
  state: 'open' | 'closed';
}
type Event = { type: 'touch' | 'close' };
type Actor = { role: string };

const T0 = new Date('2026-03-02T02:00:00Z');
const officer: Actor = { role: 'officer' };
const app = (version = 1, state: App['state'] = 'open'): App => ({
  _id: 'a1',
  version,
  state,
  // Timeline entry i is version i.
  timeline: Array.from({ length: version + 1 }, (_, i) => ({
    event: i === 0 ? 'create' : 'touch',
    by: 'citizen',
    state: 'open',
    at: new Date(T0.getTime() - 1000 * (version + 1 - i)),
  })),
});

function machine(overrides: Partial<EventMachine<App, Event, Actor>> = {}): EventMachine<App, Event, Actor> {
  return {
    transition: (a, e, actor, now) => {
      if (e.expectedVersion !== a.version) return { ok: false, reason: { code: 'APPLICATION_VERSION_CONFLICT', detail: '申请已被更新' } };
      if (a.state === 'closed') return { ok: false, reason: { code: 'APPLICATION_STATE_CONFLICT', detail: '已结束' } };
      const state = e.type === 'close' ? 'closed' : 'open';
      return { ok: true, app: { ...a, state, version: a.version + 1, timeline: [...a.timeline, { event: e.type, by: actor.role, state, at: now }] } };
    },
    conflict: 'APPLICATION_VERSION_CONFLICT',
    refuseStale: false,
    alreadyFired: (a, e, actor, expected) =>
      expected !== undefined && a.timeline.length - 1 === expected + 1 && a.timeline.at(-1)!.event === e.type && a.timeline.at(-1)!.by === actor.role,
    isOpen: (a) => a.state === 'open',
    ...overrides,
  };
}

function ports(stored: { app?: App }, saves: boolean[] = []) {
  const log: string[] = [];
  const p: EventPorts<App, Event, Actor> = {
    now: () => T0,
    save: async (next, expected) => {
      const ok = saves.length ? saves.shift()! : stored.app?.version === expected;
      log.push(`save v${next.version} on v${expected}: ${ok}`);
      if (ok) stored.app = next;
      return ok;
    },
    read: async () => stored.app ?? null,
    release: async (a) => void log.push(`release ${a._id}`),
    written: async (a, e, actor) => void log.push(`written ${e.type} by ${actor.role} v${a.version}`),
  };
  return { p, log };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? `${e.code}:${e.detail ?? ''}` : String(e)),
  );

test('a step: written on the version read, the hook told, no release while open', async () => {
  const stored = { app: app() };
  const { p, log } = ports(stored);
  const next = await fireEvent(machine(), p, stored.app, { type: 'touch' }, officer);
  expect(next.version).toBe(2);
  expect(stored.app).toBe(next);
  expect(log).toEqual(['save v2 on v1: true', 'written touch by officer v2']);
});

test('closing releases the claim, after the hook', async () => {
  const stored = { app: app() };
  const { p, log } = ports(stored);
  expect((await fireEvent(machine(), p, stored.app, { type: 'close' }, officer)).state).toBe('closed');
  expect(log).toEqual(['save v2 on v1: true', 'written close by officer v2', 'release a1']);
});

test("the machine's refusal is its catalogue error with its detail; nothing is written", async () => {
  const stored = { app: app(2, 'closed') };
  const { p, log } = ports(stored);
  expect(await refusal(fireEvent(machine(), p, stored.app, { type: 'touch' }, officer))).toBe('APPLICATION_STATE_CONFLICT:已结束');
  expect(log).toEqual([]);
});

test('a stale expectedVersion: the machine refuses it (with its detail), or the runner does first (refuseStale, no detail)', async () => {
  const stored = { app: app(3) };
  expect(await refusal(fireEvent(machine(), ports(stored).p, stored.app, { type: 'touch' }, officer, 1))).toBe('APPLICATION_VERSION_CONFLICT:申请已被更新');
  const transition = jest.fn();
  const first = machine({ refuseStale: true, conflict: 'REISSUE_VERSION_CONFLICT', transition });
  expect(await refusal(fireEvent(first, ports(stored).p, stored.app, { type: 'touch' }, officer, 1))).toBe('REISSUE_VERSION_CONFLICT:');
  expect(transition).not.toHaveBeenCalled();
});

test("a client's retry of the last event answers the application as it is (and releases a closed one again)", async () => {
  const stored = { app: app() };
  const first = await fireEvent(machine(), ports(stored).p, stored.app, { type: 'close' }, officer, 1);
  const { p, log } = ports(stored);
  expect(await fireEvent(machine(), p, first, { type: 'close' }, officer, 1)).toBe(first);
  expect(log).toEqual(['release a1']);
});

test('a write whose answer was lost is recognised by reading it back', async () => {
  const stored = { app: app() };
  const { p, log } = ports(stored, [false]);
  const written = machine().transition(stored.app, { type: 'touch', expectedVersion: 1 }, officer, T0);
  if (written.ok) stored.app = written.app;
  const next = await fireEvent(machine(), p, app(), { type: 'touch' }, officer);
  expect(next.version).toBe(2);
  expect(log).toEqual(['save v2 on v1: false', 'written touch by officer v2']);
});

test("a lost race is the machine's conflict: another write at that version (other actor, event or time)", async () => {
  for (const other of [
    { event: 'touch', by: 'citizen', state: 'open', at: T0 },
    { event: 'close', by: 'officer', state: 'closed', at: T0 },
    { event: 'touch', by: 'officer', state: 'open', at: new Date(T0.getTime() + 1) },
  ]) {
    const stored = { app: { ...app(), version: 2, timeline: [...app().timeline, other] } };
    const { p, log } = ports(stored);
    expect(await refusal(fireEvent(machine({ conflict: 'REISSUE_VERSION_CONFLICT' }), p, app(), { type: 'touch' }, officer))).toBe('REISSUE_VERSION_CONFLICT:');
    expect(log).toEqual(['save v2 on v1: false']);
  }
});
