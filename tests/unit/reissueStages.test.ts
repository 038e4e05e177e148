/** The stage bar (core/reissue/stages.ts) and the carriers' Chinese names (core/reissue/names.ts). */
import fc from 'fast-check';
import { progressOf, Progress, type ProgressStage } from '../../core/reissue/stages';
import { COURIER_CHOICES, COURIER_NAMES, courierName } from '../../core/reissue/names';
import { defaultReissueConfig } from '../../core/reissue/ReissueConfig';
import { transition, type Actor } from '../../core/reissue/stateMachine';
import { REISSUE_STATES, type ActorRole, type ReissueApplication } from '../../core/reissue/ReissueApplication';
import { REISSUE_EVENT_TYPES, type ReissueEvent, type ReissueEventType } from '../../core/reissue/events';
import { trackingView } from '../../core/reissue/views';
import { HALL, NATIONAL_DAY, OWNER, T0, address, draft } from './support/reissueFixtures';

const config = defaultReissueConfig('460100');
const NOW = new Date('2026-10-20T02:00:00Z');
const context = { now: NOW, calendar: NATIONAL_DAY, config };
const ACTORS: Record<ActorRole, Actor> = {
  citizen: { role: 'citizen', id: OWNER },
  officer: { role: 'officer', id: 'officer-1' },
  system: { role: 'system' },
  courier: { role: 'courier' },
};
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

/** A well-formed event of a type for an application (payment ids follow the application's). */
function eventOf(app: ReissueApplication, type: ReissueEventType, n: number): ReissueEvent {
  const base = { expectedVersion: app.version };
  const paymentId = app.payment.id ?? `pay-${n}`;
  switch (type) {
    case 'startPayment':
      return { type, paymentId: `pay-${n}`, ...base };
    case 'paymentSucceeded':
    case 'paymentFailed':
      return { type, paymentId, ...base };
    case 'reject':
      return { type, reason: '照片不符合要求', ...base };
    case 'ship':
    case 'reship':
      return { type, courier: 'ems', trackingNumber: `EMS${100000 + n}CN`, ...base };
    case 'markReturned':
      return { type, note: '收件人拒收', ...base };
    case 'holdAtHall':
      return { type, hallId: HALL, ...base };
    case 'changeAddress':
      return { type, address: address(), ...base };
    default:
      return { type, ...base } as ReissueEvent;
  }
}

/** Every (event, actor) the machine accepts now, applied; one per resulting state and payment status, so runs get deep. */
function nextApps(app: ReissueApplication, n: number): ReissueApplication[] {
  const next = new Map<string, ReissueApplication>();
  REISSUE_EVENT_TYPES.forEach((type) =>
    Object.values(ACTORS).forEach((actor) => {
      const r = transition(app, eventOf(app, type, n), actor, at(n + 1));
      if (r.ok && !next.has(`${r.app.state}|${r.app.payment.status}`)) next.set(`${r.app.state}|${r.app.payment.status}`, r.app);
    }),
  );
  return [...next.values()];
}

function run(app: ReissueApplication, steps: Array<[ReissueEventType, ActorRole]>): ReissueApplication {
  return steps.reduce((a, [type, role]) => {
    const r = transition(a, eventOf(a, type, a.version), ACTORS[role], at(a.version + 1));
    if (!r.ok) throw new Error(`${type}: ${r.reason.detail}`);
    return r.app;
  }, app);
}

const PAID: Array<[ReissueEventType, ActorRole]> = [
  ['submit', 'citizen'],
  ['startPayment', 'citizen'],
  ['paymentSucceeded', 'system'],
];
const PRODUCED: Array<[ReissueEventType, ActorRole]> = [...PAID, ['startReview', 'officer'], ['approve', 'officer'], ['startProduction', 'officer']];
const SHIPPED: Array<[ReissueEventType, ActorRole]> = [...PRODUCED, ['ship', 'officer']];

const names = (p: Progress) => p.stages.map((s) => s.name).join('→');
const statuses = (p: Progress) => p.stages.map((s) => s.status).join(' ');

/** The invariants every bar keeps. */
function expectWellFormed(p: Progress): void {
  expect(Progress.parse(p)).toEqual(p);
  const st = p.stages.map((s) => s.status);
  const count = (x: ProgressStage['status']) => st.filter((s) => s === x).length;
  // Done stages are a prefix; then at most one current or stopped; then only ahead.
  const firstNotDone = st.findIndex((s) => s !== 'done');
  if (firstNotDone >= 0) expect(st.slice(firstNotDone + 1).every((s) => s === 'ahead')).toBe(true);
  if (p.status === 'going') expect([count('current'), count('stopped')]).toEqual([1, 0]);
  if (p.status === 'stopped') expect([count('current'), count('stopped'), p.stopReason ? 1 : 0]).toEqual([0, 1, 1]);
  if (p.status === 'finished') expect(count('done')).toBe(st.length);
  // Every stage reached has its time, none ahead has one; the deadline only on the current stage.
  // (受理 current or stopped may lack one: a draft, or one cancelled before it was submitted.)
  p.stages.forEach((s) => {
    if (s.status === 'ahead') expect(s.atText).toBeUndefined();
    if (s.status === 'done' || (s.status !== 'ahead' && s.key !== 'accepted')) expect(s.atText).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    if (s.deadline) expect(s.status).toBe('current');
  });
  expect(st).toHaveLength(5);
}

