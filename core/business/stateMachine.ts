import type { ErrorCode } from '../errors/catalogue';
import type { BusinessActorRole, BusinessApplication, BusinessState, Handover, MaterialSpec } from './BusinessApplication';
import { BUSINESS_EVENT_TYPES, BusinessEvent, type BusinessEventOf, type BusinessEventType } from './events';
import { trackOf, type BusinessTrack } from './kinds';
import { courierName } from '../reissue/names';
import { BUSINESS_ACTOR_NAMES, BUSINESS_EVENT_NAMES, BUSINESS_STATE_NAMES } from './names';

/**
 * The only code that changes a business application's state (`transition`; `draftApplication`
 * creates one). Use cases call it and store the result with a compare-and-set on the version they
 * read; they also scope officers (the destination hall reviews; the origin's station completes the
 * move-out).
 *
 * draft →submit→ submitted →startReview→ underReview →requestCorrection→ correctionRequested
 *   →resubmit→ submitted (materials re-attached; the round is counted)
 * underReview →reject→ rejected; draft|submitted|underReview|correctionRequested →withdraw→ withdrawn
 * underReview →approve→ issued (certificate) →revoke→ revoked
 *                     → permitIssued (migration) →completeMoveOut→ readyForHandover
 *                     → readyForHandover (newborn, residence permit)
 *                     → completed (endorsement: recorded on the card the citizen holds)
 * readyForHandover →collect→ completed; →ship→ shipped →deliver→ completed
 *   shipped →markReturned→ readyForHandover (the parcel went back: choose again, ship again or collect)
 * permitIssued|readyForHandover (migration) →expirePermit→ permitExpired →extendPermit→ back
 * draft|correctionRequested|permitExpired →expire→ lapsed
 */

export interface BusinessActor {
  role: BusinessActorRole;
  id?: string;
}

export type BusinessRefusal = {
  code: Extract<ErrorCode, 'INVALID_INPUT' | 'FORBIDDEN' | 'APPLICATION_STATE_CONFLICT' | 'APPLICATION_VERSION_CONFLICT'>;
  detail: string;
};
export type BusinessTransitionResult = { ok: true; app: BusinessApplication } | { ok: false; reason: BusinessRefusal };

interface Outcome {
  state: BusinessState;
  patch?: Partial<BusinessApplication>;
  note?: string;
}

interface Rule<T extends BusinessEventType> {
  by: readonly BusinessActorRole[];
  from: readonly BusinessState[];
  /** Why this actor may not fire it on this application (undefined: they may). */
  who?: (app: BusinessApplication, role: BusinessActorRole) => string | undefined;
  /** Why the application itself does not allow the event now. */
  when?: (app: BusinessApplication) => string | undefined;
  /** Why this event's payload (or the time) does not fit the application. */
  check?: (app: BusinessApplication, event: BusinessEventOf<T>, now: Date) => string | undefined;
  apply: (app: BusinessApplication, event: BusinessEventOf<T>, now: Date) => Outcome;
}

const same = (app: BusinessApplication): BusinessState => app.state;
const isTrack = (app: BusinessApplication, track: BusinessTrack, why: string) => (trackOf(app.kind) === track ? undefined : why);
const migrationOnly = (app: BusinessApplication) => isTrack(app, 'migration', '只有户口迁移才有准迁证');
const spec = (app: BusinessApplication, key: string): MaterialSpec | undefined => app.materialList.find((m) => m.key === key);
const handoverIs = (app: BusinessApplication, kind: Handover['kind']) => app.handover?.kind === kind;

/** Before a decision the citizen may still withdraw. */
const WITHDRAWABLE: readonly BusinessState[] = ['draft', 'submitted', 'underReview', 'correctionRequested'];
/** A migration's permit is running (before or after the move-out). */
const PERMIT_RUNNING: readonly BusinessState[] = ['permitIssued', 'readyForHandover'];
/** Nothing more can happen. */
const FINAL: readonly BusinessState[] = ['rejected', 'withdrawn', 'lapsed', 'revoked', 'completed'];

function missingMaterials(app: BusinessApplication): string | undefined {
  const missing = app.materialList.filter((m) => m.required && !app.materials[m.key]).map((m) => m.name);
  return missing.length ? `请先上传：${missing.join('、')}` : undefined;
}

/** Every material the officer asked to correct was attached again after the request. */
function uncorrected(app: BusinessApplication): string | undefined {
  const asked = app.corrections;
  if (!asked) return undefined;
  const keys = [...new Set(asked.items.map((i) => i.material))];
  const pending = keys.filter((k) => !(app.materials[k]?.attachedAt.getTime() > asked.requestedAt.getTime())).map((k) => spec(app, k)?.name ?? k);
  return pending.length ? `请重新上传：${pending.join('、')}` : undefined;
}

