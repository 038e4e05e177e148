import type { FaceIdentifyInfo } from '../../core/identity/faceResult';
import type { FaceVerifier } from '../../core/identity/ports';
import { postJson } from '../http/httpClient';
import { WeChatAccessToken } from './accessToken';
import { WECHAT_API, weChatApiBase } from './weChatApiBase';

/**
 * Confirms a 人脸核身 result with WeChat's server API
 * `POST /cityservice/face/identify/getinfo?access_token=…` `{ verify_result }`, the documented way
 * to trust what `wx.startFacialRecognitionVerify` reported on the phone.
 *
 * This is the one WeChat API the functions still call with an access token (AppSecret): WeChat
 * documents its face-verification server APIs as not available through 云调用 ("本接口不支持云调用"),
 * so the identity function's egress IP must be fixed and on the mini-program's API IP whitelist
 * (docs/DEPLOY.md). Subscribe messages go through 云调用 (CloudCallSubscribeNotifier).
 */
export class WeChatFaceVerifier implements FaceVerifier {
  constructor(
    private readonly token: WeChatAccessToken,
    private readonly base = WECHAT_API,
  ) {}

  /** The verifier of this environment: WeChat itself, or the local cloud's stand-in of its API. */
  static of(appid: string, secret: string, base = weChatApiBase()): WeChatFaceVerifier {
    return new WeChatFaceVerifier(new WeChatAccessToken(appid, secret, base), base);
  }

  async identifyInfo(verifyResult: string): Promise<FaceIdentifyInfo> {
    // A retired token is refreshed and the question asked again, rather than failing the
    // citizen's verification (which would count towards their lock).
    const res = await this.token.call((token) => this.getinfo(token, verifyResult));
    return {
      errcode: res.errcode ?? -1,
      errmsg: res.errmsg,
      identify_ret: res.identify_ret ?? -1,
      openid: res.openid ?? '',
      finish_time: res.finish_time ?? 0,
      id_card_number_md5: res.id_card_number_md5 ?? '',
      name_utf8_md5: res.name_utf8_md5 ?? '',
    };
  }

  private getinfo(token: string, verifyResult: string): Promise<Partial<FaceIdentifyInfo>> {
    const url = `${this.base}/cityservice/face/identify/getinfo?access_token=${encodeURIComponent(token)}`;
    return postJson<Partial<FaceIdentifyInfo>>(url, { verify_result: verifyResult });
  }
}
