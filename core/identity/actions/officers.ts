import * as z from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { Account } from '../Account';
import { accountLabel } from '../accountLabel';
import { requireOpenid } from '../caller';
import { hallsBoundTo, requireAdmin } from '../hallAccess';
import { type IdentityDeps } from '../IdentityDeps';
import type { OfficerInvitation } from '../Invitation';
import { recordAudit } from '../recordAudit';
import { HallRefView, OfficerView, OpenInvitationView } from '../views';
import { lazySchema } from '../../function/lazySchema';

/** Hall ids with their names (an unknown id is shown as itself). */
async function hallRefs(deps: IdentityDeps, ids: readonly string[]): Promise<HallRefView[]> {
  const names = ids.length ? await deps.identities.hallNames(ids) : {};
  return ids.map((id) => ({ id, name: names[id] ?? id }));
}

/** Masked labels of accounts, each looked up once. */
function labeller(deps: IdentityDeps, known: readonly Account[]) {
  const cache = new Map<string, Promise<string>>(known.map((a) => [a._id, Promise.resolve(accountLabel(deps.secrets, a._id, a))]));
  return (openid: string): Promise<string> => {
    let label = cache.get(openid);
    if (!label) cache.set(openid, (label = deps.identities.account(openid).then((a) => accountLabel(deps.secrets, openid, a))));
    return label;
  };
}

export const officers = defineAction({
  summary:
    'Admin: every officer (and every admin bound to halls): masked name, whether verified (an unverified one may not act), halls by name, since when, who invited them last; and the invitations not used yet.',
  input: lazySchema(() => z.object({}).strict()),
  output: lazySchema(() => z.object({ officers: z.array(OfficerView), openInvitations: z.array(OpenInvitationView) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  async run(_input, deps: IdentityDeps) {
    const admin = requireAdmin(await deps.identities.account(requireOpenid(deps)));
    const now = deps.clock.now();
    const listed = (await deps.identities.officerAccounts()).filter((a) => hallsBoundTo(a).length > 0);
    const [used, open] = await Promise.all([deps.identities.invitationsUsedBy(listed.map((a) => a._id)), deps.identities.openInvitations(now)]);
    const byUser = new Map<string, OfficerInvitation[]>();
    for (const inv of used) byUser.set(inv.usedBy!, [...(byUser.get(inv.usedBy!) ?? []), inv]);
    const hallIds = [...new Set([...listed.flatMap((a) => a.halls), ...open.flatMap((i) => i.halls)])];
    const names = hallIds.length ? await deps.identities.hallNames(hallIds) : {};
    const ref = (id: string) => ({ id, name: names[id] ?? id });
    const label = labeller(deps, [admin, ...listed]);
    const views = await Promise.all(
      listed.map(async (a): Promise<OfficerView> => {
        const invitations = (byUser.get(a._id) ?? []).sort((x, y) => x.usedAt!.getTime() - y.usedAt!.getTime());
        const last = invitations[invitations.length - 1];
        return {
          openid: a._id,
          role: a.role as OfficerView['role'],
          label: await label(a._id),
          verified: Boolean(a.identity),
          halls: a.halls.map(ref),
          ...(a.leads?.length ? { leads: a.leads } : {}),
          since: (invitations[0]?.usedAt ?? a.createdAt).toISOString(),
          ...(last ? { lastInvitedBy: await label(last.createdBy) } : {}),
          self: a._id === admin._id,
        };
      }),
    );
    // Newest officers first; the same instant by name, so the order is stable.
    views.sort((x, y) => y.since.localeCompare(x.since) || x.label.localeCompare(y.label) || x.openid.localeCompare(y.openid));
    const openInvitations = await Promise.all(
      open.map(async (i) => ({
        id: i._id,
        halls: i.halls.map(ref),
        createdBy: await label(i.createdBy),
        createdAt: i.createdAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
      })),
    );
    return { officers: views, openInvitations };
  },
});

/** How many times a revocation re-reads the account when it changed meanwhile. */
const REVOKE_ATTEMPTS = 3;

export const revokeOfficer = defineAction({
  summary:
    "Admin: removes one hall (`hallId`) or every hall from an officer; an officer left with no hall is a citizen again. An admin's own admin role is never revoked here (ops grants it), so the service keeps its admins. Repeating it is no error: `removed` says what changed (empty: nothing was left to revoke).",
  input: lazySchema(() => z.object({ openid: z.string().trim().min(1).max(64), hallId: z.optional(stableId) }).strict()),
  output: lazySchema(() => z.object({ changed: z.boolean(), removed: z.array(HallRefView), role: z.enum(['citizen', 'officer', 'admin']), halls: z.array(HallRefView) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'SERVICE_BUSY'],
  async run({ openid, hallId }, deps: IdentityDeps) {
    const admin = requireAdmin(await deps.identities.account(requireOpenid(deps)));
    for (let attempt = 0; attempt < REVOKE_ATTEMPTS; attempt++) {
      const target = await deps.identities.account(openid);
      const bound = hallsBoundTo(target);
      const removing = bound.filter((h) => hallId === undefined || h === hallId);
      if (!target || removing.length === 0) {
        return { changed: false, removed: [], role: target?.role ?? 'citizen', halls: await hallRefs(deps, bound) };
      }
      const halls = bound.filter((h) => !removing.includes(h));
      // An officer with no hall left is a citizen again; an admin stays an admin (with no hall, no officer).
      const role = target.role === 'officer' && halls.length === 0 ? 'citizen' : target.role;
      const now = deps.clock.now();
      const leads = (target.leads ?? []).filter((h) => halls.includes(h));
      if (!(await deps.identities.setOfficerDuty(openid, { role, halls, leads }, target.updatedAt, now))) continue;
      for (const h of removing) await recordAudit(deps, admin, { action: 'officer.revoke', target: openid, hallId: h });
      return { changed: true, removed: await hallRefs(deps, removing), role, halls: await hallRefs(deps, halls) };
    }
    throw new DomainError('SERVICE_BUSY');
  },
});

export const withdrawInvitation = defineAction({
  summary:
    'Admin: withdraws an officer invitation not used yet (it can no longer be accepted). Repeating it, or withdrawing one used or expired, is no error: `withdrawn` says whether this call did.',
  input: lazySchema(() => z.object({ invitationId: z.string().trim().min(1).max(128) }).strict()),
  output: lazySchema(() => z.object({ withdrawn: z.boolean() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  async run({ invitationId }, deps: IdentityDeps) {
    const admin = requireAdmin(await deps.identities.account(requireOpenid(deps)));
    const withdrawn = await deps.identities.withdrawInvitation(invitationId, admin._id, deps.clock.now());
    if (withdrawn) await recordAudit(deps, admin, { action: 'officer.withdrawInvitation', target: withdrawn.halls.join(','), hallId: withdrawn.halls[0] });
    return { withdrawn: Boolean(withdrawn) };
  },
});
