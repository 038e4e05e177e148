import { shanghaiDate } from '../time/shanghai';
import { TEMP_PROOF_POLICY } from './policy';
import { statusOf, type TempProof } from './TempProof';

/** The Shanghai calendar month of an instant, YYYY-MM: the month a proof counts in. */
export function monthOf(instant: Date): string {
  return shanghaiDate(instant).slice(0, 7);
}

export type IssueDecision = { ok: true; slots: number[] } | { ok: false; code: 'TEMP_PROOF_MONTHLY_LIMIT' | 'TEMP_PROOF_STILL_VALID'; current?: TempProof };

/**
 * Whether a new proof may be issued at `now`, given the holder's recent proofs (this month's and any
 * still valid from the last): refused while one is valid for more than 3 more hours, and when the
 * month's 3 are used (revoked and expired ones count: each was issued). The slots left are the ones
 * to try, in order; the store takes one atomically (a proof's id follows from its slot), so two
 * requests at once can never both take the same one, nor make a 4th.
 */
export function decideIssue(recent: readonly TempProof[], now: Date): IssueDecision {
  const renewFrom = TEMP_PROOF_POLICY.renewWithinHours * 3_600_000;
  const current = recent.find((p) => statusOf(p, now) === 'valid' && p.expiresAt.getTime() - now.getTime() > renewFrom);
  if (current) return { ok: false, code: 'TEMP_PROOF_STILL_VALID', current };
  const month = monthOf(now);
  const taken = new Set(recent.filter((p) => p.month === month).map((p) => p.slot));
  const slots = Array.from({ length: TEMP_PROOF_POLICY.perMonth }, (_, i) => i + 1).filter((s) => !taken.has(s));
  return slots.length ? { ok: true, slots } : { ok: false, code: 'TEMP_PROOF_MONTHLY_LIMIT' };
}

export function expiryOf(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + TEMP_PROOF_POLICY.validHours * 3_600_000);
}
