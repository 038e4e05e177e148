import { DomainError } from '../errors/DomainError';
import type { ActingSubject } from '../identity/actingFor';
import { shanghaiDate } from '../time/shanghai';
import { assignReferenceNumber } from '../reference/assignReferenceNumber';
import type { ReissueReason } from './ReissueApplication';
import type { ReissueConfig } from './ReissueConfig';
import type { CardRegistry, ReissueDeps, ReissueRecord } from './ReissueDeps';
import { checkEligibility, type CardApplicationReason, type Eligibility } from './eligibility';
import { deliveryOf, feesOf, type DeliveryInput } from './actions/address';
import { SYSTEM, citizen } from './actors';
import type { EventInput } from './fire';
import { fire } from './fire';
import { takeOpenClaim } from './openClaim';
import { cityOf } from './postageZone';
import { reissueHallsFor } from './reissueHalls';
import { draftApplication, isOpen, transition, type Actor } from './stateMachine';

/**
 * Submitting a reissue application, one path for the citizen's own `apply` and an officer's
 * assisted one (core/assisted/actions/reissue.ts): eligibility re-checked, the fee fixed, a lost
 * card reported lost, one open application per person (the claim), the 办件编号, one insert.
 */

/** What the reissue rules need to submit an application (a subset of the reissue function's ports). */
export type SubmitDeps = Pick<ReissueDeps, 'store' | 'references' | 'guides' | 'divisions' | 'secrets' | 'clock'> & { registry: Pick<CardRegistry, 'resident' | 'reportCardLost'> };

/** Everything the pre-check and the application need to know about the person. */
export async function assess(
  deps: Pick<ReissueDeps, 'store' | 'guides' | 'clock'> & { registry: Pick<CardRegistry, 'resident'> },
  subject: Pick<ActingSubject, 'residentId' | 'idIndex'>,
  reason: CardApplicationReason,
  appearanceUnchanged: boolean,
) {
  const resident = await deps.registry.resident(subject.residentId);
  if (!resident) throw new DomainError('REGISTRY_MISMATCH');
  const config: ReissueConfig = await deps.store.config(cityOf(resident.divisionCode));
  const halls = await reissueHallsFor(deps, resident.divisionCode);
  const others = await deps.store.applicationsFor(subject.idIndex, 50);
  const eligibility: Eligibility = checkEligibility({
    resident,
    reason,
    appearanceUnchanged,
    today: shanghaiDate(deps.clock.now()),
    openApplications: others,
    config,
  });
  return { resident, config, halls, hall: halls.at(0), others, eligibility };
}

/** The verdict of `assess` as the catalogue's errors: another open application, or every reason it cannot be done online. */
export function requireEligible(verdict: Eligibility): void {
  if (verdict.ok) return;
  const codes = verdict.reasons.map((r) => r.code);
  if (codes.every((c) => c === 'OPEN_APPLICATION')) throw new DomainError('REISSUE_ALREADY_OPEN');
  throw new DomainError('REISSUE_NOT_ELIGIBLE', verdict.reasons.map((r) => r.message).join('；'));
}

export interface Submission {
  /** Derived from the caller and the request: a retry finds what the first attempt wrote. */
  applicationId: string;
  /** Whose application it is (the applicant's openid, or the assisted owner of a citizen without an account). */
  owner: string;
  subject: ActingSubject;
  reason: ReissueReason;
  delivery: DeliveryInput;
  /** The hall that takes it (an officer's, in an assisted session): it must handle reissues in the person's city (REISSUE_OTHER_CITY), and issues a mailed card. */
  takenBy?: string;
  /** The total the caller agreed to (an officer's collected fee): REISSUE_FEE_CHANGED when the fee is another. */
  expectedTotalFen?: number;
  /** Events after the submission, applied before the single insert (the fee collected at a desk), so no half application is ever stored. */
  then?: Array<{ event: EventInput; actor: Actor }>;
  /** A seeded id (a keyed hash): the 办件编号's candidates follow from the application. */
  seededId(seed: string): string;
}

