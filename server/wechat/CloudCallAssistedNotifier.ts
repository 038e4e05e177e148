import type { AssistedNotifier } from '../../core/assisted/ports';
import type { AssistedPage } from '../../core/assisted/tellCitizen';
import { inShanghai } from '../../core/time/shanghai';
import { callWxOpenApi, WX_OPEN_APIS, type WxOpenApiCaller } from './wxOpenApi';

const clip = (text: string, max = 20) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const pageOf = (page: AssistedPage): string =>
  page.kind === 'appointments'
    ? 'packages/booking/mine/index'
    : page.kind === 'reissue'
      ? `packages/reissue/track/index?id=${encodeURIComponent(page.applicationId)}`
      : `pages/guide/index?id=${encodeURIComponent(page.guideId)}`;

/**
 * An act an officer did for a citizen in an assisted session (issue 18), as a WeChat subscribe
 * message (订阅消息 through 云调用) to the citizen's own account, besides the SMS. It uses the
 * business-progress template (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知: thing1 business, phrase2
 * status, time3 time, thing4 note), as consultations and home visits do: the status is 民警代办,
 * the note the number (预约号… / 办件编号…). A citizen who never subscribed gets none (WeChat
 * refuses it; the caller ignores the failure).
 */
export class CloudCallAssistedNotifier implements AssistedNotifier {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly templateId: string,
  ) {}

  async told(openid: string, { notice, at, page }: Parameters<AssistedNotifier['told']>[1]): Promise<void> {
    await callWxOpenApi(this.app, WX_OPEN_APIS.subscribeMessageSend, {
      touser: openid,
      template_id: this.templateId,
      page: pageOf(page),
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        thing1: { value: clip(notice.act) },
        phrase2: { value: '民警代办' },
        time3: { value: inShanghai(at).format('YYYY年M月D日 HH:mm') },
        thing4: { value: clip(notice.ref) },
      },
    });
  }
}
