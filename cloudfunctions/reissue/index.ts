import { reissueActions, reissueTimers } from '../../core/reissue/reissueActions';
import type { ReissueDeps } from '../../core/reissue/ReissueDeps';
import { createMain } from '../../server/function/createMain';
import { registryHealth } from '../../server/registry/registryFromEnvironment';
import { reissueAdapters, type ReissueAdapters } from '../../server/reissue/reissueAdapters';
import { reissueEnvironment } from '../../config/reissueEnvironment';

/** Online ID-card reissue: eligibility, loss report, application, payment, tracking; officers review, produce and ship; shipment polling. */
let adapters: ReissueAdapters | undefined;

export const main = createMain<ReissueDeps, (typeof reissueEnvironment)[number]>(
  'reissue',
  reissueActions,
  (caller, env) => {
    adapters ??= reissueAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: reissueEnvironment, healthCollection: 'reissue_applications', checkRegistry: () => registryHealth(), timers: reissueTimers, requestLog: 'reissue_requests' },
);
