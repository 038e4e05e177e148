import type { VariableName } from './environment';

/**
 * What the payNotify function reads (declared in config/functions.ts too): WeChat Pay's merchant
 * identity and keys, to verify and decrypt notifications and to ask WeChat Pay when in doubt.
 * No personal-data keys and no other service's credentials: the function is public on the internet.
 */
export const payNotifyEnvironment = [
  'WX_APPID',
  'HUKOU_WXPAY_MCHID',
  'HUKOU_WXPAY_SERIAL_NO',
  'HUKOU_WXPAY_PRIVATE_KEY',
  'HUKOU_WXPAY_NOTIFY_URL',
  'HUKOU_WXPAY_PUBLIC_KEY',
  'HUKOU_WXPAY_PUBLIC_KEY_ID',
  'HUKOU_WXPAY_APIV3_KEY',
] as const satisfies readonly VariableName[];

export type PayNotifyVariable = (typeof payNotifyEnvironment)[number];
