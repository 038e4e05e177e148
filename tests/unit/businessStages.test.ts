/**
 * The business progress bar (issue 15) over random journeys of every business: done stages form a
 * prefix; going means one current stage, stopped one stopped stage, finished all done; the
 * deadline shows only on the current stage; and the journeys citizens see, by example.
 */
import fc from 'fast-check';
import type { BusinessApplication } from '../../core/business/BusinessApplication';
import type { BusinessEvent, BusinessEventType } from '../../core/business/events';
import { BUSINESS_KINDS } from '../../core/business/kinds';
import { businessProgressOf } from '../../core/business/stages';
import { availableBusinessEvents, transition, type BusinessActor } from '../../core/business/stateMachine';
import { at, draft, HALL, HOUR, OWNER } from './support/businessFixtures';
import { address } from './support/reissueFixtures';

const ACTORS: BusinessActor[] = [{ role: 'citizen', id: OWNER }, { role: 'officer', id: 'officer-1' }, { role: 'system' }, { role: 'courier' }];

/** A well-formed event of `type` for `app` at `now` (materials m0/m1 in turn, hall or mail by `pick`). */
function bodyOf(app: BusinessApplication, type: BusinessEventType, now: Date, pick: number): BusinessEvent {
  const v = { expectedVersion: app.version };
  switch (type) {
    case 'attachMaterial':
      return { type, material: `m${pick % 3}`, fileIds: [`cloud://f/${pick}.jpg`], ...v };
    case 'requestCorrection':
      return { type, items: [{ material: 'm1', reason: '照片不清晰' }], ...v };
    case 'reject':
    case 'revoke':
      return { type, reason: '材料不实', ...v };
    case 'approve':
      return {
        type,
        ...(app.kind === 'householdCertificate'
          ? { certificate: { serial: 'HJ0000000000000000', validUntil: new Date(now.getTime() + 90 * 24 * HOUR) } }
          : app.kind.startsWith('migration')
            ? { permit: { number: 'ZQ20261201', validUntil: new Date(now.getTime() + 4 * HOUR), originDivisionCode: '460106', moveOutDueAt: new Date(now.getTime() + 120 * HOUR) } }
            : {}),
        ...v,
      };
    case 'extendPermit':
      return { type, validUntil: new Date(Math.max(now.getTime(), app.permit!.validUntil.getTime()) + 48 * HOUR), reason: '顺延', ...v };
    case 'chooseHandover':
      return { type, handover: pick % 2 ? { kind: 'hall', hallId: HALL, appointmentId: 'apt-1' } : { kind: 'mail', address: address() }, ...v };
    case 'ship':
      return { type, courier: 'EMS', trackingNumber: 'EMS1234567', ...v };
    default:
      return { type, ...v } as BusinessEvent;
  }
}

function walk(kind: (typeof BUSINESS_KINDS)[number], picks: number[]): BusinessApplication[] {
  const seen = [draft(kind)];
  picks.forEach((pick, n) => {
    const app = seen.at(-1)!;
    const now = at(n + 1);
    const options = ACTORS.flatMap((actor) => availableBusinessEvents(app, actor).map((type) => ({ actor, type })));
    for (let k = 0; k < options.length; k++) {
      const { actor, type } = options[(pick + k) % options.length];
      const result = transition(app, bodyOf(app, type, now, pick), actor, now);
      if (result.ok) return void seen.push(result.app);
    }
  });
  return seen;
}

/** An application taken through events one by one (each must be accepted), as a journey by example. */
function journey(kind: (typeof BUSINESS_KINDS)[number]) {
  let m = draft(kind);
  return {
    run(type: BusinessEventType, actor: BusinessActor, n: number) {
      const r = transition(m, bodyOf(m, type, at(n), n), actor, at(n));
      if (!r.ok) throw new Error(`${type}: ${r.reason.detail}`);
      m = r.app;
    },
    get app() {
      return m;
    },
  };
}

/** Both required materials attached, submitted, and under review by an officer (steps 0–3). */
function underReview(kind: (typeof BUSINESS_KINDS)[number]) {
  const j = journey(kind);
  j.run('attachMaterial', ACTORS[0], 0);
  j.run('attachMaterial', ACTORS[0], 1);
  j.run('submit', ACTORS[0], 2);
  j.run('startReview', ACTORS[1], 3);
  return j;
}

