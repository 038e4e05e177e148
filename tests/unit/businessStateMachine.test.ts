/**
 * The household-registration business state machine (issue 15) against a model written out here,
 * independently of core/business: random event sequences (by every kind of actor, with right and
 * wrong payloads and versions, for every track) are accepted exactly when the model says so; every
 * reachable state is final, a resting certificate, or can still reach a final state; versions and
 * timelines grow by one per accepted event; refusals change nothing; two actions decided on one
 * version resolve to one outcome.
 */
import fc from 'fast-check';
import type { BusinessActorRole, BusinessApplication, BusinessState } from '../../core/business/BusinessApplication';
import { BUSINESS_STATES } from '../../core/business/BusinessApplication';
import { BUSINESS_EVENT_TYPES, type BusinessEvent, type BusinessEventType } from '../../core/business/events';
import { BUSINESS_KINDS, trackOf } from '../../core/business/kinds';
import { availableBusinessEvents, isFinalBusiness, isOpenBusiness, transition, type BusinessActor } from '../../core/business/stateMachine';
import { at, draft, HALL, HOUR, OWNER } from './support/businessFixtures';
import { nodesThatCanFinish } from './support/reachability';
import { address } from './support/reissueFixtures';

const ROLES: BusinessActorRole[] = ['citizen', 'officer', 'system', 'courier'];

// ---- The model: which (state, event, role) are accepted, with the conditions spelt out again.
const WITHDRAWABLE: BusinessState[] = ['draft', 'submitted', 'underReview', 'correctionRequested'];
const FINAL: BusinessState[] = ['rejected', 'withdrawn', 'lapsed', 'revoked', 'completed'];
const attachedAfter = (a: BusinessApplication, key: string, t: Date) => (a.materials[key]?.attachedAt.getTime() ?? -1) > t.getTime();
const requiredIn = (a: BusinessApplication) => Boolean(a.materials.m0 && a.materials.m1);

interface Step {
  type: BusinessEventType;
  role: BusinessActorRole;
  guided: number | null;
  foreignCitizen: boolean;
  stale: boolean;
  /** A material the business does not list; another track's approval payload; another hall; an extension not later than now. */
  wrongPayload: boolean;
  material: 'm0' | 'm1' | 'm2';
  handover: 'hall' | 'mail';
}

/** The model's answer: the state after, or undefined when refused. */
function modelNext(a: BusinessApplication, s: Step, now: Date): BusinessState | undefined {
  const r = s.role;
  const track = trackOf(a.kind);
  if (s.stale || (r === 'citizen' && s.foreignCitizen)) return undefined;
  const inState = (...states: BusinessState[]) => states.includes(a.state);
  switch (s.type) {
    case 'attachMaterial':
      return r === 'citizen' && inState('draft', 'correctionRequested') && !s.wrongPayload ? a.state : undefined;
    case 'submit':
      return r === 'citizen' && inState('draft') && requiredIn(a) ? 'submitted' : undefined;
    case 'withdraw':
      return r === 'citizen' && WITHDRAWABLE.includes(a.state) ? 'withdrawn' : undefined;
    case 'startReview':
      return (r === 'officer' || r === 'system') && inState('submitted') ? 'underReview' : undefined;
    case 'requestCorrection':
      return r === 'officer' && inState('underReview') && !s.wrongPayload ? 'correctionRequested' : undefined;
    case 'resubmit': {
      const asked = a.corrections;
      const fixed = !asked || asked.items.every((i) => attachedAfter(a, i.material, asked.requestedAt));
      return r === 'citizen' && inState('correctionRequested') && fixed && requiredIn(a) ? 'submitted' : undefined;
    }
    case 'reject':
      return r === 'officer' && inState('underReview') ? 'rejected' : undefined;
    case 'approve': {
      const allowed = r === 'officer' || (r === 'system' && track === 'certificate');
      if (!allowed || !inState('underReview') || s.wrongPayload) return undefined;
      return track === 'certificate' ? 'issued' : track === 'migration' ? 'permitIssued' : track === 'endorsement' ? 'completed' : 'readyForHandover';
    }
    case 'revoke':
      return r === 'officer' && inState('issued') ? 'revoked' : undefined;
    case 'completeMoveOut':
      return r === 'officer' && inState('permitIssued') ? 'readyForHandover' : undefined;
    case 'expirePermit':
      return r === 'system' && track === 'migration' && inState('permitIssued', 'readyForHandover') && now >= a.permit!.validUntil ? 'permitExpired' : undefined;
    case 'extendPermit': {
      if (r !== 'officer' || track !== 'migration' || !inState('permitIssued', 'readyForHandover', 'permitExpired') || s.wrongPayload) return undefined;
      if (a.permit!.extensions.length >= 10) return undefined;
      if (a.state !== 'permitExpired') return a.state;
      return a.moveOut?.completedAt ? 'readyForHandover' : 'permitIssued';
    }
    case 'chooseHandover':
      return r === 'citizen' && inState('readyForHandover') && !(s.handover === 'hall' && s.wrongPayload) ? 'readyForHandover' : undefined;
    case 'ship':
      return r === 'officer' && inState('readyForHandover') && a.handover?.kind === 'mail' ? 'shipped' : undefined;
    case 'deliver':
      return r !== 'citizen' && inState('shipped') ? 'completed' : undefined;
    case 'markReturned':
      return r !== 'citizen' && inState('shipped') ? 'readyForHandover' : undefined;
    case 'collect':
      return r === 'officer' && inState('readyForHandover') && a.handover?.kind !== 'mail' ? 'completed' : undefined;
    case 'expire':
      return r === 'system' && inState('draft', 'correctionRequested', 'permitExpired') ? 'lapsed' : undefined;
  }
}

