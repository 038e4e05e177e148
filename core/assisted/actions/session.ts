import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { AssistedDeps } from '../AssistedDeps';
import { requireOpenid } from '../../identity/caller';
import { requireActingForHall } from '../../identity/hallAccess';
import { checkPerson } from '../../identity/checkPerson';
import { FIELD } from '../../identity/fieldNames';
import { IdNumberInput, NameInput } from '../../identity/inputs';
import { describeUntil, failureDay, lockoutState } from '../../identity/lockout';
import { ASSISTED_POLICY, ASSISTED_REASONS, type AssistedSession } from '../AssistedSession';
import { assistedFailureKey, confirmation, judgeCode, openedSession, requireUsable, sessionPhase } from '../sessionRules';
import { auditAssisted } from '../auditAssisted';
import { AssistedSessionView, assistedSessionView } from '../views';

/** Session ids: 24 random characters (randomToken). */
export const SessionIdInput = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));

/** The registry decides whether a person exists: every division code is let through to it. */
const ANY_DIVISION = { isKnownPrefix: () => true };

/** The calling officer's account, when it acts for the hall. */
export async function officerOf(deps: AssistedDeps, hallId: string) {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

/** What `usableSession` may refuse with (confirmed phase): the first errors of every act within a session. */
export const SESSION_ERRORS = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OFFICER_NOT_VERIFIED',
  'ASSISTED_SESSION_NOT_FOUND',
  'ASSISTED_SESSION_EXPIRED',
  'ASSISTED_SESSION_NOT_CONFIRMED',
] as const;

/** The session as its officer may use it now (in `phase`), with the officer still acting for its hall. */
export async function usableSession(deps: AssistedDeps, sessionId: string, phase: 'codeSent' | 'confirmed' = 'confirmed') {
  const openid = requireOpenid(deps);
  const s = requireUsable(await deps.assisted.sessions.session(sessionId), openid, deps.clock.now(), phase);
  return { officer: await officerOf(deps, s.hallId), session: s };
}

/**
 * The phone on file: the registry's for the person, else the one the citizen's own verified
 * account holds. Never a number the officer was told.
 */
async function phoneOnFile(deps: AssistedDeps, personId: string, idIndex: string): Promise<{ phone: string; source: AssistedSession['phoneSource'] } | null> {
  const fromRegistry = await deps.assisted.registry.mobileOnFile(personId);
  if (fromRegistry) return { phone: fromRegistry, source: 'registry' };
  const openid = await deps.assisted.identities.boundOpenid(idIndex);
  const account = openid ? await deps.assisted.identities.account(openid) : null;
  if (!account?.identity || account.identity.idIndex !== idIndex) return null;
  return { phone: deps.assisted.secrets.decrypt(account.identity.phoneEnc, FIELD.phone), source: 'account' };
}

