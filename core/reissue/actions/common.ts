import { z } from 'zod';
import { DomainError, isDomainError } from '../../errors/DomainError';
import { resolveActingFor, type ActingSubject } from '../../identity/actingFor';
import type { Account } from '../../identity/Account';
import { requireActingForHall } from '../../identity/hallAccess';
import { FIELD } from '../../identity/fieldNames';
import { recordAudit } from '../../identity/recordAudit';
import { requireOpenid } from '../../identity/caller';
import type { Hall } from '../../guide/Hall';
import { maskName } from '../../privacy/mask';
import type { MailAddress } from '../ReissueApplication';
import type { ReissueConfig } from '../ReissueConfig';
import type { ReissueDeps, ReissueRecord } from '../ReissueDeps';
import type { ReissueEvent } from '../events';
import { cityOf } from '../postageZone';
import { isOpen, transition, type Actor } from '../stateMachine';
import { ReissueTrackingView, trackingView } from '../views';

/** The guide id of the business: halls that list it handle reissue applications. */
export const REISSUE_SERVICE = 'id-card-reissue-loss';

export const ApplicationId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const ExpectedVersion = z.number().int().min(0).optional();

export type Subject = ActingSubject;

/** The verified caller and the person they act for: themselves or a linked family member. */
export const resolveSubject = (deps: ReissueDeps, forMemberId: string | undefined) => resolveActingFor(deps, forMemberId);

export type EventInput = ReissueEvent extends infer E ? (E extends { expectedVersion: number } ? Omit<E, 'expectedVersion'> : never) : never;

/**
 * One state change: `transition` on the version read, then a compare-and-set write of the result.
 * A refusal or a lost race is a catalogue error (REISSUE_VERSION_CONFLICT: reload and decide again).
 *
 * Repeats are answered, not refused: a write whose answer was lost (a timeout after it was
 * applied, or an SDK retry of it) is recognised by reading the application back, and a client's
 * retry of an event that is already the application's last (same event, same kind of actor, same
 * effect, on the version it was decided on) answers the application as it is.
 */
export async function fire(deps: ReissueDeps, app: ReissueRecord, event: EventInput, actor: Actor, expectedVersion?: number): Promise<ReissueRecord> {
  const stale = expectedVersion !== undefined && expectedVersion !== app.version;
  const result = stale ? undefined : transition(app, { ...event, expectedVersion: app.version } as ReissueEvent, actor, deps.clock.now());
  if (!result?.ok) {
    if (alreadyFired(deps, app, event, actor, expectedVersion)) return closed(deps, app, app);
    if (!result) throw new DomainError('REISSUE_VERSION_CONFLICT');
    throw new DomainError(result.reason.code, result.reason.detail);
  }
  const next = result.app as ReissueRecord;
  if (!(await deps.store.save(next, app.version))) {
    const stored = await deps.store.application(app._id);
    if (!stored || !sameWrite(stored, next)) throw new DomainError('REISSUE_VERSION_CONFLICT');
  }
  return closed(deps, app, next);
}

/** Handed over, cancelled or rejected: the person may apply again (releasing twice is harmless). */
async function closed(deps: ReissueDeps, before: ReissueRecord, after: ReissueRecord): Promise<ReissueRecord> {
  if (!isOpen(after) && (isOpen(before) || before === after)) await deps.store.releaseOpen(after.applicant.subjectIdIndex, after._id);
  return after;
}

/** The stored application is the very version this call wrote (its answer was lost, or it was written twice). */
function sameWrite(stored: ReissueRecord, written: ReissueRecord): boolean {
  const a = stored.timeline.at(-1);
  const b = written.timeline.at(-1);
  return stored.version === written.version && !!a && !!b && a.event === b.event && a.by === b.by && a.state === b.state && a.at.getTime() === b.at.getTime();
}

/** What the system does right after an event on its own (a refund made due): looked past when matching a repeat. */
const FOLLOW_UPS = ['refundSucceeded', 'refundFailed', 'retryRefund'];

/**
 * The application's last event (past the system's follow-ups) is this one, decided on
 * `expectedVersion` when given (timeline entry i is version i), with the same effect.
 */
function alreadyFired(deps: ReissueDeps, app: ReissueRecord, event: EventInput, actor: Actor, expectedVersion: number | undefined): boolean {
  let i = app.timeline.length - 1;
  while (i > 0 && !FOLLOW_UPS.includes(event.type) && FOLLOW_UPS.includes(app.timeline[i].event)) i--;
  const last = app.timeline[i];
  if (!last || last.event !== event.type || last.by !== actor.role) return false;
  if (expectedVersion !== undefined && i !== expectedVersion + 1) return false;
  switch (event.type) {
    case 'ship':
    case 'reship':
      return app.shipment?.courier === event.courier && app.shipment?.trackingNumber === event.trackingNumber;
    case 'reject':
      return app.rejectionReason === event.reason;
    case 'holdAtHall':
      return app.collectionHallId === event.hallId;
    case 'startPayment':
    case 'paymentSucceeded':
    case 'paymentFailed':
      return app.payment.id === event.paymentId;
    case 'changeAddress':
      return app.delivery.kind === 'mail' && sameAddress(deps, app.delivery.address, event.address);
    default:
      return true;
  }
}

