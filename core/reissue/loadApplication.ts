import { DomainError } from '../errors/DomainError';
import { requireOpenid } from '../identity/caller';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';

/** The application, or REISSUE_NOT_FOUND. */
export async function loadApplication(deps: Pick<ReissueDeps, 'store'>, id: string): Promise<ReissueRecord> {
  const app = await deps.store.application(id);
  if (!app) throw new DomainError('REISSUE_NOT_FOUND');
  return app;
}

/** The caller's own application (as the applicant), or REISSUE_NOT_FOUND (never someone else's). */
export async function ownApplication(deps: Pick<ReissueDeps, 'store' | 'caller'>, id: string): Promise<{ app: ReissueRecord; openid: string }> {
  const openid = requireOpenid(deps);
  const app = await deps.store.application(id);
  if (!app || app.applicant.actorOpenid !== openid) throw new DomainError('REISSUE_NOT_FOUND');
  return { app, openid };
}