function eventFor(a: BusinessApplication, s: Step, n: number, now: Date): BusinessEvent {
  const v = !s.stale ? a.version : a.version === 0 || n % 2 === 0 ? a.version + 1 : a.version - 1;
  const base = { expectedVersion: v };
  const track = trackOf(a.kind);
  switch (s.type) {
    case 'attachMaterial':
      return { type: s.type, material: s.wrongPayload ? 'm7' : s.material, fileIds: [`cloud://files/${n}.jpg`], ...base };
    case 'requestCorrection':
      return { type: s.type, items: [{ material: s.wrongPayload ? 'm9' : s.material, reason: '照片不清晰，请重新拍摄' }], ...base };
    case 'reject':
    case 'revoke':
      return { type: s.type, reason: '材料与事实不符', ...base };
    case 'approve': {
      const certificate = { serial: `HJZM${100000000 + n}`, validUntil: new Date(now.getTime() + 30 * 24 * HOUR) };
      const permit = {
        number: `ZQ${100000000 + n}`,
        validUntil: new Date(now.getTime() + 3 * HOUR),
        originDivisionCode: '460106',
        moveOutDueAt: new Date(now.getTime() + 120 * HOUR),
      };
      const asTrack = s.wrongPayload ? (track === 'certificate' ? 'migration' : 'certificate') : track;
      return { type: s.type, ...(asTrack === 'certificate' ? { certificate } : asTrack === 'migration' ? { permit } : {}), ...base };
    }
    case 'extendPermit': {
      const later = Math.max(now.getTime(), a.permit?.validUntil.getTime() ?? 0) + 5 * HOUR;
      return { type: s.type, validUntil: new Date(s.wrongPayload ? now.getTime() - HOUR : later), reason: '疫情期间延期', ...base };
    }
    case 'chooseHandover':
      return {
        type: s.type,
        handover: s.handover === 'hall' ? { kind: 'hall', hallId: s.wrongPayload ? 'other-hall' : HALL, appointmentId: `apt-${n}` } : { kind: 'mail', address: address() },
        ...base,
      };
    case 'ship':
      return { type: s.type, courier: 'ems', trackingNumber: `EMS${100000 + n}`, ...base };
    default:
      return { type: s.type, ...base } as BusinessEvent;
  }
}

const actorOf = (s: Step): BusinessActor =>
  s.role === 'citizen' ? { role: 'citizen', id: s.foreignCitizen ? 'openid-someone-else' : OWNER } : { role: s.role, id: `${s.role}-1` };

