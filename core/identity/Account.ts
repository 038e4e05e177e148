/**
 * A WeChat account of the service (one per openid). Personal fields are held encrypted
 * (`…Enc`, AES-256-GCM) with blind indexes (`…Index`) for lookups; the domain never needs the
 * plain values except to show them masked or to compare them inside a use case.
 */
export type Role = 'citizen' | 'officer' | 'admin';

export type ConsentPurpose = 'identity' | 'face';

export interface ConsentRecord {
  purpose: ConsentPurpose;
  /** Version of the consent text agreed to (core/identity/consent.ts). */
  version: number;
  at: Date;
}

export interface VerifiedIdentity {
  residentId: string;
  idIndex: string;
  idNumberEnc: string;
  nameEnc: string;
  phoneEnc: string;
  phoneIndex: string;
  // No birth date in clear: age rules read it from the decrypted ID number (birthDateOf).
  verifiedAt: Date;
}

export interface Account {
  _id: string;
  role: Role;
  consents: ConsentRecord[];
  identity?: VerifiedIdentity;
  /** Halls an officer works at. */
  halls: string[];
  /**
   * Halls among `halls` the account leads (大厅负责人, issue 16): granted and taken back by an admin
   * (identity `setHallLead`); a lead edits the hall's special hours and duty roster.
   */
  leads?: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** An account whose owner has passed real-name verification. */
export type VerifiedAccount = Account & { identity: VerifiedIdentity };

/** Whether the account's owner has passed real-name verification (the account holds an identity). */
export function isVerified(account: Account): account is VerifiedAccount {
  return Boolean(account.identity);
}

export function newAccount(openid: string, now: Date): Account {
  return { _id: openid, role: 'citizen', consents: [], halls: [], createdAt: now, updatedAt: now };
}
