import fc from 'fast-check';
import { isDomainError } from '../../core/errors/DomainError';
import type { HomeVisit } from '../../core/homeVisit/HomeVisit';
import { fireHomeVisit, type HomeVisitCommand, type Now } from '../../core/homeVisit/fire';
import { HOME_VISIT_STATES, homeVisitReasons, isHomeVisitReason, isOpenHomeVisit } from '../../core/homeVisit/homeVisitNames';
import { hallOrder } from '../../core/homeVisit/hallOrder';
import { eventsFor, HOME_VISIT_TRANSITIONS, leadOnly, nextHomeVisitState, type HomeVisitSide } from '../../core/homeVisit/homeVisitStates';
import { officersProblem, refusalProblem, requestProblem } from '../../core/homeVisit/requestRules';
import { addDays, completeProblem, isOverdue, windowProblem } from '../../core/homeVisit/visitWindow';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return isDomainError(e) ? e.code : 'THREW';
  }
};

const NOW: Now = { at: new Date('2026-12-03T02:00:00Z'), today: '2026-12-03', clock: '10:00' };
/** The arranged day (after the reschedule below), when the officers have been. */
const VISIT_DAY: Now = { at: new Date('2026-12-06T04:00:00Z'), today: '2026-12-06', clock: '12:00' };
const WINDOW = { date: '2026-12-05', from: '09:00', to: '11:00' };

function requested(): HomeVisit {
  return {
    _id: 'v1',
    hallId: 'haikou-longhua',
    business: 'id-card-renewal',
    reason: 'elderly',
    state: 'requested',
    version: 1,
    requesterOpenid: 'o1',
    subjectResidentId: 'r1',
    subjectIdIndex: 'i1',
    subjectNameEnc: 'enc',
    detailEnc: 'enc',
    phoneEnc: 'enc',
    createdAt: NOW.at,
    updatedAt: NOW.at,
    history: [{ event: 'request', state: 'requested', by: 'citizen', at: NOW.at }],
  };
}

const commands: Record<string, HomeVisitCommand> = {
  assign: { event: 'assign', officers: ['张警官', '李警官'], window: WINDOW },
  reschedule: { event: 'reschedule', window: { ...WINDOW, date: '2026-12-06' } },
  refuse: { event: 'refuse', reason: '该事项须本人到大厅采集指纹' },
  confirm: { event: 'confirm' },
  complete: { event: 'complete' },
  cancel: { event: 'cancel' },
};
const sideOf = (c: HomeVisitCommand): HomeVisitSide => HOME_VISIT_TRANSITIONS[c.event].side;

describe('the journey', () => {
  test('request → assign → confirm → reschedule → confirm → done', () => {
    let v = requested();
    for (const name of ['assign', 'confirm', 'reschedule', 'confirm']) v = fireHomeVisit(v, commands[name]!, sideOf(commands[name]!), v.version, NOW);
    // Marking done before the arranged day is refused: the visit has not happened.
    expect(codeOf(() => fireHomeVisit(v, commands.complete!, 'hall', v.version, NOW))).toBe('HOME_VISIT_INVALID');
    v = fireHomeVisit(v, commands.complete!, 'hall', v.version, VISIT_DAY);
    expect(v).toMatchObject({ state: 'done', version: 6, officers: ['张警官', '李警官'], window: { date: '2026-12-06', from: '09:00', to: '11:00' } });
    expect(v.history.map((s) => s.state)).toEqual(['requested', 'assigned', 'confirmed', 'assigned', 'confirmed', 'done']);
  });

  test('a stale version, the wrong side, a state that does not fit, bad content', () => {
    const v = requested();
    expect(codeOf(() => fireHomeVisit(v, commands.assign!, 'hall', 0, NOW))).toBe('HOME_VISIT_VERSION_CONFLICT');
    expect(codeOf(() => fireHomeVisit(v, commands.assign!, 'citizen', 1, NOW))).toBe('FORBIDDEN');
    expect(codeOf(() => fireHomeVisit(v, commands.confirm!, 'hall', 1, NOW))).toBe('FORBIDDEN');
    expect(codeOf(() => fireHomeVisit(v, commands.confirm!, 'citizen', 1, NOW))).toBe('HOME_VISIT_STATE_CONFLICT');
    expect(codeOf(() => fireHomeVisit(v, commands.complete!, 'hall', 1, NOW))).toBe('HOME_VISIT_STATE_CONFLICT');
    expect(codeOf(() => fireHomeVisit(v, { event: 'assign', officers: [], window: WINDOW }, 'hall', 1, NOW))).toBe('HOME_VISIT_INVALID');
    expect(codeOf(() => fireHomeVisit(v, { event: 'assign', officers: ['张警官'], window: { ...WINDOW, from: '12:00' } }, 'hall', 1, NOW))).toBe('HOME_VISIT_INVALID');
    expect(codeOf(() => fireHomeVisit(v, { event: 'refuse', reason: '不' }, 'hall', 1, NOW))).toBe('HOME_VISIT_INVALID');
  });
});

