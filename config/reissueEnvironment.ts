import type { VariableName } from './environment';

/** What the reissue function reads from its environment (declared in config/functions.ts too). */
export const reissueEnvironment = [
  'HUKOU_DATA_KEYS',
  'HUKOU_DATA_KEY_ID',
  'HUKOU_INDEX_KEY',
  'WX_APPID',
  'HUKOU_WXPAY_MCHID',
  'HUKOU_WXPAY_SERIAL_NO',
  'HUKOU_WXPAY_PRIVATE_KEY',
  'HUKOU_WXPAY_NOTIFY_URL',
  'HUKOU_WXPAY_PUBLIC_KEY',
  'HUKOU_WXPAY_PUBLIC_KEY_ID',
  'HUKOU_KUAIDI100_CUSTOMER',
  'HUKOU_KUAIDI100_KEY',
  // The population registry's gateway (config/registryEnvironment.ts).
  'HUKOU_REGISTRY_URL',
  'HUKOU_REGISTRY_KEY_ID',
  'HUKOU_REGISTRY_SECRET',
] as const satisfies readonly VariableName[];

export type ReissueVariable = (typeof reissueEnvironment)[number];
