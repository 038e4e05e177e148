import { createPayNotifyMain } from '../../server/payment/payNotifyMain';
import { payNotifyAdapters } from '../../server/payment/payNotifyAdapters';

/** WeChat Pay's payment and refund notifications, over HTTP access (/wxpay/notify). No client actions. */
export const main = createPayNotifyMain(payNotifyAdapters);
