import Taro from '@tarojs/taro';

/** Replaced at build time (config/index.ts defineConstants) from HUKOU_REMINDER_TEMPLATE_ID. */
declare const REMINDER_TEMPLATE_ID: string | undefined;

function templateId(): string {
  return typeof REMINDER_TEMPLATE_ID === 'string' ? REMINDER_TEMPLATE_ID : '';
}

/**
 * Asks (weapp only) for the one-time subscription that lets the appointment function send the
 * day-before reminder. Must run inside the tap's handler, before anything else is awaited. A
 * refusal or failure is not an error: the booking goes on without a reminder.
 */
export async function askReminderSubscription(): Promise<void> {
  const id = templateId();
  if (process.env.TARO_ENV !== 'weapp' || !id) return;
  try {
    // Taro's type also demands entityIds (Alipay only); WeChat takes tmplIds alone.
    await Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option);
  } catch {
    // declined, or not supported on this WeChat version
  }
}