export const openAssistedSession = defineAction({
  summary:
    "Officer of the hall (issue 18): opens an assisted session for a citizen on the phone, at the desk or on a home visit. Name and ID number are checked against the population registry; a one-time code goes by SMS to the phone on file (the registry's, or the citizen's verified account's), never to a number given by the caller: the input has no phone. Answers only masked name, ID number and phone. A citizen with 3 failed sessions today is locked until midnight.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, name: NameInput, idNumber: IdNumberInput, reason: z.enum(ASSISTED_REASONS) })),
  output: AssistedSessionView,
  errors: [
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'OFFICER_NOT_VERIFIED',
    'NAME_INVALID',
    'ID_NUMBER_INVALID',
    'REGISTRY_MISMATCH',
    'REGISTRY_UNAVAILABLE',
    'ASSISTED_NO_PHONE_ON_FILE',
    'ASSISTED_CITIZEN_LOCKED',
    'ASSISTED_OPEN_LIMIT',
    'OTP_TOO_FREQUENT',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run(input, deps: AssistedDeps) {
    const officer = await officerOf(deps, input.hallId);
    const { sessions, registry, identities, secrets, sms } = deps.assisted;
    const now = deps.clock.now();
    const day = failureDay(now);
    const person = checkPerson(input.name, input.idNumber, now, ANY_DIVISION);
    const idIndex = secrets.index('idNumber', person.idNumber);
    const lock = lockoutState(await identities.failures(assistedFailureKey(idIndex), day), now, ASSISTED_POLICY);
    if (lock.locked && lock.until) throw new DomainError('ASSISTED_CITIZEN_LOCKED', `该群众今日代办核验失败次数过多，请于${describeUntil(lock.until)}后再试`);
    if ((await identities.countRegistryLookup(`assisted:${officer._id}`, day)) > ASSISTED_POLICY.opensPerOfficerPerDay) throw new DomainError('ASSISTED_OPEN_LIMIT');
    const registered = await registry.match(person.idNumber, person.name);
    if (!registered) throw new DomainError('REGISTRY_MISMATCH');
    const onFile = await phoneOnFile(deps, registered._id, idIndex);
    if (!onFile) throw new DomainError('ASSISTED_NO_PHONE_ON_FILE');
    if ((await identities.countSms(`assisted-phone:${secrets.index('phone', onFile.phone)}`, day)) > ASSISTED_POLICY.codesPerPhonePerDay) {
      throw new DomainError('OTP_TOO_FREQUENT', '该手机号今日代办验证码次数已达上限，请明天再试');
    }
    const id = secrets.randomToken(24);
    const code = secrets.randomDigits(6);
    const session = openedSession(
      {
        _id: id,
        officerOpenid: officer._id,
        hallId: input.hallId,
        reason: input.reason,
        subjectResidentId: registered._id,
        subjectIdIndex: idIndex,
        subjectNameEnc: secrets.encrypt(person.name, FIELD.name),
        subjectIdMasked: registered.idNumberMasked,
        phoneEnc: secrets.encrypt(onFile.phone, FIELD.phone),
        phoneSource: onFile.source,
        codeHash: secrets.index('otp', `assisted:${id}:${code}`),
      },
      now,
    );
    // Stored before the code goes out: a code is never texted for a session that was not kept.
    await sessions.add(session);
    await sms.sendVerificationCode(onFile.phone, code, ASSISTED_POLICY.codeMinutes);
    await auditAssisted(deps, officer, session, 'open', id);
    return assistedSessionView(session, now, secrets);
  },
});

export const confirmAssistedSession = defineAction({
  summary:
    "The session's officer enters the code the citizen read out: the session is then usable for 15 minutes. 3 wrong codes fail it, and each failed session counts towards the citizen's daily lock.",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, code: z.string().check(z.trim(), z.regex(/^\d{6}$/)) })),
  output: AssistedSessionView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'ASSISTED_SESSION_NOT_FOUND', 'ASSISTED_SESSION_EXPIRED', 'ASSISTED_SESSION_CONFIRMED', 'OTP_INCORRECT'],
  async run({ sessionId, code }, deps: AssistedDeps) {
    const { officer, session } = await usableSession(deps, sessionId, 'codeSent');
    const { sessions, identities, secrets } = deps.assisted;
    // Counted before comparing, so concurrent guesses cannot exceed the limit.
    const attempts = await sessions.countCodeAttempt(session._id);
    const verdict = judgeCode(secrets.index('otp', `assisted:${session._id}:${code}`) === session.codeHash, attempts);
    if (verdict.kind === 'retry') throw new DomainError('OTP_INCORRECT', `验证码不正确，还可尝试${verdict.left}次`);
    const now = deps.clock.now();
    if (verdict.kind === 'fail') {
      if (await sessions.change(session._id, 'codeSent', { state: 'failed' })) {
        await identities.recordFailure(assistedFailureKey(session.subjectIdIndex), failureDay(now));
        await auditAssisted(deps, officer, session, 'fail', session._id);
      }
      throw new DomainError('OTP_INCORRECT', '错误次数过多，本次代办会话已结束，请重新核验');
    }
    const changes = confirmation(now);
    if (!(await sessions.change(session._id, 'codeSent', changes))) throw new DomainError('ASSISTED_SESSION_EXPIRED');
    await auditAssisted(deps, officer, session, 'confirm', session._id);
    return assistedSessionView({ ...session, ...changes }, now, secrets);
  },
});

export const closeAssistedSession = defineAction({
  summary: 'The session’s officer ends it (at the end of the call or visit); closing a session already ended answers it as it is.',
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput })),
  output: AssistedSessionView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'ASSISTED_SESSION_NOT_FOUND'],
  async run({ sessionId }, deps: AssistedDeps) {
    const openid = requireOpenid(deps);
    const s = await deps.assisted.sessions.session(sessionId);
    if (!s || s.officerOpenid !== openid) throw new DomainError('ASSISTED_SESSION_NOT_FOUND');
    const officer = await officerOf(deps, s.hallId);
    const now = deps.clock.now();
    const phase = sessionPhase(s, now);
    if (phase !== 'codeSent' && phase !== 'confirmed') return assistedSessionView(s, now, deps.assisted.secrets);
    const closed = { state: 'closed' as const, closedAt: now, expiresAt: now };
    if (await deps.assisted.sessions.change(s._id, s.state, closed)) await auditAssisted(deps, officer, s, 'close', s._id);
    return assistedSessionView({ ...s, ...closed }, now, deps.assisted.secrets);
  },
});
