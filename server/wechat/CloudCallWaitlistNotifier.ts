import type { OfferNotice, WaitlistNotifier } from '../../core/waitlist/ports';
import { shanghaiWallClock } from '../../core/time/shanghai';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

/** '2026-03-04', '09:00' → '2026年3月4日 09:00' (the template's time format). */
const slotStart = (date: string, start: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${start}`;

/**
 * A waiting-list offer as a WeChat subscribe message (订阅消息 through 云调用), with the
 * business-progress template (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知: thing1 business, phrase2
 * status, time3 time, thing4 note), as home visits and consultations do: no template more to apply
 * for. The message opens 我的候补 at the entry, where the citizen accepts or declines.
 */
export class CloudCallWaitlistNotifier implements WaitlistNotifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async offered(openid: string, n: OfferNotice): Promise<void> {
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
      touser: openid,
      template_id: this.templateId,
      page: `packages/waitlist/mine/index?id=${encodeURIComponent(n.entryId)}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: n.businessTitle.slice(0, 20) },
        phrase2: { value: '候补有名额' },
        time3: { value: slotStart(n.date, n.start) },
        thing4: { value: `名额保留至${shanghaiWallClock(n.until).clock}，请进小程序确认` },
      },
    });
  }
}
