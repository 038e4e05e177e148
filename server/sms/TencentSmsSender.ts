import type { AssistedNotice, AssistedSms } from '../../core/assisted/ports';
import { postJson } from '../http/httpClient';
import { tc3Authorization } from './tc3Signature';

export interface TencentSmsConfig {
  sdkAppId: string;
  signName: string;
  /** Template with two parameters: the code and the minutes it is valid. */
  templateId: string;
  /** Issue 18: the notice of an assisted act, four parameters (what was done, hall, when or what, the number with its name); absent where the function sends none. */
  noticeTemplateId?: string;
  secretId: string;
  secretKey: string;
  /** Temporary credentials of the function's role carry a session token. */
  sessionToken?: string;
  region?: string;
  endpoint?: string;
}

interface SendSmsAnswer {
  Response: { SendStatusSet?: Array<{ Code: string; Message: string }>; Error?: { Code: string; Message: string }; RequestId: string };
}

/** Production: Tencent Cloud SMS `SendSms` (API 2021-01-11). */
export class TencentSmsSender implements AssistedSms {
  constructor(
    private readonly config: TencentSmsConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async sendVerificationCode(phone: string, code: string, minutesValid: number): Promise<void> {
    await this.send(phone, this.config.templateId, [code, String(minutesValid)]);
  }

  async sendAssistedNotice(phone: string, n: AssistedNotice): Promise<void> {
    if (!this.config.noticeTemplateId) throw new Error('SMS not sent: no notice template');
    await this.send(phone, this.config.noticeTemplateId, [n.act, n.hallName, n.when, n.ref]);
  }

  private async send(phone: string, templateId: string, params: string[]): Promise<void> {
    const host = this.config.endpoint ?? 'sms.tencentcloudapi.com';
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${phone}`],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: templateId,
      TemplateParamSet: params,
    });
    const timestamp = Math.floor(this.now() / 1000);
    const headers: Record<string, string> = {
      Authorization: tc3Authorization({ service: 'sms', host, action: 'SendSms', payload, timestamp, secretId: this.config.secretId, secretKey: this.config.secretKey }),
      'X-TC-Action': 'SendSms',
      'X-TC-Version': '2021-01-11',
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Region': this.config.region ?? 'ap-guangzhou',
    };
    if (this.config.sessionToken) headers['X-TC-Token'] = this.config.sessionToken;
    const scheme = host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https';
    const answer = await postJson<SendSmsAnswer>(`${scheme}://${host}/`, JSON.parse(payload), headers);
    const status = answer.Response.SendStatusSet?.[0];
    if (answer.Response.Error || status?.Code !== 'Ok') {
      // Codes only: the message never holds the phone number or the code.
      throw new Error(`SMS not sent: ${answer.Response.Error?.Code ?? status?.Code ?? 'unknown'}`);
    }
  }
}
