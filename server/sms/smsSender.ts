import type { AssistedSms } from '../../core/assisted/ports';
import type { Environment } from '../config/loadEnvironment';
import { localCloudUrl } from '../local/localCloudUrl';
import { LocalSmsOutbox } from '../local/LocalSmsOutbox';
import { TencentSmsSender } from './TencentSmsSender';

type SmsVariable = 'HUKOU_SMS_SDK_APP_ID' | 'HUKOU_SMS_SIGN_NAME' | 'HUKOU_SMS_TEMPLATE_ID';

/**
 * A function's SMS sender: Tencent Cloud SMS, or inside the local cloud its outbox. The notice
 * template (issue 18) is used where the function's environment has it (the booking function).
 */
export function smsSender(env: Environment<SmsVariable> & { HUKOU_SMS_NOTICE_TEMPLATE_ID?: string }): AssistedSms {
  const local = localCloudUrl();
  if (local) return new LocalSmsOutbox(local);
  return new TencentSmsSender({
    sdkAppId: env.HUKOU_SMS_SDK_APP_ID,
    signName: env.HUKOU_SMS_SIGN_NAME,
    templateId: env.HUKOU_SMS_TEMPLATE_ID,
    ...(env.HUKOU_SMS_NOTICE_TEMPLATE_ID ? { noticeTemplateId: env.HUKOU_SMS_NOTICE_TEMPLATE_ID } : {}),
    // The function's role credentials, which CloudBase puts in every function's environment.
    secretId: process.env.TENCENTCLOUD_SECRETID ?? '',
    secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? '',
    sessionToken: process.env.TENCENTCLOUD_SESSIONTOKEN,
  });
}
