import Taro from '@tarojs/taro';

/** Replaced at build time (config/index.ts defineConstants) from HUKOU_REMINDER_TEMPLATE_ID and HUKOU_PROGRESS_TEMPLATE_ID. */
declare const REMINDER_TEMPLATE_ID: string | undefined;
declare const PROGRESS_TEMPLATE_ID: string | undefined;

/**
 * Asks (weapp only) for the one-time subscription to a template. Must run inside the tap's handler,
 * before anything else is awaited. A refusal or failure is not an error: the action goes on
 * without the message.
 */
async function askSubscription(id: string): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !id) return;
  try {
    // Taro's type also demands entityIds (Alipay only); WeChat takes tmplIds alone.
    await Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option);
  } catch {
    // declined, or not supported on this WeChat version
  }
}

/** The day-before reminder the appointment function sends. */
export const askReminderSubscription = (): Promise<void> => askSubscription(typeof REMINDER_TEMPLATE_ID === 'string' ? REMINDER_TEMPLATE_ID : '');

/** The progress notices (办理进度通知) the business function sends at each decision on an application. */
export const askProgressSubscription = (): Promise<void> => askSubscription(typeof PROGRESS_TEMPLATE_ID === 'string' ? PROGRESS_TEMPLATE_ID : '');
