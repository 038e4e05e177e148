import { identityActions } from '../../core/identity/identityActions';
import type { IdentityDeps } from '../../core/identity/IdentityDeps';
import { createMain } from '../../server/function/createMain';
import { registryHealth } from '../../server/registry/registryFromEnvironment';
import { identityAdapters, type IdentityAdapters } from '../../server/identity/identityAdapters';
import { identityEnvironment } from '../../config/identityEnvironment';

/** Real-name verification, roles, family members, officer invitations and the audit log. */
let adapters: IdentityAdapters | undefined;

export const main = createMain<IdentityDeps, (typeof identityEnvironment)[number]>(
  'identity',
  identityActions,
  (caller, env) => {
    adapters ??= identityAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: identityEnvironment, healthCollection: 'accounts', checkRegistry: () => registryHealth(), timers: ['purgeExpiredVerifications'] },
);
