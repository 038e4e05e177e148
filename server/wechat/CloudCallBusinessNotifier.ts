import type { BusinessNotifier } from '../../core/business/BusinessDeps';
import { inShanghai } from '../../core/time/shanghai';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

/**
 * A business application's decision as a WeChat subscribe message (订阅消息 `subscribeMessage.send`
 * through 云调用), which the citizen agreed to when submitting (`wx.requestSubscribeMessage`). The
 * template (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知) has the fields thing1 (business), phrase2
 * (status, at most 5 characters), time3 (when) and thing4 (note, at most 20). The message opens the
 * application's page. A refusal rejects with a WxOpenApiError that never carries the openid.
 */
export class CloudCallBusinessNotifier implements BusinessNotifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async progress(openid: string, n: Parameters<BusinessNotifier['progress']>[1]): Promise<void> {
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
      touser: openid,
      template_id: this.templateId,
      page: `packages/business/detail/index?id=${encodeURIComponent(n.applicationId)}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: n.businessName.slice(0, 20) },
        phrase2: { value: n.status.slice(0, 5) },
        time3: { value: inShanghai(n.at).format('YYYY年M月D日 HH:mm') },
        thing4: { value: n.note.slice(0, 20) },
      },
    });
  }
}
