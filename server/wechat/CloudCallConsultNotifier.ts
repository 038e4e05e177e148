import type { ConsultNotifier } from '../../core/consult/ports';
import { inShanghai } from '../../core/time/shanghai';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

/**
 * The hall's answer to a consultation as a WeChat subscribe message (订阅消息 through 云调用), which
 * the citizen agreed to when asking (`wx.requestSubscribeMessage`). It uses the business-progress
 * template (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知: thing1 business, phrase2 status, time3 time,
 * thing4 note), so no template more has to be applied for: the status is 已答复. The message opens
 * the citizen's 我的咨询 page. A refusal (not subscribed) rejects with a WxOpenApiError; the answer
 * is stored either way and shown on that page.
 */
export class CloudCallConsultNotifier implements ConsultNotifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async answered(openid: string, n: Parameters<ConsultNotifier['answered']>[1]): Promise<void> {
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
      touser: openid,
      template_id: this.templateId,
      page: `packages/consult/mine/index?id=${encodeURIComponent(n.consultationId)}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: n.businessTitle.slice(0, 20) },
        phrase2: { value: '已答复' },
        time3: { value: inShanghai(n.at).format('YYYY年M月D日 HH:mm') },
        thing4: { value: '大厅已答复您的咨询，点击查看' },
      },
    });
  }
}
