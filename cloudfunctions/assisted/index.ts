import { assistedActions, assistedTimers } from '../../core/assisted/assistedActions';
import type { AssistedDeps } from '../../core/assisted/AssistedDeps';
import { createMain } from '../../server/function/createMain';
import { assistedAdapters, type AssistedAdapters } from '../../server/assisted/assistedAdapters';
import { assistedEnvironment } from '../../config/assistedEnvironment';
import { registryHealth } from '../../server/registry/registryFromEnvironment';

/** The assisted channel (issue 18): officers book, move and cancel for a citizen within a session confirmed by SMS. */
let adapters: AssistedAdapters | undefined;

export const main = createMain<AssistedDeps, (typeof assistedEnvironment)[number]>(
  'assisted',
  assistedActions,
  (caller, env) => {
    adapters ??= assistedAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: assistedEnvironment, healthCollection: 'assisted_sessions', timers: assistedTimers, checkRegistry: () => registryHealth(), requestLog: 'booking_requests' },
);