/**
 * Checks, prices and stores a new application (state `submitted`, or further by `then`), holding
 * the person's one open claim. Nothing is left behind on a failure: the claim goes back when the
 * insert did not land.
 */
export async function submitApplication(deps: SubmitDeps, s: Submission): Promise<ReissueRecord> {
  const { resident, config, halls, eligibility: verdict } = await assess(deps, s.subject, s.reason, true);
  const hall = s.takenBy === undefined ? halls.at(0) : halls.find((h) => h._id === s.takenBy);
  // A hall that does not take the person's reissue says so before anything about the person.
  if (!hall && s.takenBy !== undefined) throw new DomainError('REISSUE_OTHER_CITY');
  requireEligible(verdict);
  if (!hall) throw new DomainError('REISSUE_NOT_ELIGIBLE', 'NO_HALL');
  const { delivery, collectionHall } = await deliveryOf(deps, s.delivery);
  // A card collected at a hall is issued there; a mailed one by the first hall of the person's city.
  const issuer = collectionHall ?? hall;
  const fees = feesOf(s.reason, issuer.divisionCode, delivery.kind === 'mail' ? { kind: 'mail', districtCode: delivery.address.districtCode } : { kind: 'hall' }, config);
  if (s.expectedTotalFen !== undefined && s.expectedTotalFen !== fees.totalFen) throw new DomainError('REISSUE_FEE_CHANGED', '应缴费用已变化，请重新查看费用后再收取');
  const now = deps.clock.now();
  if (s.reason === 'lost') await deps.registry.reportCardLost(resident._id, now);
  const draft = draftApplication(
    {
      _id: s.applicationId,
      applicant: { actorOpenid: s.owner, subjectResidentId: s.subject.residentId, subjectIdIndex: s.subject.idIndex },
      reason: s.reason,
      delivery,
      issuerDivisionCode: issuer.divisionCode,
      fees,
    },
    now,
  );
  let app: ReissueRecord = {
    ...draft,
    hallId: issuer._id,
    subjectNameEnc: s.subject.nameEnc,
    ...(s.subject.actedFor ? { actedFor: s.subject.actedFor } : {}),
  };
  for (const step of [{ event: { type: 'submit' } as EventInput, actor: citizen(s.owner) }, ...(s.then ?? [])]) {
    const next = transition(app, { ...step.event, expectedVersion: app.version }, step.actor, now);
    if (!next.ok) throw new DomainError(next.reason.code, next.reason.detail);
    app = next.app;
  }
  await takeOpenClaim(deps, s.subject.idIndex, app._id);
  // The 办件编号, unique in the hall; derived from the application id, so a retry gets the same one.
  app.refNumber = await assignReferenceNumber(
    deps.references,
    { kind: 'reissue', id: app._id, hallId: app.hallId },
    (attempt) => s.seededId(`reference:${app._id}:${attempt}`),
    now,
  );
  try {
    await deps.store.insert(app);
  } catch (e) {
    // A timeout after the insert landed is no failure; otherwise the claim goes back.
    if (!(await deps.store.application(app._id))) {
      await deps.store.releaseOpen(s.subject.idIndex, app._id);
      throw e;
    }
  }
  return app;
}

/**
 * What follows the insert, done again when a retried request finds the application: its claim
 * held, nothing to pay waived.
 */
export async function completeSubmission(deps: Pick<ReissueDeps, 'store' | 'clock' | 'secrets'>, app: ReissueRecord, claimed: boolean): Promise<ReissueRecord> {
  if (!claimed && isOpen(app)) await takeOpenClaim(deps, app.applicant.subjectIdIndex, app._id);
  if (app.fees.totalFen === 0 && app.payment.status === 'unpaid') return fire(deps, app, { type: 'paymentWaived' }, SYSTEM);
  return app;
}
