import type { VariableName } from './environment';
import { bookingEnvironment } from './bookingEnvironment';
import { registryEnvironment } from './registryEnvironment';

/**
 * What the assisted function reads (issue 18; declared in config/functions.ts too): the booking
 * function's variables (it books through the same path), and the SMS and registry ones for the code
 * and the notices and for looking the citizen up.
 */
export const assistedEnvironment = [
  ...bookingEnvironment,
  'HUKOU_SMS_SDK_APP_ID',
  'HUKOU_SMS_SIGN_NAME',
  'HUKOU_SMS_TEMPLATE_ID',
  'HUKOU_SMS_NOTICE_TEMPLATE_ID',
  ...registryEnvironment,
] as const satisfies readonly VariableName[];

export type AssistedVariable = (typeof assistedEnvironment)[number];
