import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { Decided, OFFICER_ERRORS, Reason } from './inputs';
import { lazySchema } from '../../function/lazySchema';
import { requireOpenid } from '../../identity/caller';
import { requireActingForAnyHall, hallsActedFor } from '../../identity/hallAccess';
import { BusinessState, CorrectionItem } from '../BusinessApplication';
import type { BusinessDeps, BusinessRecord } from '../BusinessDeps';
import { approvalOf } from '../approval';
import { isOverdue, lastDayOf } from '../deadlines';
import { placeOf } from '../place';
import { FIELD } from '../../identity/fieldNames';
import type { MailAddress } from '../../reissue/ReissueApplication';
import { fireBusiness, type BusinessEventInput } from '../fire';
import { BusinessApplicationView, BusinessSummaryView, businessSummaryOf } from '../views';
import { auditBusiness, loadBusiness, OFFICER_ACTOR, requireBusinessOfficer, subjectNameOf, viewFor } from './shared';

const reason = Reason;

/** Waiting for the hall: what the review queue shows by default. */
const OPEN_FOR_REVIEW: BusinessState[] = ['submitted', 'underReview', 'correctionRequested'];

export const businessQueue = defineAction({
  summary: "A hall's applications waiting for it, oldest submission first, overdue ones flagged (officers of that hall).",
  input: lazySchema(() =>
    z.strictObject({ hallId: z.string().check(z.minLength(1), z.maxLength(64)), states: z.optional(z.array(BusinessState).check(z.minLength(1), z.maxLength(14))) }),
  ),
  output: lazySchema(() =>
    z.object({
      applications: z.array(z.extend(BusinessSummaryView, { version: z.int(), reviewDue: z.optional(z.string()), overdue: z.boolean(), correctionRounds: z.int() })),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run(input, deps: BusinessDeps) {
    await requireBusinessOfficer(deps, input.hallId);
    const now = deps.clock.now();
    const apps = await deps.store.queue({ hallIds: [input.hallId], states: input.states ?? OPEN_FOR_REVIEW, limit: 200 });
    return {
      applications: apps.map((a) => ({
        ...businessSummaryOf(a, subjectNameOf(deps, a)),
        version: a.version,
        ...(a.reviewDueAt ? { reviewDue: lastDayOf(a.reviewDueAt) } : {}),
        overdue: ['submitted', 'underReview'].includes(a.state) && isOverdue(a.reviewDueAt, undefined, now),
        correctionRounds: a.correctionRounds,
      })),
    };
  },
});

const CaseView = lazySchema(() =>
  z.extend(BusinessApplicationView, {
    subject: z.object({
      idNumberMasked: z.string(),
      householdDivisionCode: z.string(),
      /** 省市区 of the household registration ('' when the code is unknown). */
      householdPlace: z.string(),
      birthDate: z.optional(z.string()),
      sex: z.optional(z.enum(['male', 'female'])),
      registryKnows: z.boolean(),
    }),
    forFamilyMember: z.boolean(),
    /** For the waybill, when the applicant chose mail: the recipient, phone and full address (this opening is audited). */
    mailTo: z.optional(z.object({ recipient: z.string(), phone: z.string(), address: z.string() })),
  }),
);

export const businessCase = defineAction({
  summary:
    'An application as the reviewing officer needs it: materials (photos through short-lived URLs), what the registry says of the person, the declared details, deadlines, and what can be decided now. Audited.',
  input: lazySchema(() => z.strictObject({ applicationId: z.string().check(z.minLength(1), z.maxLength(64)) })),
  output: CaseView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'APPLICATION_NOT_FOUND', 'REGISTRY_UNAVAILABLE'],
  async run(input, deps: BusinessDeps) {
    const app = await loadBusiness(deps, input.applicationId);
    const account = await requireBusinessOfficer(deps, app.hallId);
    const person = await deps.registry.person(app.applicant.subjectResidentId);
    await auditBusiness(deps, account, app, 'viewCase');
    return {
      ...(await viewFor(deps, app, OFFICER_ACTOR)),
      subject: {
        idNumberMasked: app.subjectIdNumberMasked,
        householdDivisionCode: person?.divisionCode ?? app.householdDivisionCode,
        householdPlace: placeOf(deps.divisions, person?.divisionCode ?? app.householdDivisionCode),
        ...(person ? { birthDate: person.birthDate, sex: person.sex } : {}),
        registryKnows: !!person,
      },
      forFamilyMember: !!app.actedFor,
      ...(app.handover?.kind === 'mail' ? { mailTo: mailToOf(deps, app.handover.address) } : {}),
    };
  },
});

/** The waybill's recipient, phone and address, decrypted for the officer of the handling hall. */
function mailToOf(deps: BusinessDeps, a: MailAddress) {
  return {
    recipient: deps.secrets.decrypt(a.recipientEnc, FIELD.name),
    phone: deps.secrets.decrypt(a.phoneEnc, FIELD.phone),
    address: `${a.names.province}${a.names.city}${a.names.district}${deps.secrets.decrypt(a.detailEnc, FIELD.address)}`,
  };
}

/** One officer decision on an application of their hall, audited. */
async function decide(
  deps: BusinessDeps,
  input: { applicationId: string; expectedVersion: number },
  event: (app: BusinessRecord) => Promise<BusinessEventInput> | BusinessEventInput,
) {
  const app = await loadBusiness(deps, input.applicationId);
  const account = await requireBusinessOfficer(deps, app.hallId);
  const e = await event(app);
  const next = await fireBusiness(deps, app, e, OFFICER_ACTOR, input.expectedVersion);
  if (next !== app) await auditBusiness(deps, account, next, e.type, `business.${e.type}:${next._id}:${next.version}`);
  return viewFor(deps, next, OFFICER_ACTOR);
}

export const startReview = defineAction({
  summary: 'Takes a submitted application into review (officers of its hall).',
  input: lazySchema(() => z.strictObject(Decided)),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  run: (input, deps: BusinessDeps) => decide(deps, input, () => ({ type: 'startReview' })),
});

export const approve = defineAction({
  summary:
    'Approves an application under review: a certificate is issued (serial, validity), a migration gets its permission to move in and the origin its move-out task, an endorsement is done at once, other results wait for handover.',
  input: lazySchema(() => z.strictObject(Decided)),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  run: (input, deps: BusinessDeps) => decide(deps, input, async (app) => approvalOf(app, await deps.store.config(app.hallId), deps.clock.now(), deps.random, deps.calendar)),
});

export const reject = defineAction({
  summary: 'Rejects an application under review, with the reason the citizen reads.',
  input: lazySchema(() => z.strictObject({ ...Decided, reason })),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  run: (input, deps: BusinessDeps) => decide(deps, input, () => ({ type: 'reject', reason: input.reason })),
});

export const requestCorrection = defineAction({
  summary: 'Asks for corrections (补正): which materials, and why. The citizen re-uploads them and resubmits without starting over.',
  input: lazySchema(() => z.strictObject({ ...Decided, items: z.array(CorrectionItem).check(z.minLength(1), z.maxLength(20)) })),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  run: (input, deps: BusinessDeps) => decide(deps, input, () => ({ type: 'requestCorrection', items: input.items })),
});

export const revoke = defineAction({
  summary: 'Revokes an issued certificate, with a reason: the public verification says so at once.',
  input: lazySchema(() => z.strictObject({ ...Decided, reason })),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  run: (input, deps: BusinessDeps) => decide(deps, input, () => ({ type: 'revoke', reason: input.reason })),
});

export const myReviewHalls = defineAction({
  summary: 'The halls whose business applications the caller reviews.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ halls: z.array(z.object({ id: z.string(), name: z.string() })) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run(_input, deps: BusinessDeps) {
    const account = requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    const halls = await Promise.all(hallsActedFor(account).map((id) => deps.guides.hall(id)));
    return { halls: halls.flatMap((h) => (h ? [{ id: h._id, name: h.name }] : [])) };
  },
});
