import { businessActions, businessTimers } from '../../core/business/businessActions';
import type { BusinessDeps } from '../../core/business/BusinessDeps';
import { createMain } from '../../server/function/createMain';
import { registryHealth } from '../../server/registry/registryFromEnvironment';
import { businessAdapters, type BusinessAdapters } from '../../server/business/businessAdapters';
import { businessEnvironment } from '../../config/businessEnvironment';

/** Household-registration business online: certificates, migration, newborns, residence permits; officers review; certificates verified publicly. */
let adapters: BusinessAdapters | undefined;

export const main = createMain<BusinessDeps, (typeof businessEnvironment)[number]>(
  'business',
  businessActions,
  (caller, env) => {
    adapters ??= businessAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: businessEnvironment, healthCollection: 'business_applications', checkRegistry: () => registryHealth(), timers: businessTimers, requestLog: 'business_requests' },
);