describe('rules of content', () => {
  test('reasons are a fixed list', () => {
    expect(homeVisitReasons).toContain('elderly');
    expect(isHomeVisitReason('toString')).toBe(false);
    expect(requestProblem({ reason: 'lazy', detail: '龙华路1号2栋301', phone: '13812345678' })).toBe('请选择不能到大厅办理的原因');
  });
  test('address and phone as a delivery address', () => {
    expect(requestProblem({ reason: 'disabled', detail: '龙华路1号2栋301', phone: '13812345678' })).toBeUndefined();
    expect(requestProblem({ reason: 'disabled', detail: '路', phone: '13812345678' })).toMatch(/详细地址/);
    expect(requestProblem({ reason: 'disabled', detail: '龙华路1号2栋301', phone: '2381234567' })).toMatch(/手机/);
    expect(requestProblem({ reason: 'disabled', detail: '龙华路1号2栋301', phone: '13812345678', note: '很'.repeat(201) })).toMatch(/补充说明/);
  });
  test('officers and refusals', () => {
    expect(officersProblem(['张警官'])).toBeUndefined();
    expect(officersProblem(['张警官', '张警官'])).toMatch(/重复/);
    expect(officersProblem(['a', 'b', 'c', 'd'])).toMatch(/1至3/);
    expect(refusalProblem('须本人到厅')).toBeUndefined();
  });
  test('windows: from today (later than now) to 30 days ahead, 08:00–20:00, at most 4 hours', () => {
    const ok = (w: { date: string; from: string; to: string }) => windowProblem(w, '2026-12-03', '10:00');
    expect(ok(WINDOW)).toBeUndefined();
    expect(ok({ date: '2026-12-03', from: '09:00', to: '11:00' })).toMatch(/晚于现在/);
    expect(ok({ date: '2026-12-03', from: '14:00', to: '16:00' })).toBeUndefined();
    expect(ok({ date: '2026-12-02', from: '09:00', to: '11:00' })).toMatch(/30天/);
    expect(ok({ date: '2027-01-02', from: '09:00', to: '11:00' })).toBeUndefined();
    expect(ok({ date: '2027-01-03', from: '09:00', to: '11:00' })).toMatch(/30天/);
    expect(ok({ date: '2026-12-05', from: '07:00', to: '09:00' })).toMatch(/08:00/);
    expect(ok({ date: '2026-12-05', from: '09:00', to: '13:30' })).toMatch(/4小时/);
    expect(ok({ date: '2026-12-05', from: '11:00', to: '11:00' })).toMatch(/晚于开始/);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('properties', () => {
  const event = fc.constantFrom(...Object.keys(commands));
  const side = fc.constantFrom<HomeVisitSide>('citizen', 'hall');

  test('any sequence: the version rises by one exactly when a step is accepted; a finished visit takes nothing more; done only after confirmed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(event, side, fc.boolean()), { maxLength: 30 }), (steps) => {
        let v = requested();
        for (const [name, by, stale] of steps) {
          const before = v;
          try {
            v = fireHomeVisit(v, commands[name]!, by, stale ? v.version - 1 : v.version, NOW);
          } catch (e) {
            if (!isDomainError(e)) throw e;
            expect(v).toBe(before);
            continue;
          }
          expect(stale).toBe(false);
          expect(isOpenHomeVisit(before.state)).toBe(true);
          expect(v.version).toBe(before.version + 1);
          expect(v.history).toHaveLength(v.version);
          if (v.state === 'done') expect(before.state).toBe('confirmed');
          if (name === 'reschedule') expect(v.state).toBe('assigned');
        }
        expect(HOME_VISIT_STATES).toContain(v.state);
      }),
    );
  });

  test('the table: each side fires only its own events, and eventsFor lists exactly the ones that apply', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOME_VISIT_STATES), side, fc.boolean(), (state, by, lead) => {
        const allowed = eventsFor(state, by, lead);
        for (const e of Object.keys(HOME_VISIT_TRANSITIONS) as (keyof typeof HOME_VISIT_TRANSITIONS)[]) {
          const code = codeOf(() => nextHomeVisitState(state, e, by));
          // A lead's steps (arrange, move, refuse) are offered to the lead only.
          expect(code === undefined && (lead || !leadOnly(e))).toBe(allowed.includes(e));
        }
        if (!isOpenHomeVisit(state)) expect(allowed).toEqual([]);
      }),
    );
  });

  test('of two people acting on one version, a compare-and-set store keeps exactly one', () => {
    fc.assert(
      fc.property(fc.constantFrom('refuse', 'assign'), fc.constantFrom('cancel'), (hallEvent, citizenEvent) => {
        const stored = { doc: requested() };
        const cas = (next: HomeVisit, expected: number) => (stored.doc.version === expected ? ((stored.doc = next), true) : false);
        const seen = stored.doc;
        const a = fireHomeVisit(seen, commands[hallEvent]!, 'hall', seen.version, NOW);
        const b = fireHomeVisit(seen, commands[citizenEvent]!, 'citizen', seen.version, NOW);
        expect([cas(a, seen.version), cas(b, seen.version)].filter(Boolean)).toHaveLength(1);
        expect(stored.doc.version).toBe(2);
      }),
    );
  });

  test('a window accepted is within the day, the hours and the length allowed', () => {
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 40 }), hhmm, hhmm, (days, from, to) => {
        const date = addDays('2026-12-03', days);
        if (windowProblem({ date, from, to }, '2026-12-03', '10:00') !== undefined) return;
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThanOrEqual(30);
        expect(from >= '08:00' && to <= '20:00' && from < to).toBe(true);
        if (days === 0) expect(from > '10:00').toBe(true);
      }),
    );
  });
});