function approvalPayload(app: BusinessApplication, e: BusinessEventOf<'approve'>, now: Date): string | undefined {
  const track = trackOf(app.kind);
  if (track === 'certificate') {
    if (!e.certificate || e.permit) return '出具证明需要证明编号和有效期';
    return e.certificate.validUntil > now ? undefined : '证明有效期须晚于现在';
  }
  if (track === 'migration') {
    if (!e.permit || e.certificate) return '审核通过户口迁移需要签发准迁证';
    if (!(e.permit.validUntil > now)) return '准迁证有效期须晚于现在';
    return e.permit.moveOutDueAt > now ? undefined : '迁出办结期限须晚于现在';
  }
  return e.certificate || e.permit ? '该业务审核通过不签发证明或准迁证' : undefined;
}

function approved(app: BusinessApplication, e: BusinessEventOf<'approve'>, now: Date): Outcome {
  if (e.certificate) {
    return {
      state: 'issued',
      patch: { certificate: { serial: e.certificate.serial, issuedAt: now, validUntil: e.certificate.validUntil } },
      note: `证明编号 ${e.certificate.serial}`,
    };
  }
  if (e.permit) {
    const { number, validUntil, originDivisionCode, moveOutDueAt } = e.permit;
    return {
      state: 'permitIssued',
      patch: { permit: { number, issuedAt: now, validUntil, extensions: [] }, moveOut: { originDivisionCode, dueAt: moveOutDueAt } },
      note: `准迁证编号 ${number}`,
    };
  }
  return trackOf(app.kind) === 'endorsement' ? { state: 'completed' } : { state: 'readyForHandover' };
}

export const BUSINESS_RULES: { readonly [T in BusinessEventType]: Rule<T> } = {
  attachMaterial: {
    by: ['citizen'],
    from: ['draft', 'correctionRequested'],
    check: (a, e) => (spec(a, e.material) ? undefined : '该业务没有这项材料'),
    apply: (a, e, now) => ({ state: same(a), patch: { materials: { ...a.materials, [e.material]: { fileIds: e.fileIds, attachedAt: now } } } }),
  },
  submit: { by: ['citizen'], from: ['draft'], when: missingMaterials, apply: (_a, _e, now) => ({ state: 'submitted', patch: { submittedAt: now } }) },
  withdraw: { by: ['citizen'], from: WITHDRAWABLE, apply: () => ({ state: 'withdrawn' }) },
  startReview: { by: ['officer', 'system'], from: ['submitted'], apply: () => ({ state: 'underReview' }) },
  requestCorrection: {
    by: ['officer'],
    from: ['underReview'],
    check: (a, e) => (e.items.every((i) => spec(a, i.material)) ? undefined : '补正的材料不在该业务的材料清单中'),
    apply: (_a, e, now) => ({
      state: 'correctionRequested',
      patch: { corrections: { items: e.items, requestedAt: now } },
      note: e.items.map((i) => i.reason).join('；'),
    }),
  },
  resubmit: {
    by: ['citizen'],
    from: ['correctionRequested'],
    when: (a) => uncorrected(a) ?? missingMaterials(a),
    apply: (a) => ({ state: 'submitted', patch: { correctionRounds: a.correctionRounds + 1 } }),
  },
  reject: { by: ['officer'], from: ['underReview'], apply: (_a, e) => ({ state: 'rejected', patch: { rejectionReason: e.reason }, note: e.reason }) },
  approve: {
    by: ['officer', 'system'],
    from: ['underReview'],
    who: (a, role) => (role === 'system' ? isTrack(a, 'certificate', '只有户籍类证明可以自动出具') : undefined),
    check: approvalPayload,
    apply: approved,
  },
  revoke: {
    by: ['officer'],
    from: ['issued'],
    apply: (a, e, now) => ({ state: 'revoked', patch: { certificate: { ...a.certificate!, revocation: { reason: e.reason, at: now } } }, note: e.reason }),
  },
  completeMoveOut: {
    by: ['officer'],
    from: ['permitIssued'],
    apply: (a, _e, now) => ({ state: 'readyForHandover', patch: { moveOut: { ...a.moveOut!, completedAt: now } } }),
  },
  expirePermit: {
    by: ['system'],
    from: PERMIT_RUNNING,
    when: migrationOnly,
    check: (a, _e, now) => (now >= a.permit!.validUntil ? undefined : '准迁证尚在有效期内'),
    apply: () => ({ state: 'permitExpired' }),
  },
  extendPermit: {
    by: ['officer'],
    from: [...PERMIT_RUNNING, 'permitExpired'],
    when: (a) => migrationOnly(a) ?? (a.permit!.extensions.length < 10 ? undefined : '准迁证延期次数已达上限'),
    check: (a, e, now) => (e.validUntil > now && e.validUntil > a.permit!.validUntil ? undefined : '新的有效期须晚于现在和原有效期'),
    apply: (a, e, now) => ({
      state: a.state !== 'permitExpired' ? same(a) : a.moveOut?.completedAt ? 'readyForHandover' : 'permitIssued',
      patch: { permit: { ...a.permit!, validUntil: e.validUntil, extensions: [...a.permit!.extensions, { validUntil: e.validUntil, reason: e.reason, at: now }] } },
      note: e.reason,
    }),
  },
  chooseHandover: {
    by: ['citizen'],
    from: ['readyForHandover'],
    check: (a, e) => (e.handover.kind === 'hall' && e.handover.hallId !== a.hallId ? '请预约受理本申请的大厅领取' : undefined),
    apply: (a, e) => ({ state: same(a), patch: { handover: e.handover } }),
  },
  ship: {
    by: ['officer'],
    from: ['readyForHandover'],
    when: (a) => (handoverIs(a, 'mail') ? undefined : '申请人未选择邮寄'),
    apply: (_a, e, now) => ({
      state: 'shipped',
      patch: { shipment: { courier: e.courier, trackingNumber: e.trackingNumber, shippedAt: now } },
      note: `${courierName(e.courier)} ${e.trackingNumber}`,
    }),
  },
  deliver: { by: ['courier', 'system', 'officer'], from: ['shipped'], apply: () => ({ state: 'completed' }) },
  markReturned: { by: ['courier', 'system', 'officer'], from: ['shipped'], apply: (_a, e) => ({ state: 'readyForHandover', note: e.note }) },
  collect: {
    by: ['officer'],
    from: ['readyForHandover'],
    when: (a) => (handoverIs(a, 'mail') ? '申请人已选择邮寄' : undefined),
    apply: () => ({ state: 'completed' }),
  },
  expire: { by: ['system'], from: ['draft', 'correctionRequested', 'permitExpired'], apply: () => ({ state: 'lapsed' }) },
};

