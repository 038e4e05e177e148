import type { FaceIdentifyInfo } from '../../core/identity/faceResult';
import type { FaceVerifier } from '../../core/identity/ports';
import { postJson } from '../http/httpClient';
import type { WeChatAccessToken } from './accessToken';

/**
 * Production: confirms a 人脸核身 result with WeChat's server API
 * `POST /cityservice/face/identify/getinfo?access_token=…` `{ verify_result }`, the documented way
 * to trust what `wx.startFacialRecognitionVerify` reported on the phone.
 */
export class WeChatFaceVerifier implements FaceVerifier {
  constructor(
    private readonly token: WeChatAccessToken,
    private readonly base = 'https://api.weixin.qq.com',
  ) {}

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
