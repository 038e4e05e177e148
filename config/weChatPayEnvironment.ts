import type { VariableName } from './environment';

/**
 * What a function that calls WeChat Pay reads (reissue and payNotify): the merchant's identity and
 * API key, where WeChat Pay notifies, and WeChat Pay's public key that every answer is verified with.
 */
export const weChatPayEnvironment = [
  'WX_APPID',
  'HUKOU_WXPAY_MCHID',
  'HUKOU_WXPAY_SERIAL_NO',
  'HUKOU_WXPAY_PRIVATE_KEY',
  'HUKOU_WXPAY_NOTIFY_URL',
  'HUKOU_WXPAY_PUBLIC_KEY',
  'HUKOU_WXPAY_PUBLIC_KEY_ID',
] as const satisfies readonly VariableName[];