function ruleOf<T extends BusinessEventType>(type: T): Rule<T> {
  return BUSINESS_RULES[type];
}

const refuse = (code: BusinessRefusal['code'], detail: string): { ok: false; reason: BusinessRefusal } => ({ ok: false, reason: { code, detail } });

/**
 * Applies one event to an application decided on `event.expectedVersion`. Accepted: a new
 * application (the input is never mutated) with one timeline entry more and the version plus one.
 * Refused: why, and nothing changes. Checks in order: the event's shape, the version, who fires
 * it, the state, then the application's and the payload's conditions.
 */
export function transition(app: BusinessApplication, event: BusinessEvent, actor: BusinessActor, now: Date): BusinessTransitionResult {
  const parsed = BusinessEvent.safeParse(event);
  if (!parsed.success) return refuse('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.') || i.message).join('，'));
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return refuse('INVALID_INPUT', 'now');
  const e = parsed.data;
  if (e.expectedVersion !== app.version) return refuse('APPLICATION_VERSION_CONFLICT', '申请已被更新');
  const rule = ruleOf(e.type);
  const action = BUSINESS_EVENT_NAMES[e.type];
  if (!rule.by.includes(actor.role)) return refuse('FORBIDDEN', `${BUSINESS_ACTOR_NAMES[actor.role]}不能${action}`);
  if (actor.role === 'citizen' && actor.id !== app.applicant.actorOpenid) return refuse('FORBIDDEN', '只能办理本人的申请');
  const notYou = rule.who?.(app, actor.role);
  if (notYou) return refuse('FORBIDDEN', notYou);
  if (!rule.from.includes(app.state)) return refuse('APPLICATION_STATE_CONFLICT', `申请${BUSINESS_STATE_NAMES[app.state]}，不能${action}`);
  const why = rule.when?.(app) ?? rule.check?.(app, e, now);
  if (why) return refuse('APPLICATION_STATE_CONFLICT', why);
  const { state, patch, note } = rule.apply(app, e, now);
  const entry = { state, event: e.type, at: now, by: actor.role, ...(note ? { note } : {}) };
  return { ok: true, app: { ...app, ...patch, state, timeline: [...app.timeline, entry], updatedAt: now, version: app.version + 1 } };
}

/** The events an actor could fire now, judged on the application alone: for buttons and queues. */
export function availableBusinessEvents(app: BusinessApplication, actor: BusinessActor): BusinessEventType[] {
  if (actor.role === 'citizen' && actor.id !== app.applicant.actorOpenid) return [];
  return BUSINESS_EVENT_TYPES.filter((type) => {
    const rule = ruleOf(type);
    return rule.by.includes(actor.role) && !rule.who?.(app, actor.role) && rule.from.includes(app.state) && !rule.when?.(app);
  });
}

/** Nothing more can happen to it. */
export const isFinalBusiness = (app: Pick<BusinessApplication, 'state'>): boolean => FINAL.includes(app.state);

/** In progress: counts as "another open application" for the same business. An issued certificate is done, though revocable. */
export const isOpenBusiness = (app: Pick<BusinessApplication, 'state'>): boolean => !FINAL.includes(app.state) && app.state !== 'issued';

export type BusinessDraftInput = Pick<BusinessApplication, '_id' | 'kind' | 'hallId' | 'applicant' | 'materialList'>;

/** A new application in `draft`, version 0, its timeline's first entry by the citizen. */
export function draftApplication(input: BusinessDraftInput, now: Date): BusinessApplication {
  return {
    ...input,
    materials: {},
    correctionRounds: 0,
    state: 'draft',
    timeline: [{ state: 'draft', event: 'create', at: now, by: 'citizen' }],
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}
