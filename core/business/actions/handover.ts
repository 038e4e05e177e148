import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { Decided } from './inputs';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { requireOpenid } from '../../identity/caller';
import { AddressInput, mailAddress } from '../../reissue/actions/address';
import { Courier, TrackingNumber } from '../../reissue/ReissueApplication';
import type { BusinessDeps, BusinessRecord } from '../BusinessDeps';
import type { Handover } from '../BusinessApplication';
import { fireBusiness } from '../fire';
import { BUSINESSES } from '../kinds';
import { BusinessApplicationView } from '../views';
import { auditBusiness, citizenActor, loadBusiness, loadOwnBusiness, OFFICER_ACTOR, requireBusinessOfficer, viewFor } from './shared';

/**
 * How the result reaches the citizen (issue 15): at the hall, with an appointment of theirs for
 * this business there (the officer has the file before they arrive), or by mail.
 */

const ERRORS = ['UNAUTHENTICATED', 'APPLICATION_NOT_FOUND', 'APPLICATION_STATE_CONFLICT', 'APPLICATION_VERSION_CONFLICT', 'FORBIDDEN', 'INVALID_INPUT'] as const;

/** The appointment is the applicant's, for this business, at the handling hall, for the same person, still booked. */
async function hallHandover(deps: BusinessDeps, app: BusinessRecord, appointmentId: string): Promise<Handover> {
  const a = await deps.appointments.appointment(appointmentId);
  const fits =
    a &&
    a.actorOpenid === app.applicant.actorOpenid &&
    a.subjectIdIndex === app.subjectIdIndex &&
    a.hallId === app.hallId &&
    a.business === BUSINESSES[app.kind].guideId &&
    a.status === 'booked';
  if (!fits) throw new DomainError('APPOINTMENT_NOT_FOUND', '请预约受理本申请的大厅、本业务的时段后再选择');
  return { kind: 'hall', hallId: app.hallId, appointmentId };
}

export const chooseHandover = defineAction({
  summary:
    "The applicant chooses how to receive the result: at the hall with an appointment of theirs for this business there, or by mail (the address's street, recipient and phone encrypted).",
  input: lazySchema(() =>
    z.strictObject({
      ...Decided,
      handover: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('hall'), appointmentId: z.string().check(z.minLength(1), z.maxLength(64)) }),
        z.strictObject({ kind: z.literal('mail'), address: AddressInput }),
      ]),
    }),
  ),
  output: BusinessApplicationView,
  errors: [...ERRORS, 'APPOINTMENT_NOT_FOUND', 'REISSUE_ADDRESS_INVALID'],
  async run(input, deps: BusinessDeps) {
    const openid = requireOpenid(deps);
    const app = await loadOwnBusiness(deps, input.applicationId);
    const handover: Handover =
      input.handover.kind === 'hall' ? await hallHandover(deps, app, input.handover.appointmentId) : { kind: 'mail', address: mailAddress(deps, input.handover.address) };
    return viewFor(deps, await fireBusiness(deps, app, { type: 'chooseHandover', handover }, citizenActor(openid), input.expectedVersion), citizenActor(openid));
  },
});

export const collect = defineAction({
  summary: 'The result is handed over at the hall (the citizen came): the application is done. Officers of the handling hall; audited.',
  input: lazySchema(() => z.strictObject(Decided)),
  output: BusinessApplicationView,
  errors: [...ERRORS, 'OFFICER_NOT_VERIFIED'],
  async run(input, deps: BusinessDeps) {
    const app = await loadBusiness(deps, input.applicationId);
    const account = await requireBusinessOfficer(deps, app.hallId);
    const next = await fireBusiness(deps, app, { type: 'collect' }, OFFICER_ACTOR, input.expectedVersion);
    if (next !== app) await auditBusiness(deps, account, next, 'collect', `business.collect:${next._id}`);
    return viewFor(deps, next, OFFICER_ACTOR);
  },
});

export const ship = defineAction({
  summary: 'The result is sent by mail with a tracking number (the applicant chose mail). Officers of the handling hall; audited.',
  input: lazySchema(() => z.strictObject({ ...Decided, courier: Courier, trackingNumber: TrackingNumber })),
  output: BusinessApplicationView,
  errors: [...ERRORS, 'OFFICER_NOT_VERIFIED'],
  async run(input, deps: BusinessDeps) {
    const app = await loadBusiness(deps, input.applicationId);
    const account = await requireBusinessOfficer(deps, app.hallId);
    const next = await fireBusiness(deps, app, { type: 'ship', courier: input.courier, trackingNumber: input.trackingNumber }, OFFICER_ACTOR, input.expectedVersion);
    if (next !== app) await auditBusiness(deps, account, next, 'ship', `business.ship:${next._id}`);
    return viewFor(deps, next, OFFICER_ACTOR);
  },
});
