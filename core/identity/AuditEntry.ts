import type { Role } from './Account';

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
  at: Date;
  clientIp?: string;
  /** Why personal data was looked at (e.g. review, shipping), for views of a case file. */
  purpose?: string;
}
