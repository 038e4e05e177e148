import * as z from 'zod/mini';
import { DomainError } from '../../errors/DomainError';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import type { Account } from '../../identity/Account';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { requireActingForHall, requireLeadOfHall } from '../../identity/hallAccess';
import { mayLeadHall } from '../../identity/hallLead';
import { recordAudit } from '../../identity/recordAudit';
import type { HomeVisit } from '../HomeVisit';
import type { HomeVisitDeps } from '../HomeVisitDeps';
import type { HomeVisitCommand } from '../fire';
import { HOME_VISIT_LIMITS, HOME_VISIT_STATES, isOpenHomeVisit, OPEN_HOME_VISIT_STATES } from '../homeVisitNames';
import { hallOrder } from '../hallOrder';
import { leadOnly } from '../homeVisitStates';
import { HomeVisitView } from '../views';
import { ExpectedVersion, HomeVisitId, step, Text, viewOf, viewsOf } from './shared';

const HALL_LIMIT = 100;

const Clock = lazySchema(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)));
const WindowInput = lazySchema(() => z.strictObject({ date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), from: Clock, to: Clock }));
const Officers = lazySchema(() => z.array(Text(HOME_VISIT_LIMITS.officerName.max)).check(z.maxLength(HOME_VISIT_LIMITS.officers.max * 2)));

/**
 * The visit, when the caller acts for its hall (bound and verified) and, for `lead`, leads it (the
 * hall's lead, or an admin bound to it): they see the street and phone in full, so a lead of no
 * hall of theirs is refused too. HOME_VISIT_NOT_FOUND, OFFICER_NOT_VERIFIED or FORBIDDEN otherwise.
 */
async function loadForHall(deps: HomeVisitDeps, visitId: string, lead: boolean): Promise<{ v: HomeVisit; account: Account }> {
  const account = await deps.identities.account(requireOpenid(deps));
  const v = await deps.homeVisits.get(visitId);
  if (!v) throw new DomainError('HOME_VISIT_NOT_FOUND');
  requireActingForHall(account, v.hallId);
  if (lead) requireLeadOfHall(account, v.hallId);
  return { v: v, account: account! };
}

const audited = (deps: HomeVisitDeps, account: Account, v: HomeVisit, action: string) =>
  recordAudit(deps, account, { action: `homeVisit.${action}`, target: v._id, hallId: v.hallId, ...(v.actedFor && { actedFor: v.actedFor }) });

/** What the citizen is told of a hall-side step (assign, reschedule, refuse); nothing for marking one done. */
function tell(deps: HomeVisitDeps, next: HomeVisit, command: HomeVisitCommand, businessTitle: string): Promise<void> | undefined {
  const notice = { visitId: next._id, businessTitle };
  if ((command.event === 'assign' || command.event === 'reschedule') && next.window)
    return deps.homeVisitNotifier.scheduled(next.requesterOpenid, { ...notice, window: next.window, rescheduled: command.event === 'reschedule' });
  if (command.event === 'refuse') return deps.homeVisitNotifier.refused(next.requesterOpenid, { ...notice, reason: command.reason.trim(), at: next.updatedAt });
  return undefined;
}

/**
 * A hall-side step: only a lead's for a lead (leadOnly), fired on the version seen, audited, and
 * told to the citizen (assign, reschedule, refuse); `notified` says whether WeChat took the message.
 */
async function hallStep(deps: HomeVisitDeps, visitId: string, expectedVersion: number, command: HomeVisitCommand) {
  const { v, account } = await loadForHall(deps, visitId, leadOnly(command.event));
  const next = await step(deps, v, command, 'hall', expectedVersion);
  await audited(deps, account, next, command.event);
  const shown = await viewOf(deps, next, 'hall', undefined, mayLeadHall(account, next.hallId));
  const told = tell(deps, next, command, shown.businessTitle);
  if (!told) return { ...shown, notified: false };
  const notified = await told.then(
    () => true,
    () => false,
  );
  return { ...shown, notified };
}

const Stepped = lazySchema(() => z.extend(HomeVisitView, { notified: z.boolean() }));
const LEAD_ERRORS = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OFFICER_NOT_VERIFIED',
  'HOME_VISIT_NOT_FOUND',
  'HOME_VISIT_STATE_CONFLICT',
  'HOME_VISIT_VERSION_CONFLICT',
  'HOME_VISIT_INVALID',
] as const;

