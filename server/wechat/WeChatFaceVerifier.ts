import type { FaceIdentifyInfo } from '../../core/identity/faceResult';
import type { FaceVerifier } from '../../core/identity/ports';
import { postJson } from '../http/postJson';
import type { WeChatAccessToken } from './accessToken';

/** WeChat's errcodes for an access token it no longer accepts (retired by a newer fetch, or expired). */
const TOKEN_REFUSED = new Set([40001, 40014, 42001]);

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
    const token = await this.token.get();
    let res = await this.getinfo(token, verifyResult);
    if (typeof res.errcode === 'number' && TOKEN_REFUSED.has(res.errcode)) {
      // Our cached token was retired (another instance fetched one): fetch anew and ask once more,
      // rather than fail the citizen's verification (which would count towards their lock).
      this.token.invalidate(token);
      res = await this.getinfo(await this.token.get(), verifyResult);
    }
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
