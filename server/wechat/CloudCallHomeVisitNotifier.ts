import type { HomeVisitNotifier } from '../../core/homeVisit/ports';
import type { VisitWindow } from '../../core/homeVisit/visitWindow';
import { inShanghai } from '../../core/time/shanghai';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

/** '2026-12-04', '09:00' → '2026年12月4日 09:00' (the template's time format). */
const visitStart = (w: VisitWindow) => `${Number(w.date.slice(0, 4))}年${Number(w.date.slice(5, 7))}月${Number(w.date.slice(8, 10))}日 ${w.from}`;

/**
 * The hall's arrangement of a home visit as a WeChat subscribe message (订阅消息 through 云调用),
 * with the business-progress template (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知: thing1 business,
 * phrase2 status, time3 time, thing4 note), as consultations do: no template more to apply for.
 * The message opens the citizen's 上门服务 page, where they confirm the time or read why the hall
 * refused.
 */
export class CloudCallHomeVisitNotifier implements HomeVisitNotifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async scheduled(openid: string, n: Parameters<HomeVisitNotifier['scheduled']>[1]): Promise<void> {
    await this.send(openid, n.visitId, {
      thing1: { value: n.businessTitle.slice(0, 20) },
      phrase2: { value: n.rescheduled ? '上门改期' : '已安排上门' },
      // The visit's start (a template's time field takes one instant; the whole window is on the page).
      time3: { value: visitStart(n.window) },
      thing4: { value: n.rescheduled ? '上门时间已调整，请进入小程序确认' : '已安排民警上门，请进入小程序确认' },
    });
  }

  async refused(openid: string, n: Parameters<HomeVisitNotifier['refused']>[1]): Promise<void> {
    await this.send(openid, n.visitId, {
      thing1: { value: n.businessTitle.slice(0, 20) },
      phrase2: { value: '未予受理' },
      time3: { value: inShanghai(n.at).format('YYYY年M月D日 HH:mm') },
      // The template's note takes 20 characters; the whole reason is on the page.
      thing4: { value: n.reason.length > 20 ? `${n.reason.slice(0, 19)}…` : n.reason },
    });
  }

  private async send(openid: string, visitId: string, data: Record<string, { value: string }>): Promise<void> {
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
      touser: openid,
      template_id: this.templateId,
      page: `packages/homeVisit/mine/index?id=${encodeURIComponent(visitId)}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data,
    });
  }
}
