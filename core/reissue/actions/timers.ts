import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import type { ReissueDeps } from '../ReissueDeps';
import { payWindowOver, paymentOverdue } from '../timeLimits';
import { SYSTEM } from '../actors';
import { configFor } from '../cityConfig';
import { fire } from '../fire';
import { settleRefund } from '../refund';
import { settlePayment } from '../settlePayment';
import { lazySchema } from '../../function/lazySchema';
import { pollParcels, ShipmentPollCounts } from '../../shipping/pollParcels';

const BATCH = 200;
const COURIER = { role: 'courier' } as const;

export const pollShipments = defineAction({
  summary: 'Timer only (every 30 min, as Kuaidi100 asks): tracks every shipped card with the courier port and records deliveries and returns.',
  input: lazySchema(() => z.strictObject({})),
  output: ShipmentPollCounts,
  errors: [],
  async run(_input, deps: ReissueDeps) {
    return pollParcels(
      deps,
      await deps.store.inState('shipped', BATCH),
      (app) => app.shipment && { ...app.shipment, phoneEnc: app.delivery.kind === 'mail' ? app.delivery.address.phoneEnc : undefined },
      (app, event) => fire(deps, app, event, COURIER),
    );
  },
});

export const settlePayments = defineAction({
  summary:
    'Timer only (every 10 min): settles payments left pending (a late success after a timeout), asks again for refunds due, cancels applications left unpaid past the days allowed (closing an order still open first), and encrypts street addresses older versions stored plain.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ paid: z.int(), refunded: z.int(), expired: z.int(), sealed: z.int() })),
  errors: [],
  async run(_input, deps: ReissueDeps) {
    let paid = 0;
    let refunded = 0;
    let expired = 0;
    const now = deps.clock.now();
    for (const app of await deps.store.withPayment('pending', BATCH)) {
      try {
        // Still pending when the days allowed to pay ran out: its order is closed (a payment that
        // landed first counts), so the application can expire below.
        const giveUp = payWindowOver(app, now, await configFor(deps, app));
        if ((await settlePayment(deps, app, giveUp ? 'expired' : undefined)).payment.status === 'paid') paid++;
      } catch {
        // next run
      }
    }
    for (const status of ['refunding', 'refundFailed'] as const) {
      for (const app of await deps.store.withPayment(status, BATCH)) {
        try {
          const due = status === 'refundFailed' ? await fire(deps, app, { type: 'retryRefund' }, SYSTEM) : app;
          if ((await settleRefund(deps, due)).payment.status === 'refunded') refunded++;
        } catch {
          // next run
        }
      }
    }
    for (const state of ['submitted'] as const) {
      for (const app of await deps.store.inState(state, BATCH)) {
        try {
          if (paymentOverdue(app, now, await configFor(deps, app))) {
            await fire(deps, app, { type: 'expire' }, SYSTEM);
            expired++;
          }
        } catch {
          // next run
        }
      }
    }
    let sealed = 0;
    try {
      sealed = await deps.store.sealLegacyAddresses(BATCH);
    } catch {
      // next run
    }
    return { paid, refunded, expired, sealed };
  },
});
