import type { VariableName } from '../config/environment';
import { LOCAL_WXPAY_APIV3_KEY, LOCAL_WXPAY_PUBLIC_KEY_ID, LOCAL_WXPAY_PUBLIC_KEY_PEM } from './localWechatPayKeys';

/**
 * INSECURE, FOR THE LOCAL CLOUD AND TESTS ONLY. Fixed values for every variable in
 * config/environment.ts, so `npm start` and the tests run without real keys. Each key is readable
 * ASCII that says what it is; none of them may ever be set in a CloudBase environment
 * (docs/DEPLOY.md says how to make real ones).
 */
const insecure = (label: string): string => Buffer.from(label.padEnd(32, '.').slice(0, 32), 'ascii').toString('base64');

export const devEnvironment: Record<VariableName, string> = {
  HUKOU_DATA_KEYS: `dev1:${insecure('INSECURE-DEV-ONLY-DATA-KEY-1')}`,
  HUKOU_DATA_KEY_ID: 'dev1',
  HUKOU_INDEX_KEY: insecure('INSECURE-DEV-ONLY-INDEX-KEY'),
  HUKOU_TICKET_KEY: insecure('INSECURE-DEV-ONLY-TICKET-KEY'),
  WX_APPID: 'wx00000000000000de',
  WX_APPSECRET: '000000000000000000000000000000de',
  HUKOU_SMS_SDK_APP_ID: '1400000000',
  HUKOU_SMS_SIGN_NAME: '户政服务本地',
  HUKOU_SMS_TEMPLATE_ID: '100000',
  HUKOU_SMS_NOTICE_TEMPLATE_ID: '100001',
  HUKOU_REMINDER_TEMPLATE_ID: 'local-reminder-template',
  HUKOU_PROGRESS_TEMPLATE_ID: 'local-progress-template',
  HUKOU_WXPAY_MCHID: '1900000000',
  HUKOU_WXPAY_SERIAL_NO: '00000000000000000000000000000000000000DE',
  HUKOU_WXPAY_PRIVATE_KEY: Buffer.from('-----BEGIN PRIVATE KEY-----\nINSECURE-DEV-ONLY-NOT-A-KEY\n-----END PRIVATE KEY-----\n', 'ascii').toString('base64'),
  // Only its path counts locally: the local WeChat Pay posts notifications to that path of the local cloud.
  HUKOU_WXPAY_NOTIFY_URL: 'https://hukou-local.invalid/wxpay/notify',
  HUKOU_WXPAY_PUBLIC_KEY: Buffer.from(LOCAL_WXPAY_PUBLIC_KEY_PEM, 'ascii').toString('base64'),
  HUKOU_WXPAY_PUBLIC_KEY_ID: LOCAL_WXPAY_PUBLIC_KEY_ID,
  HUKOU_WXPAY_APIV3_KEY: LOCAL_WXPAY_APIV3_KEY,
  HUKOU_KUAIDI100_CUSTOMER: 'INSECUREDEVONLYCUSTOMER',
  HUKOU_KUAIDI100_KEY: 'INSECUREDEVONLYKEY',
  // The local cloud replaces the URL with its registry stand-in's (devcloud/registry/localRegistry.ts).
  HUKOU_REGISTRY_URL: 'http://127.0.0.1:9/insecure-dev-only-registry',
  HUKOU_REGISTRY_KEY_ID: 'insecure-dev-only',
  HUKOU_REGISTRY_SECRET: insecure('INSECURE-DEV-ONLY-REGISTRY-KEY'),
};

/** Sets each variable that is not already set (a real value a developer exported wins). */
export function applyDevEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(devEnvironment)) {
    if (env[name] === undefined || env[name] === '') env[name] = value;
  }
}
