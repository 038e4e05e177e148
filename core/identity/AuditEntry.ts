import type { Role } from './Account';

/**
 * The actor of an act done by an ops command rather than a WeChat account (`npm run admin:grant`):
 * `ops:<who ran it>`. The log shows it as such instead of as an unverified account.
 */
export const OPS_ACTOR_PREFIX = 'ops:';

/** One line of the append-only audit log: who did what to what, where and when. */
export interface AuditEntry {
  actorOpenid: string;
  role: Role;
  /** Hall the action concerns, for officers. */
  hallId?: string;
  action: string;
  /** What was acted on: an id, or a masked value; never a plain ID or phone number. */
  target: string;
  /** The family member acted for, when acting for someone. */
  actedFor?: string;
  /** That member's name, masked (maskName), as it was when acting. */
  actedForName?: string;
  at: Date;
  clientIp?: string;
  /** Why personal data was looked at (e.g. review, shipping), for views of a case file. */
  purpose?: string;
  /** What an edit changed, in words (issue 16: a hall's special hours or duty day, before and after). */
  change?: { before: string; after: string };
  /** Issue 18: the assisted session an officer acted in for a citizen, and why (phone, desk, homeVisit). */
  session?: string;
  reason?: string;
}

/** Which records to read, newest first: every given condition holds. */
export interface AuditQuery {
  /** Only records of these halls (an officer's view); absent: every record. */
  halls?: readonly string[];
  action?: string;
  actorOpenid?: string;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}
