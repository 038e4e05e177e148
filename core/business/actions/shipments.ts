import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { pollParcels, ShipmentPollCounts } from '../../shipping/pollParcels';
import type { BusinessDeps } from '../BusinessDeps';
import { fireBusiness } from '../fire';
import type { BusinessActor } from '../stateMachine';

const BATCH = 200;
const COURIER_ACTOR: BusinessActor = { role: 'courier' };

export const pollShipments = defineAction({
  summary:
    'Timer only (every 30 min, as Kuaidi100 asks): tracks every result sent by mail with the courier port. Delivered: the application is done (the applicant is told); returned: it is ready for handover again, the carrier’s word in its history (the applicant may choose again, the officer ship again).',
  input: lazySchema(() => z.strictObject({})),
  output: ShipmentPollCounts,
  errors: [],
  async run(_input, deps: BusinessDeps) {
    const shipped = await deps.store.inStates(['shipped'], BATCH);
    return pollParcels(
      deps,
      shipped,
      (app) => app.shipment && { ...app.shipment, phoneEnc: app.handover?.kind === 'mail' ? app.handover.address.phoneEnc : undefined },
      (app, event) => fireBusiness(deps, app, event, COURIER_ACTOR),
    );
  },
});
