import { VERIFICATION_POLICY } from './Verification';

/**
 * The result of WeChat's 人脸核身 as its server API reports it
 * (`POST /cityservice/face/identify/getinfo`, given the `verify_result` the mini-program got
 * from `wx.startFacialRecognitionVerify`).
 */
export interface FaceIdentifyInfo {
  errcode: number;
  errmsg?: string;
  /** 0 when the face matched the identity. */
  identify_ret: number;
  openid: string;
  /** Unix seconds. */
  finish_time: number;
  id_card_number_md5: string;
  name_utf8_md5: string;
}

export interface FaceExpectation {
  openid: string;
  idNumberMd5: string;
  nameMd5: string;
}

export type FaceVerdict = { ok: true } | { ok: false; reason: 'service' | 'mismatch' | 'not-this-person' | 'stale' };

/** Accepts a face result only for this caller, this identity, and recently. */
export function judgeFaceResult(info: FaceIdentifyInfo, expected: FaceExpectation, now: Date): FaceVerdict {
  if (info.errcode !== 0) return { ok: false, reason: 'service' };
  if (info.identify_ret !== 0) return { ok: false, reason: 'mismatch' };
  if (
    info.openid !== expected.openid ||
    info.id_card_number_md5.toLowerCase() !== expected.idNumberMd5.toLowerCase() ||
    info.name_utf8_md5.toLowerCase() !== expected.nameMd5.toLowerCase()
  ) {
    return { ok: false, reason: 'not-this-person' };
  }
  const age = now.getTime() / 1000 - info.finish_time;
  if (age < -60 || age > VERIFICATION_POLICY.faceResultMaxAgeSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}