describe('business progress bar', () => {
  it('property: prefix of done stages, one current or one stopped stage, a deadline only on the current one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUSINESS_KINDS), fc.array(fc.nat(100), { maxLength: 30 }), (kind, picks) => {
        for (const app of walk(kind, picks)) {
          const p = businessProgressOf(app, { now: at(40), reviewDueAt: at(30) });
          const statuses = p.stages.map((s) => s.status);
          const firstNotDone = statuses.findIndex((s) => s !== 'done');
          if (firstNotDone >= 0) expect(statuses.slice(firstNotDone)).not.toContain('done');
          if (p.status === 'finished') expect(statuses.every((s) => s === 'done')).toBe(true);
          if (p.status === 'going') expect(statuses.filter((s) => s === 'current')).toHaveLength(1);
          if (p.status === 'stopped') {
            expect(statuses.filter((s) => s === 'stopped')).toHaveLength(1);
            expect(p.stopReason).toBeTruthy();
          }
          for (const s of p.stages) if (s.deadline) expect(s.status).toBe('current');
          for (const s of p.stages) if (s.status === 'ahead') expect(s.atText).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a migration waiting at the origin shows the move-out deadline, overdue once past it', () => {
    const j = underReview('migrationSpouse');
    const run = j.run;
    run('approve', ACTORS[1], 4);
    const waiting = businessProgressOf(j.app, { now: at(5) });
    expect(waiting.stages.map((s) => [s.key, s.status])).toEqual([
      ['submitted', 'done'],
      ['review', 'done'],
      ['permit', 'done'],
      ['moveOut', 'current'],
      ['completed', 'ahead'],
    ]);
    expect(waiting.stages[3].deadline).toEqual({ text: '迁出地办结期限：2026-12-06（含当日，5个工作日）', overdue: false });
    expect(businessProgressOf(j.app, { now: at(4 + 121) }).stages[3].deadline?.overdue).toBe(true);
  });

  it('an endorsement is done once approved: 提交 → 审核 → 办结, nothing to collect', () => {
    const j = underReview('residencePermitEndorsement');
    expect(businessProgressOf(j.app, { now: at(4) }).stages.map((s) => [s.key, s.status])).toEqual([
      ['submitted', 'done'],
      ['review', 'current'],
      ['completed', 'ahead'],
    ]);
    j.run('approve', ACTORS[1], 4);
    expect(j.app.state).toBe('completed');
    const done = businessProgressOf(j.app, { now: at(5) });
    expect(done.status).toBe('finished');
    expect(done.stages.map((s) => [s.name, s.status, s.atText])).toEqual([
      ['提交', 'done', expect.any(String)],
      ['审核', 'done', expect.any(String)],
      ['办结', 'done', expect.any(String)],
    ]);
  });

  it('a correction request tells which material and why; a withdrawal stops the bar at review', () => {
    const j = underReview('residencePermit');
    const run = j.run;
    run('requestCorrection', ACTORS[1], 4);
    const asked = businessProgressOf(j.app, { now: at(5), reviewDueAt: at(48) });
    expect(asked.stages[1]).toMatchObject({ key: 'review', status: 'current', detail: '请补正材料：居民户口簿（照片不清晰）', deadline: { overdue: false } });
    run('withdraw', ACTORS[0], 5);
    expect(businessProgressOf(j.app, { now: at(6) })).toMatchObject({
      status: 'stopped',
      stopReason: '申请已撤回',
      stages: [{ status: 'done' }, { status: 'stopped' }, { status: 'ahead' }, { status: 'ahead' }],
    });
  });
});

test('ready for the handover: the current stage says what the citizen does next, by the handover chosen', () => {
  const ready = { ...draft('residencePermit'), state: 'readyForHandover' as const };
  const detail = (app: BusinessApplication) => businessProgressOf(app, { now: at(1) }).stages.find((s) => s.status === 'current')?.detail;
  expect(detail(ready)).toBe('请选择领取方式：预约到大厅领取，或邮寄');
  expect(detail({ ...ready, handover: { kind: 'hall', hallId: HALL, appointmentId: 'appt-1' } })).toBe('已选择到大厅领取：请按预约时间携带原件到场');
  expect(detail({ ...ready, handover: { kind: 'mail', address: address() } })).toBe('已选择邮寄：等待大厅寄出');
});