const clean = { foreignCitizen: false, stale: false, wrongPayload: false };
/** Guided steps pick one of the events the model accepts now, so random runs get deep. */
function resolve(a: BusinessApplication, s: Step, now: Date): Step {
  if (s.guided === null) return s;
  const options = BUSINESS_EVENT_TYPES.flatMap((type) => ROLES.map((role) => ({ ...s, ...clean, type, role }))).filter((o) => modelNext(a, o, now) !== undefined);
  return options.length ? options[s.guided % options.length] : s;
}

const arbStep: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom(...BUSINESS_EVENT_TYPES),
  role: fc.constantFrom(...ROLES),
  guided: fc.option(fc.nat(60), { freq: 3, nil: null }),
  foreignCitizen: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
  stale: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  wrongPayload: fc.integer({ min: 0, max: 6 }).map((x) => x === 0),
  material: fc.constantFrom<Step['material']>('m0', 'm1', 'm2'),
  handover: fc.constantFrom<Step['handover']>('hall', 'mail'),
});

describe('business state machine: against the model', () => {
  it('property: any event sequence is accepted exactly where the model allows it, one version and one entry each time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUSINESS_KINDS), fc.array(arbStep, { maxLength: 50 }), (kind, steps) => {
        let app = draft(kind);
        steps.forEach((raw, n) => {
          const now = at(n + 1);
          const s = resolve(app, raw, now);
          const before = structuredClone(app);
          const expected = modelNext(app, s, now);
          const result = transition(app, eventFor(app, s, n, now), actorOf(s), now);
          expect(app).toEqual(before); // never mutated
          if (expected === undefined) {
            expect({ step: s, ok: result.ok }).toEqual({ step: s, ok: false });
            if (!result.ok && s.stale) expect(result.reason.code).toBe('APPLICATION_VERSION_CONFLICT');
            return;
          }
          expect({ step: s, ok: result.ok }).toEqual({ step: s, ok: true });
          if (!result.ok) return;
          const next = result.app;
          expect(next.state).toBe(expected);
          expect(next.version).toBe(app.version + 1);
          expect(next.timeline.slice(0, -1)).toEqual(app.timeline);
          expect(next.timeline.at(-1)).toMatchObject({ state: expected, event: s.type, by: s.role, at: now });
          app = next;
        });
      }),
      { numRuns: 400 },
    );
  });
});

// ---- Everything reachable, explored breadth-first with well-formed events by every actor.
function explore() {
  const key = (a: BusinessApplication) =>
    [a.kind, a.state, Object.keys(a.materials).sort().join(''), a.handover?.kind ?? '-', a.moveOut?.completedAt ? 'out' : '-', a.corrections ? 'c' : '-'].join('|');
  const nodes = new Map<string, BusinessApplication>();
  const edges = new Map<string, Set<string>>();
  const queue = BUSINESS_KINDS.map(draft);
  queue.forEach((a) => nodes.set(key(a), a));
  while (queue.length > 0) {
    const app = queue.shift()!;
    const from = key(app);
    edges.set(from, edges.get(from) ?? new Set());
    // Late enough for a permit to have expired (permits run 3 hours), never late enough to matter elsewhere.
    const now = at(app.version + 10);
    for (const type of BUSINESS_EVENT_TYPES) {
      for (const role of ROLES) {
        for (const material of ['m0', 'm1', 'm2'] as const) {
          for (const handover of ['hall', 'mail'] as const) {
            const step: Step = { type, role, guided: null, ...clean, material, handover };
            const result = transition(app, eventFor(app, step, app.version, now), actorOf(step), now);
            if (!result.ok) continue;
            const to = key(result.app);
            edges.get(from)!.add(to);
            if (!nodes.has(to)) {
              nodes.set(to, result.app);
              queue.push(result.app);
            }
          }
        }
      }
    }
  }
  return { nodes, edges };
}

