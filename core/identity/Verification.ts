/**
 * One attempt at real-name verification: details → phone code → face → registry match.
 * Each step can only follow the one before; a session lives 30 minutes.
 */
export type VerificationStep = 'phone' | 'face' | 'done' | 'failed';

export const VERIFICATION_POLICY = {
  sessionMinutes: 30,
  otpMinutes: 5,
  otpMaxAttempts: 5,
  otpResendSeconds: 60,
  /** Texts a day per account and per phone number, so the service cannot be used to flood a phone or run up costs. */
  smsPerDay: 8,
  /** A WeChat face result older than this is not accepted. */
  faceResultMaxAgeSeconds: 600,
  /**
   * Face checks one verification allows. A failed check is often the light or the angle, so the
   * person may try again without a new SMS code; each failure also counts towards the day's lock
   * (lockout.ts). Three keeps a retry or two for honest people while one session cannot spend the
   * whole day's allowance of 5 on one identity.
   */
  faceMaxAttempts: 3,
  /**
   * Times one face result may be sent again in a verification and judged again (a request whose
   * answer was lost is resent by the client). Each judging asks WeChat, so without a bound a
   * caller could replay one result to spend the bureau's WeChat API quota.
   */
  faceReplaysMax: 3,
};

export interface Verification {
  _id: string;
  openid: string;
  step: VerificationStep;
  idIndex: string;
  idNumberEnc: string;
  nameEnc: string;
  phoneEnc: string;
  phoneIndex: string;
  /** Keyed hash of the one-time code; the code itself is never stored. */
  otpHash: string;
  otpSentAt: Date;
  otpAttempts: number;
  /** Face results confirmed in this verification (absent before the first, and in sessions from older versions). */
  faceAttempts?: number;
  /** Keyed hashes of the face results used, so one result counts once and cannot be replayed. */
  faceResultKeys?: string[];
  /** Face results sent again in this verification (each judged again: see faceReplaysMax). */
  faceReplays?: number;
  createdAt: Date;
  expiresAt: Date;
}

export function isExpired(v: Pick<Verification, 'expiresAt'>, now: Date): boolean {
  return now.getTime() >= v.expiresAt.getTime();
}

export function otpExpired(v: Pick<Verification, 'otpSentAt'>, now: Date): boolean {
  return now.getTime() - v.otpSentAt.getTime() >= VERIFICATION_POLICY.otpMinutes * 60_000;
}

export function canResendOtp(v: Pick<Verification, 'otpSentAt'>, now: Date): boolean {
  return now.getTime() - v.otpSentAt.getTime() >= VERIFICATION_POLICY.otpResendSeconds * 1000;
}
