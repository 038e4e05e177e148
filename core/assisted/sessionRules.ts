import { DomainError } from '../errors/DomainError';
import { ASSISTED_POLICY, type AssistedPhase, type AssistedReason, type AssistedSession } from './AssistedSession';

const MINUTE = 60_000;

export type NewSession = Omit<AssistedSession, 'state' | 'codeAttempts' | 'createdAt' | 'expiresAt' | 'codeSentAt'> & { reason: AssistedReason };

/** A session whose code was just sent: valid for the code's minutes. */
export function openedSession(fields: NewSession, now: Date): AssistedSession {
  return { ...fields, state: 'codeSent', codeAttempts: 0, createdAt: now, codeSentAt: now, expiresAt: new Date(now.getTime() + ASSISTED_POLICY.codeMinutes * MINUTE) };
}

/** The phase at `now`: a stored codeSent or confirmed state past `expiresAt` is expired. */
export function sessionPhase(s: Pick<AssistedSession, 'state' | 'expiresAt'>, now: Date): AssistedPhase {
  if (s.state === 'failed' || s.state === 'closed') return s.state;
  return now.getTime() >= s.expiresAt.getTime() ? 'expired' : s.state;
}

/** The changes that confirm a session: usable for the session's minutes from now. */
export function confirmation(now: Date): Pick<AssistedSession, 'state' | 'confirmedAt' | 'expiresAt'> {
  return { state: 'confirmed', confirmedAt: now, expiresAt: new Date(now.getTime() + ASSISTED_POLICY.sessionMinutes * MINUTE) };
}

/**
 * The verdict on a code read back: `attempts` is the session's count of codes tried, this one
 * included (counted atomically before comparing, so concurrent guesses cannot exceed the limit).
 */
export type CodeVerdict = { kind: 'confirm' } | { kind: 'retry'; left: number } | { kind: 'fail' };

export function judgeCode(correct: boolean, attempts: number): CodeVerdict {
  if (attempts > ASSISTED_POLICY.codeMaxAttempts) return { kind: 'fail' };
  if (correct) return { kind: 'confirm' };
  const left = ASSISTED_POLICY.codeMaxAttempts - attempts;
  return left > 0 ? { kind: 'retry', left } : { kind: 'fail' };
}

/**
 * The session, when `officerOpenid` may use it at `now` in `phase`. Another officer's session is
 * indistinguishable from a missing one (ASSISTED_SESSION_NOT_FOUND); a session past its time, failed
 * or closed is ASSISTED_SESSION_EXPIRED; one not confirmed yet is ASSISTED_SESSION_NOT_CONFIRMED.
 */
export function requireUsable<S extends AssistedSession>(s: S | null | undefined, officerOpenid: string, now: Date, phase: 'codeSent' | 'confirmed' = 'confirmed'): S {
  if (!s || s.officerOpenid !== officerOpenid) throw new DomainError('ASSISTED_SESSION_NOT_FOUND');
  const at = sessionPhase(s, now);
  if (at === phase) return s;
  if (at === 'codeSent') throw new DomainError('ASSISTED_SESSION_NOT_CONFIRMED');
  if (at === 'confirmed') throw new DomainError('ASSISTED_SESSION_CONFIRMED');
  throw new DomainError('ASSISTED_SESSION_EXPIRED');
}

/** Whether a booking or cancellation at `hallId` lies within the session (bound to its hall). */
export function requireSessionHall(s: Pick<AssistedSession, 'hallId'>, hallId: string): void {
  if (s.hallId !== hallId) throw new DomainError('ASSISTED_OTHER_HALL');
}

/** The key under which a citizen's failed assisted sessions are counted per day (the identity lock's counters). */
export function assistedFailureKey(subjectIdIndex: string): string {
  return `assisted:${subjectIdIndex}`;
}

/**
 * The owner recorded on an appointment booked in a session for a citizen with no account yet: not
 * an openid (openids hold no ':'), and found by the citizen's blind index once they verify
 * (myAppointments looks for both owners).
 */
export function assistedOwner(subjectIdIndex: string): string {
  return `assisted:${subjectIdIndex}`;
}

/**
 * Whether the session may take a fee: a reissue is paid before review, and a citizen without WeChat
 * cannot pay by WeChat Pay, so an officer collects it in person (at the desk or on a home visit)
 * and records the receipt. By phone nobody can take the money: refused (the officer can book a
 * desk visit instead).
 */
export function requireFeeInPerson(s: Pick<AssistedSession, 'reason'>): void {
  if (s.reason === 'phone') throw new DomainError('ASSISTED_REISSUE_BY_PHONE');
}
