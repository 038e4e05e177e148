import type { HomeVisitNotifier } from '../../core/homeVisit/ports';
import { inShanghai } from '../../core/time/shanghai';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

/**
 * The hall's arrangement of a home visit as a WeChat subscribe message (订阅消息 through 云调用),
 * with the business-progress template (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知: thing1 business,
 * phrase2 status, time3 time, thing4 note), as consultations do: no template more to apply for.
 * The message opens the citizen's 上门服务 page, where they confirm the time.
 */
export class CloudCallHomeVisitNotifier implements HomeVisitNotifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async scheduled(openid: string, n: Parameters<HomeVisitNotifier['scheduled']>[1]): Promise<void> {
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
      touser: openid,
      template_id: this.templateId,
      page: `packages/homeVisit/mine/index?id=${encodeURIComponent(n.visitId)}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: n.businessTitle.slice(0, 20) },
        phrase2: { value: n.rescheduled ? '上门改期' : '已安排上门' },
        time3: { value: inShanghai(n.at).format('YYYY年M月D日 HH:mm') },
        thing4: { value: `上门时间${n.windowText}，请确认`.slice(0, 20) },
      },
    });
  }
}
