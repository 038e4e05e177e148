import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../caller';
import { hallsBoundTo, requireAdmin } from '../hallAccess';
import { type IdentityDeps } from '../IdentityDeps';
import { recordAudit } from '../recordAudit';
import { lazySchema } from '../../function/lazySchema';

/** How many times the grant re-reads the account when it changed meanwhile. */
const ATTEMPTS = 3;

export const setHallLead = defineAction({
  summary:
    "Admin: makes an officer of a hall its lead (大厅负责人: edits the hall's special hours and duty roster, issue 16), or takes it back (`lead: false`). The officer must work at the hall (an invitation binds them first); a lead who loses the hall stops leading it. Repeating it is no error: `changed` says whether this call did; each change is audited (officer.lead / officer.unlead).",
  input: lazySchema(() => z.strictObject({ openid: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)), hallId: stableId, lead: z.boolean() })),
  output: lazySchema(() => z.object({ changed: z.boolean(), leads: z.array(z.string()) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_IN_HALL', 'SERVICE_BUSY'],
  async run({ openid, hallId, lead }, deps: IdentityDeps) {
    const admin = requireAdmin(await deps.identities.account(requireOpenid(deps)));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const target = await deps.identities.account(openid);
      const leads = target?.leads ?? [];
      if (lead && (!target || !hallsBoundTo(target).includes(hallId))) throw new DomainError('OFFICER_NOT_IN_HALL');
      if (!target || leads.includes(hallId) === lead) return { changed: false, leads };
      const next = lead ? [...leads, hallId] : leads.filter((h) => h !== hallId);
      if (!(await deps.identities.setOfficerDuty(openid, { role: target.role, halls: target.halls, leads: next }, target.updatedAt, deps.clock.now()))) continue;
      await recordAudit(deps, admin, { action: lead ? 'officer.lead' : 'officer.unlead', target: openid, hallId });
      return { changed: true, leads: next };
    }
    throw new DomainError('SERVICE_BUSY');
  },
});
