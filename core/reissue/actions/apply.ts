import type { Account } from '../../identity/Account';
import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { recordAudit } from '../../identity/recordAudit';
import { FIELD } from '../../identity/fieldNames';
import { maskName } from '../../privacy/mask';
import { ReissueReason } from '../ReissueApplication';
import type { ReissueDeps, ReissueRecord } from '../ReissueDeps';
import type { EligibilityProblem } from '../eligibility';
import { isOpen } from '../stateMachine';
import { DeliveryInput, feesOf } from './address';
import { resolveActingFor } from '../../identity/actingFor';
import { ApplicationView, viewOf } from '../applicationView';
import { citizen } from '../actors';
import { assess, completeSubmission, submitApplication } from '../submitApplication';
import { FeeView, feeView } from '../feeView';
import { lazySchema } from '../../function/lazySchema';

const ForMember = lazySchema(() => z.optional(z.string().check(z.maxLength(64))));

export const eligibility = defineAction({
  summary: 'Pre-check of an online ID-card reissue for the caller or a family member: every reason it is not possible, and the fee it would cost.',
  input: lazySchema(() =>
    z.strictObject({
      forMemberId: ForMember,
      reason: z._default(z.enum(['lost', 'damaged', 'first', 'expiring', 'infoChanged']), 'lost'),
      appearanceUnchanged: z._default(z.boolean(), true),
      /** For the fee preview: mail to a district (default: the person's registered district) or hall collection. */
      delivery: z.optional(
        z.discriminatedUnion('kind', [z.object({ kind: z.literal('mail'), districtCode: z.string().check(z.regex(/^\d{6}$/)) }), z.object({ kind: z.literal('hall') })]),
      ),
    }),
  ),
  output: lazySchema(() =>
    z.object({
      eligible: z.boolean(),
      reasons: z.array(z.object({ code: z.string(), message: z.string(), next: z.enum(['bookHall', 'viewApplication']) })),
      subjectNameMasked: z.string(),
      forFamilyMember: z.boolean(),
      hall: z.optional(z.object({ id: z.string(), name: z.string() })),
      fee: z.optional(FeeView),
      openApplicationId: z.optional(z.string()),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND', 'REGISTRY_MISMATCH', 'REGISTRY_UNAVAILABLE'],
  async run(input, deps: ReissueDeps) {
    const { subject } = await resolveActingFor(deps, input.forMemberId);
    const { resident, config, hall, others, eligibility: verdict } = await assess(deps, subject, input.reason, input.appearanceUnchanged);
    // Besides the person's own rules: a city without a reissue hall (NO_HALL) cannot take it online.
    const reasons: Array<Omit<EligibilityProblem, 'code'> & { code: EligibilityProblem['code'] | 'NO_HALL' }> = verdict.ok ? [] : [...verdict.reasons];
    if (!hall) reasons.push({ code: 'NO_HALL', message: '您所在城市暂未开通网上补换领，请预约到户政大厅办理', next: 'bookHall' });
    const online = input.reason === 'lost' || input.reason === 'damaged' ? input.reason : undefined;
    const fee = hall && online ? feeView(feesOf(online, hall.divisionCode, input.delivery ?? { kind: 'mail', districtCode: resident.divisionCode }, config)) : undefined;
    const open = others.find(isOpen);
    return {
      eligible: reasons.length === 0,
      reasons,
      subjectNameMasked: maskName(deps.secrets.decrypt(subject.nameEnc, FIELD.name)),
      forFamilyMember: Boolean(subject.actedFor),
      ...(hall ? { hall: { id: hall._id, name: hall.name } } : {}),
      ...(fee ? { fee } : {}),
      ...(open ? { openApplicationId: open._id } : {}),
    };
  },
});

export const reportLoss = defineAction({
  summary: "Reports the caller's (or a family member's) ID card lost: the registry invalidates it at once, whatever happens to an application. Audited; repeating it is harmless.",
  input: lazySchema(() => z.strictObject({ forMemberId: ForMember })),
  output: lazySchema(() => z.object({ reported: z.literal(true), alreadyReported: z.boolean(), reportedAt: z.string() })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND', 'REGISTRY_MISMATCH', 'REGISTRY_UNAVAILABLE', 'REISSUE_NOT_ELIGIBLE'],
  async run({ forMemberId }, deps: ReissueDeps) {
    const { account, subject } = await resolveActingFor(deps, forMemberId);
    const resident = await deps.registry.resident(subject.residentId);
    if (!resident) throw new DomainError('REGISTRY_MISMATCH');
    if (!resident.cardIssuedOn) throw new DomainError('REISSUE_NOT_ELIGIBLE', '没有查询到身份证办理记录');
    const now = deps.clock.now();
    const fresh = await deps.registry.reportCardLost(resident._id, now);
    await recordAudit(deps, account, { action: 'reissue.reportLoss', target: resident._id, ...(subject.actedFor ? { actedFor: subject.actedFor } : {}) });
    const again = fresh ? undefined : (await deps.registry.resident(subject.residentId))?.cardLostAt;
    return { reported: true as const, alreadyReported: !fresh, reportedAt: (again ?? now).toISOString() };
  },
});

/** What follows the insert, done again when a retried request finds it (completeSubmission), and the audit record. */
async function resume(deps: ReissueDeps, app: ReissueRecord, account: Account, claimed = false): Promise<ReissueRecord> {
  const current = await completeSubmission(deps, app, claimed);
  // One record per application (its id follows from the request): a resumed retry records nothing more.
  await recordAudit(deps, account, {
    id: `reissue.apply:${current._id}`,
    action: 'reissue.apply',
    target: current._id,
    hallId: current.hallId,
    ...(current.actedFor ? { actedFor: current.actedFor } : {}),
  });
  return current;
}

export const apply = defineAction({
  summary:
    'Applies for a reissued (lost) or replaced (damaged) ID card with mail delivery or hall collection: re-checks eligibility, fixes the fee, submits. A lost card is reported lost at once. Idempotent under the envelope requestId.',
  input: lazySchema(() =>
    z.strictObject({
      forMemberId: ForMember,
      reason: ReissueReason,
      /** The applicant confirms the photo on file may be reused (appearance unchanged). */
      appearanceUnchanged: z.literal(true),
      delivery: DeliveryInput,
    }),
  ),
  output: ApplicationView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'FAMILY_MEMBER_NOT_FOUND',
    'REGISTRY_MISMATCH',
    'REGISTRY_UNAVAILABLE',
    'REISSUE_NOT_ELIGIBLE',
    'REISSUE_ALREADY_OPEN',
    'REISSUE_ADDRESS_INVALID',
    'HALL_NOT_FOUND',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run(input, deps: ReissueDeps, request) {
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    // The id follows from the caller and the request: a retried request finds what it wrote before.
    const applicationId = deps.newId(request?.requestId ? `${account._id}:${request.requestId}` : undefined);
    const earlier = await deps.store.application(applicationId);
    if (earlier) return viewOf(deps, await resume(deps, earlier, account), citizen(account._id));
    const app = await submitApplication(deps, {
      applicationId,
      owner: account._id,
      subject,
      reason: input.reason,
      delivery: input.delivery,
      seededId: (seed) => deps.newId(seed),
    });
    return viewOf(deps, await resume(deps, app, account, true), citizen(account._id));
  },
});
