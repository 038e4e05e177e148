import type { ReissueDeps } from '../../core/reissue/ReissueDeps';
import type { PayNotifyVariable } from '../../config/payNotifyEnvironment';
import type { Environment } from '../config/loadEnvironment';
import { database } from '../cloudbase/app';
import { systemClock } from '../clock';
import { LocalPayment } from '../local/LocalPayment';
import { localCloudUrl } from '../local/localCloudUrl';
import { CloudbaseReissueStore } from '../reissue/CloudbaseReissueStore';
import { lazyPayment } from './lazyPayment';
import { weChatPayConfigFrom } from './weChatPayConfigFrom';
import type { NotificationKeys } from './wechatPayNotification';
import { keyOf, WeChatPayV3 } from './WeChatPayV3';

export interface PayNotifyPorts {
  keys: NotificationKeys;
  deps: Pick<ReissueDeps, 'store' | 'clock' | 'secrets' | 'payment'>;
}

/** This function holds no personal-data key: nothing it does reads or writes personal data. */
function noPersonalData(): never {
  throw new Error('payNotify holds no personal-data key');
}

/**
 * The payNotify function's ports, built once per warm instance: the applications, WeChat Pay (to
 * ask when a notice is in doubt, and to refund a payment that landed after a cancellation), and the
 * keys that verify and decrypt notifications. Inside the local cloud, its WeChat Pay stand-in.
 * An application an older version stored with a plain street address cannot be read here (sealing
 * it needs the personal-data key): the notification is answered 500, WeChat Pay sends it again, and
 * meanwhile the reissue function's payment timer seals the address (and settles the payment).
 */
export function payNotifyAdapters(env: Environment<PayNotifyVariable>): PayNotifyPorts {
  const local = localCloudUrl();
  return {
    keys: {
      publicKey: keyOf('public', env.HUKOU_WXPAY_PUBLIC_KEY),
      publicKeyId: env.HUKOU_WXPAY_PUBLIC_KEY_ID,
      apiV3Key: env.HUKOU_WXPAY_APIV3_KEY,
      mchid: env.HUKOU_WXPAY_MCHID,
      appid: env.WX_APPID,
    },
    deps: {
      store: new CloudbaseReissueStore(database(), noPersonalData),
      clock: systemClock,
      secrets: { encrypt: noPersonalData, decrypt: noPersonalData },
      payment: local
        ? new LocalPayment(local, { appid: env.WX_APPID, mchid: env.HUKOU_WXPAY_MCHID, notifyUrl: env.HUKOU_WXPAY_NOTIFY_URL })
        : lazyPayment(() => new WeChatPayV3(weChatPayConfigFrom(env))),
    },
  };
}