export const hallHomeVisits = defineAction({
  summary:
    "The hall's officers (its lead among them): the hall's home-visit requests in these states (default: the open ones), at most 100, in the order they are worked through (arranged visits by time, then requests oldest first, then closed ones newest first), with the person's name, street and phone in full for the visit, and the steps this officer may take (a lead's only to the lead). Audited (personal data read).",
  input: lazySchema(() => z.strictObject({ hallId: stableId, states: z.optional(z.array(z.enum(HOME_VISIT_STATES)).check(z.minLength(1), z.maxLength(6))) })),
  output: lazySchema(() => z.object({ hallId: z.string(), visits: z.array(HomeVisitView) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run({ hallId, states }, deps: HomeVisitDeps) {
    const account = requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
    const wanted = states ?? OPEN_HOME_VISIT_STATES;
    const visits = await deps.homeVisits.ofHall(hallId, wanted, HALL_LIMIT, wanted.some(isOpenHomeVisit) ? 'oldest' : 'newest');
    if (visits.length) await recordAudit(deps, account, { action: 'homeVisit.hallList', target: hallId, hallId, purpose: '安排上门服务' });
    return { hallId, visits: await viewsOf(deps, hallOrder(visits), 'hall', mayLeadHall(account, hallId)) };
  },
});

export const assignHomeVisit = defineAction({
  summary:
    "The hall's lead (or an admin bound to the hall): name 1–3 officers (display names) and a time window for a requested visit; the citizen is told (subscribe message) and confirms. Audited.",
  input: lazySchema(() => z.strictObject({ visitId: HomeVisitId, expectedVersion: ExpectedVersion, officers: Officers, window: WindowInput })),
  output: Stepped,
  errors: [...LEAD_ERRORS],
  idempotent: 'optional',
  run: ({ visitId, expectedVersion, officers, window }, deps: HomeVisitDeps) => hallStep(deps, visitId, expectedVersion, { event: 'assign', officers, window }),
});

export const rescheduleHomeVisit = defineAction({
  summary:
    "The hall's lead (or an admin bound to the hall): move an assigned or confirmed visit to a new time window (and other officers, if given); it waits for the citizen's confirmation again, and they are told. Audited.",
  input: lazySchema(() => z.strictObject({ visitId: HomeVisitId, expectedVersion: ExpectedVersion, window: WindowInput, officers: z.optional(Officers) })),
  output: Stepped,
  errors: [...LEAD_ERRORS],
  idempotent: 'optional',
  run: ({ visitId, expectedVersion, window, officers }, deps: HomeVisitDeps) =>
    hallStep(deps, visitId, expectedVersion, { event: 'reschedule', window, ...(officers && { officers }) }),
});

export const refuseHomeVisit = defineAction({
  summary: "The hall's lead (or an admin bound to the hall): refuse an open request with a reason the citizen reads (e.g. the business needs the person at the hall). Audited.",
  input: lazySchema(() => z.strictObject({ visitId: HomeVisitId, expectedVersion: ExpectedVersion, reason: Text(HOME_VISIT_LIMITS.refusal.max) })),
  output: Stepped,
  errors: [...LEAD_ERRORS],
  idempotent: 'optional',
  run: ({ visitId, expectedVersion, reason }, deps: HomeVisitDeps) => hallStep(deps, visitId, expectedVersion, { event: 'refuse', reason }),
});

export const completeHomeVisit = defineAction({
  summary: 'An officer of the hall (the ones who went, or its lead): mark a confirmed visit done. Audited.',
  input: lazySchema(() => z.strictObject({ visitId: HomeVisitId, expectedVersion: ExpectedVersion })),
  output: Stepped,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HOME_VISIT_NOT_FOUND', 'HOME_VISIT_STATE_CONFLICT', 'HOME_VISIT_VERSION_CONFLICT'],
  idempotent: 'optional',
  run: ({ visitId, expectedVersion }, deps: HomeVisitDeps) => hallStep(deps, visitId, expectedVersion, { event: 'complete' }),
});
