import * as z from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { maskName } from '../../privacy/mask';
import { addDays, shanghaiInstant } from '../../time/shanghai';
import type { Account } from '../Account';
import { OPS_ACTOR_PREFIX, type AuditEntry, type AuditQuery } from '../AuditEntry';
import { AUDIT_ROLE_NAMES, auditActionName, auditPurposeName } from '../auditActionNames';
import { requireOpenid } from '../caller';
import { FIELD } from '../fieldNames';
import { requireVerified } from '../callerAccount';
import { auditScope, refusalOf } from '../hallAccess';
import { accountLabel } from '../accountLabel';
import type { IdentityDeps } from '../IdentityDeps';
import { AuditEntryView } from '../views';
import { lazySchema } from '../../function/lazySchema';

const ShanghaiDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

export const auditLog = defineAction({
  summary:
    'The audit log, newest first, in Chinese (action, hall and masked actor names), filtered by action, hall, actor and Shanghai dates (from/to inclusive), a page at a time. An admin reads every record; an officer only those of their halls (another hall: FORBIDDEN).',
  input: lazySchema(() =>
    z
      .object({
        limit: z.number().int().min(1).max(200).default(20),
        offset: z.number().int().min(0).max(10_000).default(0),
        action: z.string().min(1).max(64).optional(),
        hallId: z.optional(stableId),
        actor: z.string().min(1).max(64).optional(),
        from: ShanghaiDate.optional(),
        to: ShanghaiDate.optional(),
      })
      .strict(),
  ),
  output: lazySchema(() => z.object({ entries: z.array(AuditEntryView), hasMore: z.boolean(), nextOffset: z.number().int().optional() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'INVALID_INPUT'],
  async run(input, deps: IdentityDeps) {
    const account = await deps.identities.account(requireOpenid(deps));
    const scope = auditScope(account);
    if (!scope) throw refusalOf(account);
    if (input.hallId && scope !== 'all' && !scope.includes(input.hallId)) throw new DomainError('FORBIDDEN');
    if (input.from && input.to && input.from > input.to) throw new DomainError('INVALID_INPUT', '开始日期不能晚于结束日期');
    const query: AuditQuery = {
      offset: input.offset,
      // One more than asked: whether another page follows.
      limit: input.limit + 1,
      ...(input.hallId ? { halls: [input.hallId] } : scope !== 'all' ? { halls: scope } : {}),
      ...(input.action ? { action: input.action } : {}),
      ...(input.actor ? { actorOpenid: input.actor } : {}),
      ...(input.from ? { from: shanghaiInstant(input.from) } : {}),
      ...(input.to ? { to: shanghaiInstant(addDays(input.to, 1)) } : {}),
    };
    const found = await deps.audit.query(query);
    const page = found.slice(0, input.limit);
    const hasMore = found.length > input.limit;
    const entries = await describe(deps, page);
    return { entries, hasMore, ...(hasMore ? { nextOffset: input.offset + input.limit } : {}) };
  },
});

/** How many of their latest audited acts a citizen is shown on the family page. */
const OWN_ACTS_SHOWN = 30;

export const myActsFor = defineAction({
  summary: "The caller's own acts for family members (代办记录: bookings, moves, cancellations, applications for them), newest first, as the audit log has them.",
  input: lazySchema(() => z.object({}).strict()),
  output: lazySchema(() => z.object({ entries: z.array(AuditEntryView) })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run(_input, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    // Adding or removing a member is not an act for them: the family list shows that.
    const acts = (await deps.audit.query({ actorOpenid: account._id, offset: 0, limit: 100 })).filter((r) => r.actedFor && !r.action.startsWith('family.'));
    return { entries: await describe(deps, acts.slice(0, OWN_ACTS_SHOWN)) };
  },
});

/** Officer acts whose target is a list of hall ids (shown by name). */
const TARGETS_HALLS = new Set(['officer.invite', 'officer.bind', 'officer.withdrawInvitation']);
/** Officer acts whose target is another account (shown masked). */
const TARGETS_ACCOUNT = new Set(['officer.revoke']);

/** Records as people read them: names instead of ids, each actor's and hall's looked up once. */
async function describe(deps: IdentityDeps, records: Array<AuditEntry & { _id: string }>): Promise<AuditEntryView[]> {
  const invitedHalls = records.filter((r) => TARGETS_HALLS.has(r.action)).flatMap((r) => r.target.split(','));
  const hallIds = [...new Set([...records.flatMap((r) => (r.hallId ? [r.hallId] : [])), ...invitedHalls])];
  const halls = hallIds.length ? await deps.identities.hallNames(hallIds) : {};
  const actors = new Map<string, Promise<Actor>>();
  const actorOf = (openid: string) => {
    let known = actors.get(openid);
    if (!known) actors.set(openid, (known = actorDetails(deps, openid)));
    return known;
  };
  return Promise.all(
    records.map(async (r): Promise<AuditEntryView> => {
      const actor = await actorOf(r.actorOpenid);
      const actedForName = r.actedFor ? (r.actedForName ?? actor.family.get(r.actedFor) ?? '家人') : undefined;
      const acting = r.role === 'citizen' && actedForName && r.action !== 'family.add' && r.action !== 'family.remove';
      const who = `${AUDIT_ROLE_NAMES[r.role]} ${actor.name}`;
      const targetLabel = TARGETS_HALLS.has(r.action)
        ? r.target
            .split(',')
            .map((id) => halls[id] ?? id)
            .join('、')
        : TARGETS_ACCOUNT.has(r.action)
          ? `对象：${(await actorOf(r.target)).name}`
          : undefined;
      return {
        id: r._id,
        action: r.action,
        actionName: auditActionName(r.action),
        role: r.role,
        actorId: r.actorOpenid,
        actorLabel: acting ? `${who} 代 ${actedForName}` : who,
        ...(r.hallId ? { hallId: r.hallId, hallName: halls[r.hallId] ?? r.hallId } : {}),
        target: r.target,
        ...(targetLabel ? { targetLabel } : {}),
        ...(actedForName ? { actedForName } : {}),
        at: r.at.toISOString(),
        ...(r.clientIp ? { clientIp: r.clientIp } : {}),
        ...(r.purpose ? { purpose: r.purpose, purposeName: auditPurposeName(r.purpose) } : {}),
        ...(r.change ? { change: { before: r.change.before, after: r.change.after } } : {}),
      };
    }),
  );
}

interface Actor {
  /** Masked name, or a short reference to the account when it holds no verified identity. */
  name: string;
  /** Masked names of the family members the account acts for, by resident id. */
  family: Map<string, string>;
}

async function actorDetails(deps: IdentityDeps, openid: string): Promise<Actor> {
  if (openid.startsWith(OPS_ACTOR_PREFIX)) return { name: `（运维命令，操作人 ${openid.slice(OPS_ACTOR_PREFIX.length)}）`, family: new Map() };
  const account: Account | null = await deps.identities.account(openid);
  const name = accountLabel(deps.secrets, openid, account);
  const links = account?.identity ? await deps.identities.familyLinks(openid) : [];
  return { name, family: new Map(links.map((l) => [l.memberResidentId, maskName(deps.secrets.decrypt(l.memberNameEnc, FIELD.name))])) };
}
