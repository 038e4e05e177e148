import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { maskPhone } from '../../privacy/mask';
import { hasConsent } from '../consent';
import { checkPerson, checkPhone } from '../checkPerson';
import { FIELD } from '../fieldNames';
import { type IdentityDeps } from '../IdentityDeps';
import { IdNumberInput, NameInput, PhoneInput, VerificationIdInput } from '../inputs';
import { describeUntil, failureDay, lockoutState } from '../lockout';
import { VERIFICATION_POLICY, canResendOtp, isExpired, otpExpired, type Verification } from '../Verification';
import { VerificationStartedView } from '../views';
import { accountOf } from './status';
import { lazySchema } from '../../function/lazySchema';

/** Refuses when today's failures reached the limit, saying until when. */
export async function ensureNotLocked(deps: IdentityDeps, openid: string): Promise<void> {
  const now = deps.clock.now();
  const lock = lockoutState(await deps.identities.failures(openid, failureDay(now)), now);
  if (lock.locked && lock.until) throw new DomainError('VERIFICATION_LOCKED', `请于${describeUntil(lock.until)}后再试`);
}

/** Counts a failed verification towards the daily limit. */
export async function countFailure(deps: IdentityDeps, openid: string): Promise<void> {
  await deps.identities.recordFailure(openid, failureDay(deps.clock.now()));
}

/** The caller's own, unexpired verification at `step`. */
export async function ownVerification(deps: IdentityDeps, openid: string, id: string, step: Verification['step']): Promise<Verification> {
  const v = await deps.identities.verification(id);
  // Someone else's verification is indistinguishable from a missing one.
  if (!v || v.openid !== openid || isExpired(v, deps.clock.now())) throw new DomainError('VERIFICATION_EXPIRED');
  if (v.step !== step) throw new DomainError(v.step === 'failed' ? 'VERIFICATION_EXPIRED' : 'VERIFICATION_OUT_OF_ORDER');
  return v;
}

async function sendCode(deps: IdentityDeps, verificationId: string, phone: string, openid: string): Promise<{ otpHash: string; otpSentAt: Date }> {
  const day = failureDay(deps.clock.now());
  const [byAccount, byPhone] = await Promise.all([
    deps.identities.countSms(`account:${openid}`, day),
    deps.identities.countSms(`phone:${deps.secrets.index('phone', phone)}`, day),
  ]);
  if (byAccount > VERIFICATION_POLICY.smsPerDay || byPhone > VERIFICATION_POLICY.smsPerDay) {
    throw new DomainError('OTP_TOO_FREQUENT', '今日短信验证码次数已达上限，请明天再试');
  }
  const code = deps.secrets.randomDigits(6);
  await deps.sms.sendVerificationCode(phone, code, VERIFICATION_POLICY.otpMinutes);
  return { otpHash: deps.secrets.index('otp', `${verificationId}:${code}`), otpSentAt: deps.clock.now() };
}

export const startVerification = defineAction({
  summary: 'Checks name, ID number (format, birth date, check digit, division) and mobile number, then texts a one-time code.',
  input: lazySchema(() => z.strictObject({ name: NameInput, idNumber: IdNumberInput, phone: PhoneInput })),
  output: VerificationStartedView,
  errors: ['UNAUTHENTICATED', 'CONSENT_REQUIRED', 'VERIFICATION_LOCKED', 'NAME_INVALID', 'ID_NUMBER_INVALID', 'PHONE_INVALID', 'ACCOUNT_HAS_OTHER_IDENTITY', 'OTP_TOO_FREQUENT'],
  async run(input, deps: IdentityDeps) {
    const account = await accountOf(deps);
    if (!hasConsent(account, 'identity')) throw new DomainError('CONSENT_REQUIRED');
    await ensureNotLocked(deps, account._id);
    const now = deps.clock.now();
    const person = checkPerson(input.name, input.idNumber, now, deps.divisions);
    const phone = checkPhone(input.phone);
    const idIndex = deps.secrets.index('idNumber', person.idNumber);
    if (account.identity && account.identity.idIndex !== idIndex) throw new DomainError('ACCOUNT_HAS_OTHER_IDENTITY');
    const id = deps.secrets.randomToken(24);
    const verification: Verification = {
      _id: id,
      openid: account._id,
      step: 'phone',
      idIndex,
      idNumberEnc: deps.secrets.encrypt(person.idNumber, FIELD.idNumber),
      nameEnc: deps.secrets.encrypt(person.name, FIELD.name),
      phoneEnc: deps.secrets.encrypt(phone, FIELD.phone),
      phoneIndex: deps.secrets.index('phone', phone),
      ...(await sendCode(deps, id, phone, account._id)),
      otpAttempts: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + VERIFICATION_POLICY.sessionMinutes * 60_000),
    };
    await deps.identities.addVerification(verification);
    return {
      verificationId: id,
      phoneMasked: maskPhone(phone),
      codeValidMinutes: VERIFICATION_POLICY.otpMinutes,
      resendAfterSeconds: VERIFICATION_POLICY.otpResendSeconds,
    };
  },
});