function sameAddress(deps: ReissueDeps, a: MailAddress, b: MailAddress): boolean {
  if (a.districtCode !== b.districtCode) return false;
  try {
    const plain = (x: MailAddress) =>
      [deps.secrets.decrypt(x.detailEnc, FIELD.address), deps.secrets.decrypt(x.recipientEnc, FIELD.name), deps.secrets.decrypt(x.phoneEnc, FIELD.phone)].join('\u0000');
    return plain(a) === plain(b);
  } catch {
    return false;
  }
}

export async function loadApplication(deps: ReissueDeps, id: string): Promise<ReissueRecord> {
  const app = await deps.store.application(id);
  if (!app) throw new DomainError('REISSUE_NOT_FOUND');
  return app;
}

/** The caller's own application (as the applicant), or REISSUE_NOT_FOUND (never someone else's). */
export async function ownApplication(deps: ReissueDeps, id: string): Promise<{ app: ReissueRecord; openid: string }> {
  const openid = requireOpenid(deps);
  const app = await deps.store.application(id);
  if (!app || app.applicant.actorOpenid !== openid) throw new DomainError('REISSUE_NOT_FOUND');
  return { app, openid };
}

/** An account that acts for the application's hall (core/identity/hallAccess.ts), or FORBIDDEN. */
export async function requireOfficerOf(deps: ReissueDeps, hallId: string): Promise<Account> {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

export function auditOfficer(deps: ReissueDeps, account: Account, app: ReissueRecord, action: string): Promise<void> {
  return recordAudit(deps, account, { action: `reissue.${action}`, target: app._id, hallId: app.hallId });
}

/** The city (6-digit code) a division code belongs to. */
export const cityCodeOf = (divisionCode: string) => cityOf(divisionCode);

export async function configFor(deps: ReissueDeps, app: Pick<ReissueRecord, 'issuerDivisionCode'>): Promise<ReissueConfig> {
  return deps.store.config(cityOf(app.issuerDivisionCode));
}

/** Halls of the resident's city that handle the reissue, in list order. */
export async function reissueHallsFor(deps: ReissueDeps, divisionCode: string): Promise<Hall[]> {
  const city = cityOf(divisionCode);
  const halls = await deps.guides.halls();
  return halls.filter((h) => h.services.includes(REISSUE_SERVICE) && cityOf(h.divisionCode) === city).sort((a, b) => a.order - b.order);
}

export const ApplicationView = ReissueTrackingView.extend({ version: z.number().int(), hallId: z.string(), hallName: z.string(), subjectNameMasked: z.string() });
export type ApplicationView = z.infer<typeof ApplicationView>;

export async function viewOf(deps: ReissueDeps, app: ReissueRecord, viewer: Actor): Promise<ApplicationView> {
  const [config, hall] = await Promise.all([configFor(deps, app), deps.guides.hall(app.hallId)]);
  const view = trackingView(app, { viewer, now: deps.clock.now(), calendar: deps.calendar, config });
  let name = '***';
  try {
    name = maskName(deps.secrets.decrypt(app.subjectNameEnc, 'name'));
  } catch {
    // A name that cannot be decrypted (rotated key) is shown fully masked.
  }
  return { ...view, version: app.version, hallId: app.hallId, hallName: hall?.name ?? app.hallId, subjectNameMasked: name };
}

export const citizen = (openid: string): Actor => ({ role: 'citizen', id: openid });
export const SYSTEM: Actor = { role: 'system' };

/**
 * Asks the payment port for a refund the state machine made due (payment 'refunding'). The refund
 * id is derived from the application, so asking again is the same refund. A port failure leaves it
 * 'refunding' for the refund timer.
 */
export async function settleRefund(deps: ReissueDeps, app: ReissueRecord): Promise<ReissueRecord> {
  if (app.payment.status !== 'refunding' || !app.payment.id) return app;
  try {
    const { status } = await deps.payment.refund({
      orderId: app.payment.id,
      refundId: `${app._id}-refund`,
      amountFen: app.fees.totalFen,
      totalFen: app.fees.totalFen,
      reason: '户政补换领申请未办理，费用原路退回',
    });
    if (status === 'success') return await fire(deps, app, { type: 'refundSucceeded' }, SYSTEM);
    if (status === 'failed') return await fire(deps, app, { type: 'refundFailed', note: '退款未成功，工作人员将处理' }, SYSTEM);
  } catch (e) {
    if (isDomainError(e)) return (await deps.store.application(app._id)) ?? app;
  }
  return app;
}
