/** An admin's one-time invitation that makes an account an officer of given halls. */
export interface OfficerInvitation {
  /** Keyed hash of the code; the code is shown once to the admin and never stored. */
  _id: string;
  halls: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: string;
  usedAt?: Date;
  /** Withdrawn by an admin before use (it expired then). */
  withdrawnBy?: string;
  withdrawnAt?: Date;
}

export const INVITATION_POLICY = { codeLength: 12, maxDays: 30 };
