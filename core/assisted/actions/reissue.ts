import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import type { AssistedDeps } from '../AssistedDeps';
import type { AssistedSession } from '../AssistedSession';
import { ReissueReason } from '../../reissue/ReissueApplication';
import type { ReissueRecord } from '../../reissue/ReissueDeps';
import { AddressInput, feesOf } from '../../reissue/actions/address';
import { ApplicationView, viewOf } from '../../reissue/applicationView';
import { DeskReceipt } from '../../reissue/events';
import { fenOf, yuan } from '../../reissue/fees';
import { FeeView, feeView } from '../../reissue/feeView';
import { REASON_NAMES } from '../../reissue/names';
import { assess, completeSubmission, submitApplication, type SubmitDeps } from '../../reissue/submitApplication';
import type { Actor } from '../../reissue/stateMachine';
import { assistedOwner, requireFeeInPerson } from '../sessionRules';
import { auditAssisted } from '../auditAssisted';
import { tellCitizen } from '../tellCitizen';
import { SESSION_ERRORS, SessionIdInput, usableSession } from './session';

/** The reissue rules' ports as the assisted function holds them (core/reissue/submitApplication.ts). */
function reissuePorts(deps: AssistedDeps): SubmitDeps & Pick<AssistedDeps, 'calendar'> {
  const { reissue, registry, secrets } = deps.assisted;
  return { store: reissue.store, divisions: reissue.divisions, registry, secrets, references: deps.references, guides: deps.guides, clock: deps.clock, calendar: deps.calendar };
}

const subjectOf = (s: AssistedSession) => ({ residentId: s.subjectResidentId, idIndex: s.subjectIdIndex, nameEnc: s.subjectNameEnc });

/** Tells the citizen what was applied for (SMS, and a subscribe message with an account); a failure does not undo it. */
async function tell(deps: AssistedDeps, s: AssistedSession, app: ReissueRecord): Promise<void> {
  const hall = await deps.guides.hall(app.hallId);
  const notice = {
    act: `${REASON_NAMES[app.reason]}居民身份证`,
    hallName: hall?.name ?? app.hallId,
    when: `已缴费${yuan(app.fees.totalFen)}元，制证后邮寄`,
    ref: `办件编号${app.refNumber ?? ''}`,
  };
  await tellCitizen(deps, s, notice, { kind: 'reissue', applicationId: app._id });
}

const REISSUE_SESSION_ERRORS = [...SESSION_ERRORS, 'ASSISTED_REISSUE_BY_PHONE', 'REISSUE_OTHER_CITY', 'REGISTRY_MISMATCH', 'REGISTRY_UNAVAILABLE'] as const;

export const assistedDivisions = defineAction({
  summary:
    "Officer, within a confirmed assisted session (issue 18): the divisions for a delivery address one level at a time (the provinces; a province's cities; a city's districts, 6-digit GB/T 2260 codes), from the data the address is checked against, so the officer's page carries none.",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, parentCode: z.optional(z.string().check(z.regex(/^\d{6}$/))) })),
  output: lazySchema(() => z.object({ divisions: z.array(z.object({ code: z.string(), name: z.string() })) })),
  errors: SESSION_ERRORS,
  async run(input, deps: AssistedDeps) {
    await usableSession(deps, input.sessionId);
    return { divisions: deps.assisted.reissue.divisions.children(input.parentCode) };
  },
});

export const assistedReissueFee = defineAction({
  summary:
    "Officer, within a confirmed assisted session at the desk or on a home visit (issue 18): whether the session's citizen may have their ID card reissued (补领, lost) or replaced (换领, damaged) by mail through the session's hall, and the fee to collect for mail to a district. By phone: ASSISTED_REISSUE_BY_PHONE (nobody can take the fee).",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, reason: ReissueReason, districtCode: z.string().check(z.regex(/^\d{6}$/)) })),
  output: lazySchema(() => z.object({ eligible: z.boolean(), reasons: z.array(z.object({ code: z.string(), message: z.string() })), fee: FeeView, hallName: z.string() })),
  errors: [...REISSUE_SESSION_ERRORS],
  async run(input, deps: AssistedDeps) {
    const { session: s } = await usableSession(deps, input.sessionId);
    requireFeeInPerson(s);
    const { config, halls, eligibility } = await assess(reissuePorts(deps), subjectOf(s), input.reason, true);
    const hall = halls.find((h) => h._id === s.hallId);
    if (!hall) throw new DomainError('REISSUE_OTHER_CITY');
    const fee = feesOf(input.reason, hall.divisionCode, { kind: 'mail', districtCode: input.districtCode }, config);
    return {
      eligible: eligibility.ok,
      reasons: eligibility.ok ? [] : eligibility.reasons.map((r) => ({ code: r.code, message: r.message })),
      fee: feeView(fee),
      hallName: hall.name,
    };
  },
});

