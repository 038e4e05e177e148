import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/** What the `identity` function returns: personal values only ever masked. */

export const ProfileView = lazySchema(() =>
  z.object({
    nameMasked: z.string(),
    idNumberMasked: z.string(),
    phoneMasked: z.string(),
    /** Place of household registration from the ID number's division code, when known. */
    region: z.optional(z.string()),
    verifiedAt: z.string(),
  }),
);
export type ProfileView = z.infer<typeof ProfileView>;

export const FamilyMemberView = lazySchema(() =>
  z.object({
    memberId: z.string(),
    nameMasked: z.string(),
    /** The mask that tells members apart (first and last character): this list is only ever the linking account's own (core/privacy/mask.ts). */
    nameForFamily: z.string(),
    /** From the ID number, to tell apart members with alike names. */
    birthYear: z.optional(z.int()),
    idNumberMasked: z.string(),
    relation: z.enum(['child', 'parent']),
    addedAt: z.string(),
  }),
);
export type FamilyMemberView = z.infer<typeof FamilyMemberView>;

export const StatusView = lazySchema(() =>
  z.object({
    /** The caller's own openid (their account's id), shown on 我的 so ops can grant the first admin by it. */
    openid: z.string(),
    role: z.enum(['citizen', 'officer', 'admin']),
    consents: z.object({ identity: z.boolean(), face: z.boolean(), version: z.int() }),
    verified: z.boolean(),
    profile: z.optional(ProfileView),
    halls: z.array(z.string()),
    /** Halls the account leads (issue 16: edits their special hours and duty roster), when any. */
    leads: z.optional(z.array(z.string())),
    lockout: z.object({ locked: z.boolean(), remaining: z.int(), until: z.optional(z.string()) }),
  }),
);
export type StatusView = z.infer<typeof StatusView>;

export const VerificationStartedView = lazySchema(() =>
  z.object({
    verificationId: z.string(),
    phoneMasked: z.string(),
    codeValidMinutes: z.int(),
    resendAfterSeconds: z.int(),
  }),
);
export type VerificationStartedView = z.infer<typeof VerificationStartedView>;

export const AuditEntryView = lazySchema(() =>
  z.object({
    id: z.string(),
    /** The audit code, and its Chinese name (core/identity/auditActionNames.ts). */
    action: z.string(),
    actionName: z.string(),
    role: z.enum(['citizen', 'officer', 'admin']),
    /** The acting account's id (to filter by it); shown as `actorLabel`. */
    actorId: z.string(),
    /** Role and masked name, e.g. "民警 陈**", "市民 王** 代 王*". */
    actorLabel: z.string(),
    hallId: z.optional(z.string()),
    hallName: z.optional(z.string()),
    target: z.string(),
    /** What was acted on, in words, when the code and hall do not already say it (e.g. the halls of an invitation). */
    targetLabel: z.optional(z.string()),
    /** The family member acted for, masked. */
    actedForName: z.optional(z.string()),
    at: z.string(),
    clientIp: z.optional(z.string()),
    purpose: z.optional(z.string()),
    purposeName: z.optional(z.string()),
    /** What an edit changed, in words (a hall's hours or duty day). */
    change: z.optional(z.object({ before: z.string(), after: z.string() })),
  }),
);
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const HallRefView = lazySchema(() => z.object({ id: z.string(), name: z.string() }));
export type HallRefView = z.infer<typeof HallRefView>;

/** One account in the admin's officer list: who (masked), whether verified, which halls, since when, invited by whom. */
export const OfficerView = lazySchema(() =>
  z.object({
    /** The account's id, to revoke by. */
    openid: z.string(),
    role: z.enum(['officer', 'admin']),
    /** Masked name when verified; a short reference to the account otherwise. */
    label: z.string(),
    verified: z.boolean(),
    halls: z.array(HallRefView),
    /** Ids of the halls it leads (大厅负责人, issue 16), when any. */
    leads: z.optional(z.array(z.string())),
    /** When the account first became an officer (its first invitation used; its creation when none is known). */
    since: z.string(),
    /** The admin whose invitation it used last, masked. */
    lastInvitedBy: z.optional(z.string()),
    /** The caller's own account. */
    self: z.boolean(),
  }),
);
export type OfficerView = z.infer<typeof OfficerView>;

/** An invitation not used yet (the code itself is never shown again). */
export const OpenInvitationView = lazySchema(() =>
  z.object({
    id: z.string(),
    halls: z.array(HallRefView),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  }),
);
export type OpenInvitationView = z.infer<typeof OpenInvitationView>;
