import type { Account, Role } from './Account';
import type { AuditEntry, AuditQuery } from './AuditEntry';
import type { FaceIdentifyInfo } from './faceResult';
import type { FamilyLink } from './family';
import type { OfficerInvitation } from './Invitation';
import type { RegisteredPerson } from './Resident';
import type { Verification } from './Verification';

/** Where identity data lives (CloudBase collections in production). */
export interface IdentityStore {
  account(openid: string): Promise<Account | null>;
  saveAccount(account: Account): Promise<void>;
  boundOpenid(idIndex: string): Promise<string | undefined>;
  /**
   * Atomically binds `account.identity` to the account: the binding must still point to
   * `expectedBoundOpenid` (undefined: unbound); a moved identity is removed from the old account.
   * Returns false when someone else changed the binding meanwhile.
   */
  bindIdentity(account: Account, expectedBoundOpenid: string | undefined): Promise<boolean>;
  /**
   * Removes the account's identity, its binding and its family links; each step idempotent.
   * Without an idIndex (the identity already went), removes what is left: bindings naming the
   * account, its family links.
   */
  unbindIdentity(openid: string, idIndex: string | undefined, now: Date): Promise<void>;

  verification(id: string): Promise<Verification | null>;
  addVerification(v: Verification): Promise<void>;
  /** Compare-and-set on the step; false when it was not `from` any more. */
  advanceVerification(id: string, from: Verification['step'], changes: Partial<Verification>): Promise<boolean>;
  /** Atomically counts one wrong code; returns the new count. */
  countOtpAttempt(id: string): Promise<number>;
  /**
   * Atomically counts one face attempt with the key of its face result, while the verification is
   * at the face step and that key was not used in it; returns the new count, or null when it
   * could not (the result was used already, or the step moved on).
   */
  countFaceAttempt(id: string, resultKey: string): Promise<number | null>;
  /**
   * Gives back the try `countFaceAttempt` counted for this face result (the registry could not be
   * asked, so the try decided nothing): while at the face step and the key is there. Idempotent.
   */
  uncountFaceAttempt(id: string, resultKey: string): Promise<void>;
  /** Atomically counts one face result sent again while the verification is at the face step; returns the new count (null when the step moved on). */
  countFaceReplay(id: string): Promise<number | null>;
  /** Deletes verification sessions that expired before the instant; returns how many. */
  removeVerificationsExpiredBefore(before: Date): Promise<number>;

  /** Deletes birth dates older versions stored in clear (accounts, verifications); returns how many documents changed. */
  removePlainBirthDates(): Promise<number>;

  failures(openid: string, day: string): Promise<number>;
  /** Atomically counts one registry lookup made for the account today; returns the new count. */
  countRegistryLookup(openid: string, day: string): Promise<number>;
  /** Gives back one lookup counted that day (never below 0): the registry could not be asked (an outage is not the citizen's lookup). */
  uncountRegistryLookup(openid: string, day: string): Promise<void>;
  recordFailure(openid: string, day: string): Promise<number>;
  /** Deletes daily failure counters of days before `day` (YYYY-MM-DD); returns how many. */
  removeFailureCountersBefore(day: string): Promise<number>;
  /** Atomically counts one text sent today under `key` (an account or a phone's blind index); returns the new count. */
  countSms(key: string, day: string): Promise<number>;
  removeSmsCountersBefore(day: string): Promise<number>;

  familyLinks(actorOpenid: string): Promise<FamilyLink[]>;
  saveFamilyLink(link: FamilyLink): Promise<void>;
  removeFamilyLink(id: string): Promise<boolean>;

  /** Which of these hall ids do not exist. */
  missingHalls(ids: readonly string[]): Promise<string[]>;
  /** The names of these halls, by id (unknown ids are left out). */
  hallNames(ids: readonly string[]): Promise<Record<string, string>>;
  addInvitation(invitation: OfficerInvitation): Promise<void>;
  /** Marks an unused, unexpired invitation used by `openid`; returns it, or null when it cannot. */
  claimInvitation(id: string, openid: string, now: Date): Promise<OfficerInvitation | null>;

  /** Every account whose role is officer or admin (the officer list; at most 1000). */
  officerAccounts(): Promise<Account[]>;
  /** The invitations these accounts used (who invited them, and when). */
  invitationsUsedBy(openids: readonly string[]): Promise<OfficerInvitation[]>;
  /** Invitations not used, not expired and not withdrawn at `now`, newest first (at most 100). */
  openInvitations(now: Date): Promise<OfficerInvitation[]>;
  /**
   * Withdraws an invitation still open at `now` (compare-and-set: it then expires at `now`); returns
   * it, or null when it was used, expired or withdrawn already.
   */
  withdrawInvitation(id: string, by: string, now: Date): Promise<OfficerInvitation | null>;
  /**
   * Compare-and-set on the account's officer duty: sets role and halls only while the account's
   * `updatedAt` is still `expectedUpdatedAt`; false when it changed meanwhile (or is gone).
   */
  setOfficerDuty(openid: string, duty: { role: Role; halls: string[]; leads?: string[] }, expectedUpdatedAt: Date, now: Date): Promise<boolean>;
}

/**
 * The population registry (the bureau's gateway, docs/REGISTRY.md): who exists, with which ID
 * number, in which household. An unreachable registry throws DomainError('REGISTRY_UNAVAILABLE'),
 * which says nothing about the person (never counted as a failed verification).
 */
export interface PopulationRegistry {
  /** The person registered under this ID number with this name; null when there is none (an unknown number and another name are one answer). */
  match(idNumber: string, name: string): Promise<RegisteredPerson | null>;
  /** A person by the registry's id (from an earlier match); null when the registry no longer knows them. */
  person(personId: string): Promise<RegisteredPerson | null>;
}

/** Sends one-time codes by SMS (Tencent Cloud SMS in production; the local cloud's outbox here). */
export interface SmsSender {
  sendVerificationCode(phone: string, code: string, minutesValid: number): Promise<void>;
}

/** Asks WeChat for the result of a 人脸核身 (or the local stand-in). */
export interface FaceVerifier {
  identifyInfo(verifyResult: string): Promise<FaceIdentifyInfo>;
}

export interface AuditLog {
  /**
   * Appends a record. With an `id` (derived from the request) the record is written once: a retry
   * that records the same id again leaves the first one as it is.
   */
  record(entry: AuditEntry, id?: string): Promise<void>;
  /** Records matching the query, newest first. */
  query(q: AuditQuery): Promise<Array<AuditEntry & { _id: string }>>;
}

/** Encryption, blind indexes, keyed hashes and randomness (server/crypto). */
export interface Secrets {
  encrypt(plain: string, context: string): string;
  decrypt(ciphertext: string, context: string): string;
  index(purpose: 'idNumber' | 'phone' | 'invitation' | 'otp' | 'face', value: string): string;
  md5(text: string): string;
  randomDigits(count: number): string;
  randomToken(length: number): string;
}