describe('business state machine: reachability', () => {
  const { nodes, edges } = explore();

  it('reaches every state', () => {
    expect(new Set([...nodes.values()].map((a) => a.state))).toEqual(new Set(BUSINESS_STATES));
  });

  it('every reachable state is final or has a way out, and from each a final state can be reached', () => {
    const canFinish = nodesThatCanFinish(
      edges,
      [...nodes.keys()].filter((k) => isFinalBusiness(nodes.get(k)!)),
    );
    for (const [k, app] of nodes) {
      expect({ k, final: isFinalBusiness(app) }).toEqual({ k, final: FINAL.includes(app.state) });
      if (!isFinalBusiness(app)) expect({ k, wayOut: [...edges.get(k)!].some((t) => t !== k) }).toEqual({ k, wayOut: true });
      expect({ k, canFinish: canFinish.has(k) }).toEqual({ k, canFinish: true });
    }
  });

  it('every reachable application takes each well-formed event from each actor exactly where the model says', () => {
    const disagreements: string[] = [];
    for (const app of nodes.values()) {
      for (const now of [at(app.version + 1), at(app.version + 10)]) {
        for (const type of BUSINESS_EVENT_TYPES) {
          for (const role of ROLES) {
            const step: Step = { type, role, guided: null, ...clean, material: 'm1', handover: 'mail' };
            const ok = transition(app, eventFor(app, step, app.version, now), actorOf(step), now).ok;
            if (ok !== (modelNext(app, step, now) !== undefined)) disagreements.push(`${app.kind} ${app.state}: ${type} by ${role} ${ok ? 'accepted' : 'refused'}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('final applications take no event from anyone; open ones are neither final nor an issued certificate', () => {
    for (const app of nodes.values()) {
      if (isFinalBusiness(app)) for (const role of ROLES) expect(availableBusinessEvents(app, { role, id: OWNER })).toEqual([]);
      expect(isOpenBusiness(app)).toBe(!isFinalBusiness(app) && app.state !== 'issued');
      expect(availableBusinessEvents(app, { role: 'citizen', id: 'someone-else' })).toEqual([]);
    }
  });
});

// ---- Journeys and concurrency, by example.
const citizen: BusinessActor = { role: 'citizen', id: OWNER };
const officer: BusinessActor = { role: 'officer', id: 'officer-1' };
const originOfficer: BusinessActor = { role: 'officer', id: 'officer-origin' };
const system: BusinessActor = { role: 'system' };
type Body = BusinessEvent extends infer E ? (E extends BusinessEvent ? Omit<E, 'expectedVersion'> : never) : never;

function apply(app: BusinessApplication, body: Body, actor: BusinessActor, now = at(app.version + 1)): BusinessApplication {
  const result = transition(app, { ...body, expectedVersion: app.version } as BusinessEvent, actor, now);
  if (!result.ok) throw new Error(`${body.type} refused: ${result.reason.code} ${result.reason.detail}`);
  return result.app;
}
const run = (app: BusinessApplication, steps: Array<[Body, BusinessActor]>) => steps.reduce((a, [body, actor]) => apply(a, body, actor), app);
const attach = (material: string): [Body, BusinessActor] => [{ type: 'attachMaterial', material, fileIds: [`cloud://files/${material}.jpg`] }, citizen];

describe('business state machine: journeys', () => {
  it('a migration with a correction round, approved, moved out at the origin, collected at the hall', () => {
    const corrected = run(draft('migrationSpouse'), [
      attach('m0'),
      attach('m1'),
      [{ type: 'submit' }, citizen],
      [{ type: 'startReview' }, officer],
      [{ type: 'requestCorrection', items: [{ material: 'm1', reason: '户口簿首页照片模糊' }] }, officer],
    ]);
    expect(corrected.state).toBe('correctionRequested');
    const early = transition(corrected, { type: 'resubmit', expectedVersion: corrected.version }, citizen, at(20));
    expect(early).toMatchObject({ ok: false, reason: { code: 'APPLICATION_STATE_CONFLICT', detail: '请重新上传：居民户口簿' } });
    const approved = run(corrected, [
      attach('m1'),
      [{ type: 'resubmit' }, citizen],
      [{ type: 'startReview' }, officer],
      [{ type: 'approve', permit: { number: 'ZQ20261201001', validUntil: at(24 * 30), originDivisionCode: '460106', moveOutDueAt: at(24 * 7) } }, officer],
    ]);
    expect(approved).toMatchObject({ state: 'permitIssued', correctionRounds: 1, moveOut: { originDivisionCode: '460106', dueAt: at(24 * 7) } });
    const done = run(approved, [
      [{ type: 'completeMoveOut' }, originOfficer],
      [{ type: 'chooseHandover', handover: { kind: 'hall', hallId: HALL, appointmentId: 'apt-1' } }, citizen],
      [{ type: 'collect' }, officer],
    ]);
    expect(done.state).toBe('completed');
    expect(done.timeline.map((t) => t.event)).toEqual([
      'create',
      'attachMaterial',
      'attachMaterial',
      'submit',
      'startReview',
      'requestCorrection',
      'attachMaterial',
      'resubmit',
      'startReview',
      'approve',
      'completeMoveOut',
      'chooseHandover',
      'collect',
    ]);
  });

  it('an expired permit is extended with a reason and the migration goes on where it stood', () => {
    const issued = run(draft('migrationGraduate'), [
      attach('m0'),
      attach('m1'),
      [{ type: 'submit' }, citizen],
      [{ type: 'startReview' }, officer],
      [{ type: 'approve', permit: { number: 'ZQ20261201002', validUntil: at(10), originDivisionCode: '460106', moveOutDueAt: at(100) } }, officer],
      [{ type: 'completeMoveOut' }, originOfficer],
    ]);
    expect(transition(issued, { type: 'expirePermit', expectedVersion: issued.version }, system, at(9)).ok).toBe(false);
    const expired = apply(issued, { type: 'expirePermit' }, system, at(11));
    expect(expired.state).toBe('permitExpired');
    const extended = apply(expired, { type: 'extendPermit', validUntil: at(11 + 24 * 180), reason: '疫情期间顺延六个月' }, officer, at(12));
    expect(extended.state).toBe('readyForHandover');
    expect(extended.permit!.extensions).toEqual([{ validUntil: at(11 + 24 * 180), reason: '疫情期间顺延六个月', at: at(12) }]);
  });

  it('a certificate is issued by the system where the hall allows it, and revoked by an officer', () => {
    const issued = run(draft('householdCertificate'), [
      attach('m0'),
      attach('m1'),
      [{ type: 'submit' }, citizen],
      [{ type: 'startReview' }, system],
      [{ type: 'approve', certificate: { serial: 'HJZM202612010001', validUntil: at(24 * 90) } }, system],
    ]);
    expect(issued).toMatchObject({ state: 'issued', certificate: { serial: 'HJZM202612010001', issuedAt: at(5) } });
    expect(isOpenBusiness(issued)).toBe(false);
    const revoked = apply(issued, { type: 'revoke', reason: '申请材料不实' }, officer);
    expect(revoked.certificate!.revocation).toEqual({ reason: '申请材料不实', at: at(6) });
  });

  it('the system approves nothing but certificates', () => {
    const reviewing = run(draft('residencePermit'), [attach('m0'), attach('m1'), [{ type: 'submit' }, citizen], [{ type: 'startReview' }, system]]);
    expect(transition(reviewing, { type: 'approve', expectedVersion: reviewing.version }, system, at(9))).toMatchObject({ ok: false, reason: { code: 'FORBIDDEN' } });
    expect(apply(reviewing, { type: 'approve' }, officer).state).toBe('readyForHandover');
  });

  it('two officers deciding on one version: the first wins, the second is told it changed', () => {
    const reviewing = run(draft('migrationJobTransfer'), [attach('m0'), attach('m1'), [{ type: 'submit' }, citizen], [{ type: 'startReview' }, officer]]);
    const a = transition(reviewing, { type: 'reject', reason: '调动材料不全', expectedVersion: reviewing.version }, officer, at(9));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const b = transition(a.app, { type: 'requestCorrection', items: [{ material: 'm0', reason: '请补拍身份证反面' }], expectedVersion: reviewing.version }, officer, at(9));
    expect(b).toMatchObject({ ok: false, reason: { code: 'APPLICATION_VERSION_CONFLICT' } });
  });

  it('a malformed event is refused naming its field, or saying what an event is (zod/mini has no English messages)', () => {
    const app = draft('residencePermit');
    expect(transition(app, null as unknown as BusinessEvent, citizen, at(1))).toEqual({ ok: false, reason: { code: 'INVALID_INPUT', detail: 'an event object' } });
    expect(transition(app, { type: 'reject', reason: 'x', expectedVersion: app.version }, officer, at(1))).toEqual({
      ok: false,
      reason: { code: 'INVALID_INPUT', detail: 'reason' },
    });
  });
});