describe('progressOf: the stage bar', () => {
  it('by mail: 受理 → 审核 → 制证 → 寄出 → 签收, the current stage with its time, state and legal deadline', () => {
    const paid = run(draft(), PAID);
    const p = progressOf(paid, context);
    expect(names(p)).toBe('受理→审核→制证→寄出→签收');
    expect(statuses(p)).toBe('done current ahead ahead ahead');
    expect(p.stages[0]).toMatchObject({ atText: '2026-09-25 11:00' });
    expect(p.stages[1]).toMatchObject({
      atText: '2026-09-25 13:00',
      detail: '已缴费，待审核',
      deadline: { legalDue: '2026-11-24', text: '法定时限：2026-11-24 前办结（60日）', overdue: false },
    });
    // Past the promised day, and past the legal one.
    expect(progressOf(paid, { ...context, now: new Date('2026-10-29T02:00:00Z') }).stages[1].deadline).toEqual({
      legalDue: '2026-11-24',
      text: '已超过承诺办结日 2026-10-28；法定时限 2026-11-24（60日）',
      overdue: true,
    });
    expect(progressOf(paid, { ...context, now: new Date('2026-11-25T02:00:00Z') }).stages[1].deadline).toMatchObject({ text: '已超过法定时限 2026-11-24（60日）', overdue: true });
    expectWellFormed(p);
  });

  it('shipped: 寄出 current with the carrier in Chinese and the deadline met; delivered: finished', () => {
    const shipped = run(draft(), SHIPPED);
    const p = progressOf(shipped, context);
    expect(statuses(p)).toBe('done done done current ahead');
    expect(p.stages[3]).toMatchObject({ key: 'shipped', detail: '中国邮政EMS EMS100006CN', deadline: { text: '证件已在法定时限 2026-11-24 前制发', overdue: false } });
    expect(JSON.stringify(p)).not.toMatch(/\bems\b/);
    const delivered = run(shipped, [['deliver', 'courier']]);
    const d = progressOf(delivered, context);
    expect(d.status).toBe('finished');
    expect(statuses(d)).toBe('done done done done done');
    expect(d.stages[4].atText).toBe('2026-09-25 18:00');
    expect(d.stages[3].detail).toBe('中国邮政EMS EMS100006CN');
    expectWellFormed(d);
  });

  it('at a hall: 待领取 → 已领取', () => {
    const held = run(draft({ delivery: 'hall' }), [...PRODUCED, ['holdAtHall', 'officer']]);
    const p = progressOf(held, context);
    expect(names(p)).toBe('受理→审核→制证→待领取→已领取');
    expect(statuses(p)).toBe('done done done current ahead');
    expect(p.note).toBeUndefined();
    expect(progressOf(run(held, [['collect', 'officer']]), context).status).toBe('finished');
  });

  it('off the path the bar stops where it was and says why', () => {
    const rejected = progressOf(run(draft(), [...PAID, ['startReview', 'officer'], ['reject', 'officer']]), context);
    expect(rejected).toMatchObject({ status: 'stopped', stopReason: '审核未通过：照片不符合要求；费用退款中' });
    expect(statuses(rejected)).toBe('done stopped ahead ahead ahead');

    const cancelled = progressOf(
      run(draft(), [
        ['submit', 'citizen'],
        ['cancel', 'citizen'],
      ]),
      context,
    );
    expect(cancelled).toMatchObject({ status: 'stopped', stopReason: '申请已取消' });
    expect(statuses(cancelled)).toBe('stopped ahead ahead ahead ahead');

    const refunded = run(draft(), [...PAID, ['cancel', 'citizen'], ['refundSucceeded', 'system']]);
    expect(progressOf(refunded, context)).toMatchObject({ stopReason: '申请已取消；费用已退款' });
    expect(statuses(progressOf(refunded, context))).toBe('done stopped ahead ahead ahead');

    const expired = progressOf(
      run(draft(), [
        ['submit', 'citizen'],
        ['expire', 'system'],
      ]),
      context,
    );
    expect(expired.stopReason).toBe('逾期未缴费，申请已自动取消');

    const returned = run(draft(), [...SHIPPED, ['markReturned', 'courier']]);
    const r = progressOf(returned, context);
    expect(r).toMatchObject({ status: 'stopped', stopReason: '快件被退回（收件人拒收），等待重新寄出或改为大厅领取' });
    expect(statuses(r)).toBe('done done done stopped ahead');

    // Back on the path: re-shipped (the latest shipment's time), or held at a hall after all.
    const reshipped = progressOf(run(returned, [['reship', 'officer']]), context);
    expect(statuses(reshipped)).toBe('done done done current ahead');
    expect(progressOf(returned, context).stages[3].atText).toBe('2026-09-25 17:00');
    expect(reshipped.stages[3].atText).toBe('2026-09-25 19:00');
    const held = progressOf(run(returned, [['holdAtHall', 'officer']]), context);
    expect(names(held)).toBe('受理→审核→制证→待领取→已领取');
    expect(held).toMatchObject({ status: 'going', note: '快件被退回，证件改在大厅领取' });
  });

  it('a draft: 受理 current, not reached yet, no deadline', () => {
    const p = progressOf(draft(), context);
    expect(statuses(p)).toBe('current ahead ahead ahead ahead');
    expect(p.stages[0]).toMatchObject({ detail: '待提交' });
    expect(p.stages[0].atText).toBeUndefined();
    expect(p.stages[0].deadline).toBeUndefined();
  });

  it('property: along any reachable sequence exactly one stage is current or the bar is stopped (or finished), and the done stages are a prefix', () => {
    fc.assert(
      fc.property(
        fc.record({ delivery: fc.constantFrom<'mail' | 'hall'>('mail', 'hall'), free: fc.boolean() }),
        // Mostly the first event allowed (the table's order runs forward), so runs reach the end.
        fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(1000), weight: 2 }), { maxLength: 20 }),
        (start, picks) => {
          let app = draft(start);
          expectWellFormed(progressOf(app, context));
          for (const [n, pick] of picks.entries()) {
            const options = nextApps(app, n + app.version);
            if (options.length === 0) break;
            app = options[pick % options.length];
            const p = progressOf(app, context);
            expectWellFormed(p);
            // The bar agrees with the state: stopped exactly off the path, finished exactly when handed over.
            expect(p.status === 'stopped').toBe(['rejected', 'cancelled', 'returned'].includes(app.state));
            expect(p.status === 'finished').toBe(['delivered', 'collected'].includes(app.state));
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it('every state the machine can reach has a well-formed bar (a walk over all of them, so none is left to chance)', () => {
    const seen = new Set<string>();
    const starts = [
      draft({ delivery: 'mail', free: false }),
      draft({ delivery: 'hall', free: false }),
      draft({ delivery: 'mail', free: true }),
      draft({ delivery: 'hall', free: true }),
    ];
    const queue = starts.map((app) => ({ app, depth: 0 }));
    const visited = new Set<string>();
    while (queue.length > 0) {
      const { app, depth } = queue.shift()!;
      const key = `${app.delivery.kind}|${app.state}|${app.payment.status}|${app.timeline.some((t) => t.state === 'returned')}`;
      if (visited.has(key) || depth > 20) continue;
      visited.add(key);
      seen.add(app.state);
      const p = progressOf(app, context);
      expectWellFormed(p);
      expect(p.status === 'stopped').toBe(['rejected', 'cancelled', 'returned'].includes(app.state));
      expect(p.status === 'finished').toBe(['delivered', 'collected'].includes(app.state));
      for (const next of nextApps(app, depth + app.version)) queue.push({ app: next, depth: depth + 1 });
    }
    expect([...seen].sort()).toEqual([...REISSUE_STATES].sort());
  });
});

describe('carriers in Chinese', () => {
  it('names every carrier an officer may choose and every code the courier adapter knows; never a bare code', () => {
    COURIER_CHOICES.forEach((code) => expect(COURIER_NAMES[code]).toMatch(/[\u4e00-\u9fa5]/));
    // Kuaidi100Courier's COMPANY keys (server/courier/Kuaidi100Courier.ts).
    ['sf', 'ems', 'chinapost', 'post', 'jd', 'yto', 'zto', 'sto', 'yd', 'yunda'].forEach((code) => expect(courierName(code)).toMatch(/[\u4e00-\u9fa5]/));
    expect(courierName('ems')).toBe('中国邮政EMS');
    expect(courierName(' SF ')).toBe('顺丰速运');
    expect(courierName('acme')).toBe('acme');
  });

  it('the tracking view names the carrier in the shipment and in the timeline note', () => {
    const view = trackingView(run(draft(), SHIPPED), { ...context, viewer: ACTORS.citizen });
    expect(view.shipment).toMatchObject({ courier: 'ems', courierName: '中国邮政EMS' });
    expect(view.timeline.at(-1)?.note).toBe('中国邮政EMS EMS100006CN');
    expect(view.progress.stages[3].status).toBe('current');
  });
});
