import { FIELD } from '../identity/fieldNames';
import type { AssistedDeps } from './AssistedDeps';
import type { AssistedSession } from './AssistedSession';
import type { AssistedNotice } from './ports';

/** Where the subscribe message opens the mini-program: the citizen's appointments, an application, a guide. */
export type AssistedPage = { kind: 'appointments' } | { kind: 'reissue'; applicationId: string } | { kind: 'guide'; guideId: string };

/**
 * Tells the citizen what was done for them in a session: an SMS to the phone on file, and, when
 * they have a verified WeChat account, a subscribe message too (issue 18). Neither failing undoes
 * the act (it is audited and shown in the mini-program); a citizen who never subscribed simply gets
 * none (WeChat refuses it).
 */
export async function tellCitizen(deps: AssistedDeps, s: AssistedSession, notice: AssistedNotice, page: AssistedPage): Promise<void> {
  const phone = deps.assisted.secrets.decrypt(s.phoneEnc, FIELD.phone);
  await deps.assisted.sms.sendAssistedNotice(phone, notice).catch(() => undefined);
  const openid = await deps.assisted.identities.boundOpenid(s.subjectIdIndex).catch(() => null);
  if (openid) await deps.assisted.notifier.told(openid, { notice, at: deps.clock.now(), page }).catch(() => undefined);
}
