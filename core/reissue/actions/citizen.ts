import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { mayActForHall } from '../../identity/hallAccess';
import { requireOpenid } from '../../identity/caller';
import type { ReissueDeps, ReissueRecord } from '../ReissueDeps';
import { AddressInput, feesOf, mailAddress } from './address';
import { ApplicationId, ExpectedVersion } from '../applicationInput';
import { ApplicationView, viewOf } from '../applicationView';
import { citizen } from '../actors';
import { configFor } from '../cityConfig';
import { fire } from '../fire';
import { ownApplication, ownersOfCaller } from '../loadApplication';
import { settleRefund } from '../refund';
import { settlePayment } from '../settlePayment';
import { lazySchema } from '../../function/lazySchema';

export const cancel = defineAction({
  summary: 'The applicant withdraws an application before approval; a paid fee is refunded through the payment port. Idempotent under the envelope requestId.',
  input: lazySchema(() => z.strictObject({ applicationId: ApplicationId, expectedVersion: ExpectedVersion })),
  output: ApplicationView,
  errors: ['UNAUTHENTICATED', 'REISSUE_NOT_FOUND', 'REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT', 'PAYMENT_UNAVAILABLE', 'REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED'],
  idempotent: 'optional',
  async run({ applicationId, expectedVersion }, deps: ReissueDeps) {
    const { app, openid } = await ownApplication(deps, applicationId);
    let current: ReissueRecord = app;
    if (current.payment.status === 'pending') {
      if (expectedVersion !== undefined && expectedVersion !== app.version) throw new DomainError('REISSUE_VERSION_CONFLICT');
      // An open order is closed first, so it can no longer be paid behind the cancellation.
      current = await settlePayment(deps, current, 'cancel');
      expectedVersion = current.version;
    }
    const cancelled = await fire(deps, current, { type: 'cancel', note: '申请人取消申请' }, citizen(openid), expectedVersion);
    return viewOf(deps, await settleRefund(deps, cancelled), citizen(openid));
  },
});

export const changeAddress = defineAction({
  summary:
    'The applicant changes the delivery address until the card is shipped, and again once the courier returned it; refused when the new address is in another postage zone (the fee would change).',
  input: lazySchema(() => z.strictObject({ applicationId: ApplicationId, address: AddressInput, expectedVersion: ExpectedVersion })),
  output: ApplicationView,
  errors: ['UNAUTHENTICATED', 'REISSUE_NOT_FOUND', 'REISSUE_ADDRESS_INVALID', 'REISSUE_FEE_CHANGED', 'REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT'],
  async run({ applicationId, address, expectedVersion }, deps: ReissueDeps) {
    const { app, openid } = await ownApplication(deps, applicationId);
    const mail = mailAddress(deps, address);
    if (app.delivery.kind === 'mail') {
      const fees = feesOf(app.reason, app.issuerDivisionCode, { kind: 'mail', districtCode: mail.districtCode }, await configFor(deps, app));
      if (fees.totalFen !== app.fees.totalFen) throw new DomainError('REISSUE_FEE_CHANGED');
    }
    const changed = await fire(deps, app, { type: 'changeAddress', address: mail }, citizen(openid), expectedVersion);
    return viewOf(deps, changed, citizen(openid));
  },
});

export const myApplications = defineAction({
  summary:
    "The caller's reissue applications (for themselves and family members), and, once verified, those an officer made for them in an assisted session (issue 18); newest first, each with its tracking view.",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ applications: z.array(ApplicationView) })),
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: ReissueDeps) {
    const openid = requireOpenid(deps);
    // Also those an officer made for the caller in an assisted session before they had an account (issue 18).
    const owners = await ownersOfCaller(deps, openid);
    const lists = await Promise.all(owners.map((owner) => deps.store.applicationsOf(owner, 50)));
    const list = lists
      .flat()
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 50);
    return { applications: await Promise.all(list.map((a) => viewOf(deps, a, citizen(a.applicant.actorOpenid)))) };
  },
});

export const application = defineAction({
  summary:
    'One application as its applicant (or an officer of its hall) sees it: timeline, legal and promised deadlines, fees, shipment and tracking number, what can be done next.',
  input: lazySchema(() => z.strictObject({ applicationId: ApplicationId })),
  output: ApplicationView,
  errors: ['UNAUTHENTICATED', 'REISSUE_NOT_FOUND'],
  async run({ applicationId }, deps: ReissueDeps) {
    const openid = requireOpenid(deps);
    const app = await deps.store.application(applicationId);
    if (app && app.applicant.actorOpenid === openid) return viewOf(deps, app, citizen(openid));
    // One made for the caller in an assisted session (issue 18), once they verified.
    if (app && (await ownersOfCaller(deps, openid)).includes(app.applicant.actorOpenid)) return viewOf(deps, app, citizen(app.applicant.actorOpenid));
    const account = app ? await deps.identities.account(openid) : null;
    if (app && mayActForHall(account, app.hallId)) {
      return viewOf(deps, app, { role: 'officer', id: openid });
    }
    throw new DomainError('REISSUE_NOT_FOUND');
  },
});
