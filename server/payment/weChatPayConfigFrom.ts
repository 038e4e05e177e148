import type { Environment } from '../config/loadEnvironment';
import type { WeChatPayConfig } from './WeChatPayV3';

export type WeChatPayVariable =
  'WX_APPID' | 'HUKOU_WXPAY_MCHID' | 'HUKOU_WXPAY_SERIAL_NO' | 'HUKOU_WXPAY_PRIVATE_KEY' | 'HUKOU_WXPAY_NOTIFY_URL' | 'HUKOU_WXPAY_PUBLIC_KEY' | 'HUKOU_WXPAY_PUBLIC_KEY_ID';

/**
 * The functions' WeChat Pay (reissue, payNotify): the merchant's keys, and WeChat Pay's public key
 * and its id, so that every answer is verified before it is believed.
 */
export function weChatPayConfigFrom(env: Environment<WeChatPayVariable>): WeChatPayConfig {
  return {
    appid: env.WX_APPID,
    mchid: env.HUKOU_WXPAY_MCHID,
    serialNo: env.HUKOU_WXPAY_SERIAL_NO,
    privateKeyPem: env.HUKOU_WXPAY_PRIVATE_KEY,
    notifyUrl: env.HUKOU_WXPAY_NOTIFY_URL,
    wechatpayPublicKeyPem: env.HUKOU_WXPAY_PUBLIC_KEY,
    wechatpayPublicKeyId: env.HUKOU_WXPAY_PUBLIC_KEY_ID,
  };
}