describe('the arranged day', () => {
  const w = { date: '2026-12-05', from: '09:00', to: '11:00' };
  test('marked done from the arranged day on, not before', () => {
    expect(completeProblem(w, '2026-12-04')).toMatch(/未到/);
    expect(completeProblem(w, '2026-12-05')).toBeUndefined();
    expect(completeProblem(w, '2026-12-09')).toBeUndefined();
  });
  test('overdue once the window has ended', () => {
    expect(isOverdue(w, '2026-12-05', '10:59')).toBe(false);
    expect(isOverdue(w, '2026-12-05', '11:01')).toBe(true);
    expect(isOverdue(w, '2026-12-06', '08:00')).toBe(true);
    expect(isOverdue(undefined, '2026-12-06', '08:00')).toBe(false);
  });
});

describe('the order a hall works in', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
  const state = fc.constantFrom(...HOME_VISIT_STATES);
  const visitArb = fc.record({
    n: fc.integer({ min: 0, max: 999 }),
    state,
    created: fc.integer({ min: 1, max: 20 }),
    updated: fc.integer({ min: 1, max: 28 }),
    day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
  });
  test('arranged open visits by time, then requests oldest first, then closed ones newest first; the same whatever the input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(visitArb, { selector: (x) => x.n, maxLength: 12 }), (rows) => {
        const visits: HomeVisit[] = rows.map((r) => ({
          ...requested(),
          _id: `v${r.n}`,
          state: r.state,
          createdAt: at(r.created),
          updatedAt: at(r.updated),
          ...(r.day !== undefined && r.state !== 'requested' && { window: { date: `2026-12-${String(r.day).padStart(2, '0')}`, from: '09:00', to: '11:00' } }),
        }));
        const ordered = hallOrder(visits);
        expect(hallOrder([...visits].reverse())).toEqual(ordered);
        const group = (v: HomeVisit) => (!isOpenHomeVisit(v.state) ? 2 : v.window ? 0 : 1);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          expect(group(a)).toBeLessThanOrEqual(group(b));
          if (group(a) !== group(b)) continue;
          if (group(a) === 0) expect(a.window!.date <= b.window!.date).toBe(true);
          if (group(a) === 1) expect(a.createdAt.getTime()).toBeLessThanOrEqual(b.createdAt.getTime());
          if (group(a) === 2) expect(a.updatedAt.getTime()).toBeGreaterThanOrEqual(b.updatedAt.getTime());
        }
      }),
    );
  });
});
