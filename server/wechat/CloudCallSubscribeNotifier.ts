import type { Notifier } from '../../core/booking/ports';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

/**
 * The day-before reminder as a WeChat subscribe message (订阅消息 `subscribeMessage.send`, through
 * 云调用: server/wechat/wxOpenApi.ts), which the citizen agreed to receive when booking
 * (`wx.requestSubscribeMessage`). The same adapter runs in production and in the local cloud, which
 * answers the SDK's cloud call itself. The template (HUKOU_REMINDER_TEMPLATE_ID) has the fields
 * thing1 (hall), time2 (time), thing3 (business); WeChat limits `thing` values to 20 characters.
 *
 * A refusal (43101: not subscribed, or the one-time subscription used up) rejects with a
 * WxOpenApiError whose message carries the errcode and never the openid; the timer counts it.
 */
export class CloudCallSubscribeNotifier implements Notifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async remindAppointment(openid: string, r: { hallName: string; businessTitle: string; date: string; start: string; end: string }): Promise<void> {
    const [y, m, d] = r.date.split('-');
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
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
    });
  }
}
