import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { parseSlotId } from '../booking/slots';
import { PRIORITY_GROUPS, PRIORITY_GROUP_IDS } from './priorityGroups';
import type { ReleaseApplicationDoc, ReleaseDraw } from './ReleaseDraw';

/** What anyone sees of a draw: nothing personal (tickets are opaque; the secret seed only once drawn). */
export const DrawView = lazySchema(() =>
  z.object({
    id: z.string(),
    hallId: z.string(),
    hallName: z.string(),
    date: z.string(),
    /** ISO instants. */
    opensAt: z.string(),
    closesAt: z.string(),
    /** 'upcoming' (window not open yet), 'open', 'closed' (waiting for the draw), 'drawing', 'done'. */
    phase: z.enum(['upcoming', 'open', 'closed', 'drawing', 'done']),
    groups: z.array(z.object({ id: z.enum(PRIORITY_GROUP_IDS), name: z.string(), verified: z.boolean() })),
    /** SHA-256 hex of "hukou-fair-release-seed:" + seed, published when applications open. */
    commitment: z.string(),
    /** Published once drawn. */
    seed: z.optional(z.string()),
    /** Once drawn: every application's ticket in draw order, with the group it was drawn in. */
    order: z.optional(z.array(z.object({ ticket: z.string(), group: z.optional(z.enum(PRIORITY_GROUP_IDS)) }))),
  }),
);
export type DrawView = z.infer<typeof DrawView>;

export function phaseOf(draw: ReleaseDraw, now: Date): DrawView['phase'] {
  if (draw.state !== 'open') return draw.state;
  if (now.getTime() < draw.opensAt.getTime()) return 'upcoming';
  return now.getTime() < draw.closesAt.getTime() ? 'open' : 'closed';
}

export function drawView(draw: ReleaseDraw, hallName: string, now: Date): DrawView {
  return {
    id: draw._id,
    hallId: draw.hallId,
    hallName,
    date: draw.date,
    opensAt: draw.opensAt.toISOString(),
    closesAt: draw.closesAt.toISOString(),
    phase: phaseOf(draw, now),
    groups: draw.groups.map((id) => ({ id, name: PRIORITY_GROUPS[id].name, verified: PRIORITY_GROUPS[id].verified })),
    commitment: draw.commitment,
    ...(draw.seed !== undefined && { seed: draw.seed }),
    ...(draw.order && { order: draw.order.map((o) => ({ ticket: o.ticket, ...(o.group && { group: o.group }) })) }),
  };
}

/** An applicant's own application and, once drawn, its result. */
export const ApplicationView = lazySchema(() =>
  z.object({
    drawId: z.string(),
    hallId: z.string(),
    date: z.string(),
    business: z.string(),
    /** The opaque ticket to find in the published order. */
    ticket: z.string(),
    preferences: z.array(z.object({ slotId: z.string(), start: z.string() })),
    group: z.optional(z.enum(PRIORITY_GROUP_IDS)),
    groupName: z.optional(z.string()),
    /** True when the group rests on the applicant's word (checked at the window). */
    groupDeclared: z.optional(z.boolean()),
    state: z.enum(['applied', 'withdrawn', 'placed', 'waiting']),
    /** Acting for a family member: their resident id. */
    forMemberId: z.optional(z.string()),
    /** 1-based place in the draw order, once drawn. */
    position: z.optional(z.int()),
    appointmentId: z.optional(z.string()),
    slot: z.optional(z.object({ slotId: z.string(), start: z.string() })),
    /** Why a place was not booked though one was free (a booking rule's error code). */
    reason: z.optional(z.string()),
  }),
);
export type ApplicationView = z.infer<typeof ApplicationView>;

const slotOf = (slotId: string) => ({ slotId, start: parseSlotId(slotId)?.start ?? '' });

export function applicationView(a: ReleaseApplicationDoc, draw: ReleaseDraw | null): ApplicationView {
  const position = draw?.order?.findIndex((o) => o.ticket === a.ticket) ?? -1;
  return {
    drawId: a.drawId,
    hallId: a.hallId,
    date: a.date,
    business: a.business,
    ticket: a.ticket,
    preferences: a.preferences.map(slotOf),
    ...(a.group && { group: a.group, groupName: PRIORITY_GROUPS[a.group].name }),
    ...(a.groupDeclared && { groupDeclared: true }),
    state: a.state,
    ...(a.subject.actedFor && { forMemberId: a.subject.actedFor }),
    ...(position >= 0 && { position: position + 1 }),
    ...(a.appointmentId && { appointmentId: a.appointmentId }),
    ...(a.slotId && { slot: slotOf(a.slotId) }),
    ...(a.reason && { reason: a.reason }),
  };
}
