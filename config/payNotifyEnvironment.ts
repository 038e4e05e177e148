import type { VariableName } from './environment';
import { weChatPayEnvironment } from './weChatPayEnvironment';

/**
 * What the payNotify function reads (declared in config/functions.ts too): WeChat Pay's merchant
 * identity and keys, to verify and decrypt notifications and to ask WeChat Pay when in doubt.
 * No personal-data keys and no other service's credentials: the function is public on the internet.
 */
export const payNotifyEnvironment = [
  ...weChatPayEnvironment,
  // To decrypt notifications.
  'HUKOU_WXPAY_APIV3_KEY',
] as const satisfies readonly VariableName[];

export type PayNotifyVariable = (typeof payNotifyEnvironment)[number];
