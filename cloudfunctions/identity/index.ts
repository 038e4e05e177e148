import { identityFunctionActions } from '../../core/identity/identityFunctionActions';
import type { TempProofDeps } from '../../core/tempProof/TempProofDeps';
import { createMain } from '../../server/function/createMain';
import { registryHealth } from '../../server/registry/registryFromEnvironment';
import { identityAdapters, type IdentityAdapters } from '../../server/identity/identityAdapters';
import { identityEnvironment } from '../../config/identityEnvironment';

/** Real-name verification, roles, family members, officer invitations, the audit log and the electronic temporary identity proof. */
let adapters: IdentityAdapters | undefined;

export const main = createMain<TempProofDeps, (typeof identityEnvironment)[number]>(
  'identity',
  identityFunctionActions,
  (caller, env) => {
    adapters ??= identityAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: identityEnvironment, healthCollection: 'accounts', checkRegistry: () => registryHealth(), timers: ['purgeExpiredVerifications', 'purgeTempProofs'] },
);
