/**
 * An assisted session (issue 18): an officer of a hall acts for a citizen who cannot use the
 * mini-program (on the phone, at the desk, on a home visit). The officer names the citizen (name +
 * ID number, checked against the population registry); a one-time code goes by SMS to the phone on
 * file (the registry's, or the citizen's verified account's: never a number given on the call); the
 * citizen reads it out; the session is then usable for a short time, by that officer, at that hall,
 * for that citizen only.
 */

/** Why the officer acts for the citizen: 电话 (the phone line), 窗口 (the hall's desk), 上门 (a home visit). */
export const ASSISTED_REASONS = ['phone', 'desk', 'homeVisit'] as const;
export type AssistedReason = (typeof ASSISTED_REASONS)[number];
export const ASSISTED_REASON_NAMES: Record<AssistedReason, string> = { phone: '电话', desk: '窗口', homeVisit: '上门' };

/**
 * codeSent: the code went out, not yet read back; confirmed: usable until `expiresAt`; failed: too
 * many wrong codes (counted towards the citizen's lock); closed: the officer ended it. An expired
 * session keeps its stored state: expiry is decided by the clock (sessionPhase).
 */
export type AssistedState = 'codeSent' | 'confirmed' | 'failed' | 'closed';

export const ASSISTED_POLICY = {
  /** The code is valid this long after it was sent. */
  codeMinutes: 5,
  /** A confirmed session is usable this long after its confirmation (one phone call, one visit to the desk). */
  sessionMinutes: 15,
  /** Wrong codes one session allows; the next wrong one fails it. */
  codeMaxAttempts: 3,
  /**
   * Failed sessions for one citizen per Asia/Shanghai day, across sessions and officers, before the
   * citizen is locked until the next midnight (the identity lock's rule, core/identity/lockout.ts):
   * the assisted channel cannot be used to guess codes or to pester a citizen's phone.
   */
  maxFailuresPerDay: 3,
  /** Sessions one officer may open per day (each asks the registry and may text a citizen). */
  opensPerOfficerPerDay: 60,
  /** Texts of materials one phone gets per day (assistedTellMaterials), whichever officer sends them. */
  materialsTextsPerDay: 5,
  /**
   * Session codes one phone gets per day, whichever officer opens the sessions: counted apart from the
   * citizen's own verification texts, so officers cannot use up the allowance the citizen needs to
   * verify in the mini-program.
   */
  codesPerPhonePerDay: 5,
};

export interface AssistedSession {
  _id: string;
  officerOpenid: string;
  hallId: string;
  reason: AssistedReason;
  /** The citizen: the registry's person id, the ID number's blind index, the name encrypted. */
  subjectResidentId: string;
  subjectIdIndex: string;
  subjectNameEnc: string;
  /** The ID number as the registry masks it, for the officer's screen. */
  subjectIdMasked: string;
  /** The phone on file the code and the notices go to, encrypted; and where it came from. */
  phoneEnc: string;
  phoneSource: 'registry' | 'account';
  state: AssistedState;
  /** Keyed hash of the code; the code itself is never stored. */
  codeHash: string;
  codeSentAt: Date;
  codeAttempts: number;
  createdAt: Date;
  confirmedAt?: Date;
  closedAt?: Date;
  /** Until the code expires while codeSent; until the end of the session once confirmed. Purged after. */
  expiresAt: Date;
}

/** What the session is at `now`, the clock included. */
export type AssistedPhase = 'codeSent' | 'confirmed' | 'expired' | 'failed' | 'closed';
