import type { FaceIdentifyInfo } from '../../core/identity/faceResult';
import type { FaceVerifier } from '../../core/identity/ports';
import { postJson } from '../http/httpClient';

/**
 * Local stand-in for WeChat's getinfo API: the local cloud's face service (devcloud/localServices.ts)
 * issued the verify_result and answers with the same fields WeChat would.
 */
export class LocalFaceVerifier implements FaceVerifier {
  constructor(private readonly cloudUrl: string) {}

  identifyInfo(verifyResult: string): Promise<FaceIdentifyInfo> {
    return postJson<FaceIdentifyInfo>(`${this.cloudUrl}/local/face/getinfo`, { verify_result: verifyResult });
  }
}
