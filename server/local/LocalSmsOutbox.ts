import type { AssistedNotice, AssistedSms } from '../../core/assisted/ports';
import { noticeText } from '../../core/assisted/notice';
import { postJson } from '../http/httpClient';

/** Local stand-in: hands the text to the local cloud, which shows it in its console and outbox. */
export class LocalSmsOutbox implements AssistedSms {
  constructor(private readonly cloudUrl: string) {}

  async sendVerificationCode(phone: string, code: string, minutesValid: number): Promise<void> {
    await postJson(`${this.cloudUrl}/local/sms`, { phone, text: `【户政服务】您的验证码为${code}，${minutesValid}分钟内有效。`, code });
  }

  async sendAssistedNotice(phone: string, notice: AssistedNotice): Promise<void> {
    await postJson(`${this.cloudUrl}/local/sms`, { phone, text: noticeText(notice), code: '' });
  }
}
