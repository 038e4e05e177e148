import Taro from '@tarojs/taro';
import { localPersona } from './localPersona';

export class FaceVerificationCancelled extends Error {
  constructor() {
    super('人脸核身已取消');
    this.name = 'FaceVerificationCancelled';
  }
}

/**
 * Runs WeChat's 人脸核身 on the phone and returns its verify_result, which the identity function
 * confirms with WeChat's server API. The H5 build (local only) asks the local cloud's stand-in,
 * letting the developer choose whether the face matches.
 */
export async function runFaceVerification(name: string, idCardNumber: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.startFacialRecognitionVerify({ name, idCardNumber, checkAliveType: 2 });
      return res.verifyResult;
    } catch {
      throw new FaceVerificationCancelled();
    }
  }
  const choice = await Taro.showModal({
    title: '本地模拟人脸核身',
    content: '本地环境没有微信人脸核身。请选择模拟的核验结果。',
    // WeChat limits modal button texts to four characters.
    confirmText: '模拟通过',
    cancelText: '模拟失败',
  });
  const res = await Taro.request<{ verifyResult?: string }>({
    url: '/local/face/verify',
    method: 'POST',
    header: { 'content-type': 'application/json', 'X-Local-Openid': localPersona() ?? '' },
    data: { name, idNumber: idCardNumber, outcome: choice.confirm ? 'pass' : 'fail' },
  });
  if (!res.data.verifyResult) throw new FaceVerificationCancelled();
  return res.data.verifyResult;
}
