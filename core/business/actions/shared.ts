import { DomainError } from '../../errors/DomainError';
import { requireOpenid } from '../../identity/caller';
import { requireActingForHall } from '../../identity/hallAccess';
import type { Account } from '../../identity/Account';
import { FIELD } from '../../identity/fieldNames';
import { recordAudit } from '../../identity/recordAudit';
import type { BusinessDeps, BusinessRecord } from '../BusinessDeps';
import type { BusinessActor } from '../stateMachine';
import { businessViewOf, photoIdsOf, type BusinessApplicationView } from '../views';
import { placeOf } from '../place';

/** How long a photo's temporary URL holds: long enough to look at the case, short enough not to be passed on. */
export const PHOTO_URL_SECONDS = 600;

export async function loadBusiness(deps: Pick<BusinessDeps, 'store'>, id: string): Promise<BusinessRecord> {
  const app = await deps.store.application(id);
  if (!app) throw new DomainError('APPLICATION_NOT_FOUND');
  return app;
}

/** The caller's own application (as its applicant); another's answers APPLICATION_NOT_FOUND, as one that does not exist. */
export async function loadOwnBusiness(deps: Pick<BusinessDeps, 'store' | 'caller'>, id: string): Promise<BusinessRecord> {
  const openid = requireOpenid(deps);
  const app = await deps.store.application(id);
  if (!app || app.applicant.actorOpenid !== openid) throw new DomainError('APPLICATION_NOT_FOUND');
  return app;
}

/** The caller's account when it acts for this hall (core/identity/hallAccess.ts), or FORBIDDEN. */
export async function requireBusinessOfficer(deps: Pick<BusinessDeps, 'caller' | 'identities'>, hallId: string): Promise<Account> {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

export function auditBusiness(deps: Pick<BusinessDeps, 'audit' | 'caller' | 'clock'>, account: Account, app: BusinessRecord, action: string, id?: string): Promise<void> {
  return recordAudit(deps, account, {
    action: `business.${action}`,
    target: app._id,
    hallId: app.hallId,
    ...(app.actedFor ? { actedFor: app.actedFor } : {}),
    ...(id ? { id } : {}),
  });
}

export const subjectNameOf = (deps: Pick<BusinessDeps, 'secrets'>, app: BusinessRecord): string => deps.secrets.decrypt(app.subjectNameEnc, FIELD.name);

/** The application as `actor` sees it, its photos as temporary URLs. */
export async function viewFor(deps: BusinessDeps, app: BusinessRecord, actor: BusinessActor): Promise<BusinessApplicationView> {
  const ids = photoIdsOf(app);
  const urls = ids.length ? await deps.storage.temporaryUrls(ids, PHOTO_URL_SECONDS) : new Map<string, string>();
  return businessViewOf(app, { now: deps.clock.now(), subjectName: subjectNameOf(deps, app), urls, actor, householdPlace: placeOf(deps.divisions, app.householdDivisionCode) });
}

export const citizenActor = (openid: string): BusinessActor => ({ role: 'citizen', id: openid });
export const SYSTEM_ACTOR: BusinessActor = { role: 'system' };
export const OFFICER_ACTOR: BusinessActor = { role: 'officer' };
