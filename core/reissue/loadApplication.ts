import { DomainError } from '../errors/DomainError';
import { requireOpenid } from '../identity/caller';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { isVerified } from '../identity/Account';
import { ownersOf } from '../assisted/owner';

/** The application, or REISSUE_NOT_FOUND. */
export async function loadApplication(deps: Pick<ReissueDeps, 'store'>, id: string): Promise<ReissueRecord> {
  const app = await deps.store.application(id);
  if (!app) throw new DomainError('REISSUE_NOT_FOUND');
  return app;
}

/**
 * The caller's own application, or REISSUE_NOT_FOUND (never someone else's): theirs as the
 * applicant, or one an officer made for them in an assisted session before they had an account
 * (owned by their blind index, core/assisted/owner.ts), once they verified. `openid` is the
 * application's owner, as whom the citizen acts on it.
 */
export async function ownApplication(deps: Pick<ReissueDeps, 'store' | 'caller' | 'identities'>, id: string): Promise<{ app: ReissueRecord; openid: string }> {
  const openid = requireOpenid(deps);
  const app = await deps.store.application(id);
  if (app && app.applicant.actorOpenid === openid) return { app, openid };
  if (app && (await ownersOfCaller(deps, openid)).includes(app.applicant.actorOpenid)) return { app, openid: app.applicant.actorOpenid };
  throw new DomainError('REISSUE_NOT_FOUND');
}

/** Whose applications the caller sees: their own, and, once verified, those made for them in assisted sessions. */
export async function ownersOfCaller(deps: Pick<ReissueDeps, 'identities'>, openid: string): Promise<string[]> {
  const account = await deps.identities.account(openid);
  return account && isVerified(account) ? ownersOf(account) : [openid];
}
