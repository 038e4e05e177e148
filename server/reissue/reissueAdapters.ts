import { CloudbaseRequestLog } from '../function/CloudbaseRequestLog';
import { randomBytes } from 'node:crypto';
import { CloudbaseReferenceNumbers } from '../reference/CloudbaseReferenceNumbers';
import { FIELD } from '../../core/identity/fieldNames';
import type { ReissueDeps } from '../../core/reissue/ReissueDeps';
import type { Environment } from '../config/loadEnvironment';
import { CloudbaseAuditLog } from '../audit/CloudbaseAuditLog';
import { chineseDaysCalendar } from '../time/chineseDaysCalendar';
import { database } from '../cloudbase/app';
import { systemClock } from '../clock';
import { courierFromEnvironment } from '../courier/courierFromEnvironment';
import { keysFromEnvironment } from '../crypto/keysFromEnvironment';
import { CloudbaseGuideRepository } from '../guide/CloudbaseGuideRepository';
import { CloudbaseIdentityStore } from '../identity/CloudbaseIdentityStore';
import { createSecrets } from '../identity/secrets';
import { LocalPayment } from '../local/LocalPayment';
import { localCloudUrl } from '../local/localCloudUrl';
import { WeChatPayV3 } from '../payment/WeChatPayV3';
import { lazyPayment } from '../payment/lazyPayment';
import { weChatPayConfigFrom } from '../payment/weChatPayConfigFrom';
import { chinaAddressDivisions } from './chinaAddressDivisions';
import { registryFromEnvironment } from '../registry/registryFromEnvironment';
import { CloudbaseReissueStore } from './CloudbaseReissueStore';
import { CloudbaseRatingStore } from '../rating/CloudbaseRatingStore';
import type { ReissueVariable } from '../../config/reissueEnvironment';

export type ReissueAdapters = Omit<ReissueDeps, 'caller'>;

/**
 * The reissue function's ports, built once per warm instance. Inside the local cloud the payment
 * and the courier are its stand-ins (server/local/); everywhere else WeChat Pay v3 and Kuaidi100.
 */
export function reissueAdapters(env: Environment<ReissueVariable>): ReissueAdapters {
  const db = database();
  const { cipher, blindIndex } = keysFromEnvironment(env);
  const local = localCloudUrl();
  return {
    store: new CloudbaseReissueStore(db, (plain) => cipher.encrypt(plain, FIELD.address)),
    references: new CloudbaseReferenceNumbers(db),
    registry: registryFromEnvironment(env),
    identities: new CloudbaseIdentityStore(db),
    guides: new CloudbaseGuideRepository(db),
    divisions: chinaAddressDivisions,
    calendar: chineseDaysCalendar,
    secrets: createSecrets(cipher, blindIndex),
    payment: local
      ? new LocalPayment(local, { appid: env.WX_APPID, mchid: env.HUKOU_WXPAY_MCHID, notifyUrl: env.HUKOU_WXPAY_NOTIFY_URL })
      : lazyPayment(() => new WeChatPayV3(weChatPayConfigFrom(env))),
    courier: courierFromEnvironment(env),
    audit: new CloudbaseAuditLog(db),
    ratings: new CloudbaseRatingStore(db),
    clock: systemClock,
    requests: new CloudbaseRequestLog(db, 'reissue_requests', () => systemClock.now()),
    // 12 random bytes: 16 characters of base64url, unguessable; seeded: a keyed hash, as unguessable.
    newId: (seed) => (seed ? blindIndex.index('reissueApplication', seed).slice(0, 22) : randomBytes(12).toString('base64url')),
  };
}