export const resendCode = defineAction({
  summary: 'Texts a new one-time code (at most once a minute); the old code stops working.',
  input: lazySchema(() => z.strictObject({ verificationId: VerificationIdInput })),
  output: VerificationStartedView,
  errors: ['UNAUTHENTICATED', 'VERIFICATION_EXPIRED', 'VERIFICATION_OUT_OF_ORDER', 'OTP_TOO_FREQUENT'],
  async run({ verificationId }, deps: IdentityDeps) {
    const account = await accountOf(deps);
    const v = await ownVerification(deps, account._id, verificationId, 'phone');
    if (!canResendOtp(v, deps.clock.now())) throw new DomainError('OTP_TOO_FREQUENT');
    const phone = deps.secrets.decrypt(v.phoneEnc, FIELD.phone);
    const sent = await sendCode(deps, v._id, phone, account._id);
    if (!(await deps.identities.advanceVerification(v._id, 'phone', { ...sent, otpAttempts: 0 }))) throw new DomainError('VERIFICATION_EXPIRED');
    return {
      verificationId: v._id,
      phoneMasked: maskPhone(phone),
      codeValidMinutes: VERIFICATION_POLICY.otpMinutes,
      resendAfterSeconds: VERIFICATION_POLICY.otpResendSeconds,
    };
  },
});

export const confirmPhone = defineAction({
  summary: 'Checks the one-time code; after 5 wrong codes the verification fails and counts towards the lock.',
  input: lazySchema(() =>
    z.strictObject({
      verificationId: VerificationIdInput,
      code: z.string().check(z.trim(), z.regex(/^\d{6}$/)),
    }),
  ),
  output: lazySchema(() => z.object({ step: z.literal('face') })),
  errors: ['UNAUTHENTICATED', 'VERIFICATION_EXPIRED', 'VERIFICATION_OUT_OF_ORDER', 'OTP_INCORRECT', 'OTP_EXPIRED'],
  async run({ verificationId, code }, deps: IdentityDeps) {
    const account = await accountOf(deps);
    const v = await ownVerification(deps, account._id, verificationId, 'phone');
    if (otpExpired(v, deps.clock.now())) throw new DomainError('OTP_EXPIRED');
    // Count the attempt before comparing, so concurrent guesses cannot exceed the limit.
    const attempts = await deps.identities.countOtpAttempt(v._id);
    const left = VERIFICATION_POLICY.otpMaxAttempts - attempts;
    const correct = deps.secrets.index('otp', `${v._id}:${code}`) === v.otpHash;
    if (!correct || left < 0) {
      if (left > 0) throw new DomainError('OTP_INCORRECT', `还可尝试${left}次`);
      if (await deps.identities.advanceVerification(v._id, 'phone', { step: 'failed' })) await countFailure(deps, account._id);
      throw new DomainError('OTP_INCORRECT', '错误次数过多，请重新开始认证');
    }
    if (!(await deps.identities.advanceVerification(v._id, 'phone', { step: 'face' }))) throw new DomainError('VERIFICATION_OUT_OF_ORDER');
    return { step: 'face' as const };
  },
});
