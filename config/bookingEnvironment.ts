import type { VariableName } from './environment';

/** What the booking function reads from its environment (declared in config/functions.ts too). */
export const bookingEnvironment = [
  'HUKOU_DATA_KEYS',
  'HUKOU_DATA_KEY_ID',
  'HUKOU_INDEX_KEY',
  'HUKOU_TICKET_KEY',
  'HUKOU_REMINDER_TEMPLATE_ID',
  // The answer to a consultation (server/wechat/CloudCallConsultNotifier.ts).
  'HUKOU_PROGRESS_TEMPLATE_ID',
] as const satisfies readonly VariableName[];

export type BookingVariable = (typeof bookingEnvironment)[number];