export const assistedReissue = defineAction({
  summary:
    "Officer, within a confirmed assisted session at the desk or on a home visit (issue 18): applies for the session's citizen for a reissued (lost) or replaced (damaged) ID card mailed to an address, by the reissue rules (eligibility, one open application per person, the fee, a lost card reported lost; core/reissue/submitApplication.ts), through the session's hall. The officer collected the fee in person and gives the receipt's number and the amount, which must be the fee (REISSUE_FEE_CHANGED otherwise): the application is stored once, paid, and goes to review. By phone: ASSISTED_REISSUE_BY_PHONE. It belongs to the citizen's account, or, without one, to their blind index until they verify (then it shows in myApplications). The citizen is texted the 办件编号. Audited with officer, hall, session and reason. Idempotent under the envelope requestId.",
  input: lazySchema(() =>
    z.strictObject({
      sessionId: SessionIdInput,
      reason: ReissueReason,
      /** The citizen confirmed their appearance is unchanged since the photo on file. */
      appearanceUnchanged: z.literal(true),
      address: AddressInput,
      /** The receipt the officer gave for the fee, and the amount collected in yuan (52.00). */
      receipt: DeskReceipt,
      amount: z.string().check(z.regex(/^\d{1,7}\.\d{2}$/)),
    }),
  ),
  output: ApplicationView,
  errors: [
    ...REISSUE_SESSION_ERRORS,
    'REISSUE_NOT_ELIGIBLE',
    'REISSUE_ALREADY_OPEN',
    'REISSUE_ADDRESS_INVALID',
    'REISSUE_FEE_CHANGED',
    'SERVICE_BUSY',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run(input, deps: AssistedDeps, request) {
    const { officer, session: s } = await usableSession(deps, input.sessionId);
    requireFeeInPerson(s);
    const r = reissuePorts(deps);
    const asOfficer: Actor = { role: 'officer', id: officer._id };
    const requestKey = `assisted-reissue:${s._id}:${request?.requestId ?? deps.newId()}`;
    // The id follows from the session and the request: a retry finds what its first attempt wrote.
    const applicationId = deps.idFor(requestKey);
    const earlier = await r.store.application(applicationId);
    let app: ReissueRecord;
    if (earlier) {
      if (earlier.applicant.subjectIdIndex !== s.subjectIdIndex) throw new DomainError('ASSISTED_SESSION_NOT_FOUND');
      app = await completeSubmission(r, earlier, false);
    } else {
      const amountFen = fenOf(input.amount);
      const owner = (await deps.assisted.identities.boundOpenid(s.subjectIdIndex)) ?? assistedOwner(s.subjectIdIndex);
      app = await submitApplication(r, {
        applicationId,
        owner,
        subject: subjectOf(s),
        reason: input.reason,
        delivery: { kind: 'mail', address: input.address },
        takenBy: s.hallId,
        expectedTotalFen: amountFen,
        // Paid before it is stored: no application waits for a payment nobody can make.
        then: amountFen > 0 ? [{ event: { type: 'paymentCollected', receipt: input.receipt, amountFen }, actor: asOfficer }] : [],
        seededId: (seed) => deps.idFor(seed),
      });
      app = await completeSubmission(r, app, true);
    }
    await auditAssisted(deps, officer, s, 'reissue', app._id, deps.idFor(`audit:${requestKey}`));
    // A retry that reaches here did not finish before (a finished one is answered from the request log): tell again rather than never.
    await tell(deps, s, app);
    return viewOf(r, app, asOfficer);
  },
});
