import type { Notifier } from '../../core/booking/ports';
import { postJson } from '../http/httpClient';
import type { WeChatAccessToken } from './accessToken';

/**
 * Production: the day-before reminder as a WeChat subscribe message
 * (`POST /cgi-bin/message/subscribe/send`), which the citizen agreed to receive when booking
 * (`wx.requestSubscribeMessage`). The template (HUKOU_REMINDER_TEMPLATE_ID) has the fields
 * thing1 (hall), time2 (time), thing3 (business); WeChat limits `thing` values to 20 characters.
 */
export class WeChatSubscribeNotifier implements Notifier {
  constructor(
    private readonly token: WeChatAccessToken,
    private readonly templateId: string,
    private readonly base = 'https://api.weixin.qq.com',
  ) {}

  async remindAppointment(openid: string, r: { hallName: string; businessTitle: string; date: string; start: string; end: string }): Promise<void> {
    const [y, m, d] = r.date.split('-');
    const body = {
      touser: openid,
      template_id: this.templateId,
      page: 'pages/mine/index',
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: r.hallName.slice(0, 20) },
        time2: { value: `${y}年${Number(m)}月${Number(d)}日 ${r.start}` },
        thing3: { value: r.businessTitle.slice(0, 20) },
      },
    };
    const res = await this.token.call((token) =>
      postJson<{ errcode?: number; errmsg?: string }>(`${this.base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, body),
    );
    // 43101: the user did not subscribe (or used up the one-time subscription).
    if (res.errcode !== 0) throw new Error(`subscribe message not sent: ${res.errcode ?? '?'}`);
  }
}
