import type { VariableName } from './environment';
import { registryEnvironment } from './registryEnvironment';

/** What the booking function reads from its environment (declared in config/functions.ts too). */
export const bookingEnvironment = [
  'HUKOU_DATA_KEYS',
  'HUKOU_DATA_KEY_ID',
  'HUKOU_INDEX_KEY',
  'HUKOU_TICKET_KEY',
  'HUKOU_REMINDER_TEMPLATE_ID',
  // The answer to a consultation (server/wechat/CloudCallConsultNotifier.ts).
  'HUKOU_PROGRESS_TEMPLATE_ID',
  // Issue 18, the assisted channel: the code and the notices by SMS, the citizen looked up in the registry.
  'HUKOU_SMS_SDK_APP_ID',
  'HUKOU_SMS_SIGN_NAME',
  'HUKOU_SMS_TEMPLATE_ID',
  'HUKOU_SMS_NOTICE_TEMPLATE_ID',
  ...registryEnvironment,
] as const satisfies readonly VariableName[];

export type BookingVariable = (typeof bookingEnvironment)[number];
