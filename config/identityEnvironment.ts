import type { VariableName } from './environment';
import { registryEnvironment } from './registryEnvironment';

/** What the identity function reads from its environment (declared in config/functions.ts too). */
export const identityEnvironment = [
  'HUKOU_DATA_KEYS',
  'HUKOU_DATA_KEY_ID',
  'HUKOU_INDEX_KEY',
  'WX_APPID',
  'WX_APPSECRET',
  'HUKOU_SMS_SDK_APP_ID',
  'HUKOU_SMS_SIGN_NAME',
  'HUKOU_SMS_TEMPLATE_ID',
  // The temporary identity proof's QR codes are signed as appointment tickets are (issue 17).
  'HUKOU_TICKET_KEY',
  ...registryEnvironment,
] as const satisfies readonly VariableName[];

export type IdentityVariable = (typeof identityEnvironment)[number];
