import * as z from 'zod/mini';
import type { BookingDeps } from '../booking/BookingDeps';
import { parseSlotId } from '../booking/slots';
import { lazySchema } from '../function/lazySchema';
import { FIELD } from '../identity/fieldNames';
import { maskName } from '../privacy/mask';
import type { WaitEntry } from './WaitEntry';
import { WAIT_NEXT_STEP, WAIT_STATE_NAMES } from './waitlistNames';

/** A waiting-list entry as the citizen who joined it sees it: where they stand and what to do next. */
export const WaitEntryView = lazySchema(() =>
  z.object({
    id: z.string(),
    hallId: z.string(),
    hallName: z.string(),
    date: z.string(),
    business: z.string(),
    businessTitle: z.string(),
    state: z.enum(['waiting', 'offered', 'booked', 'lapsed', 'left']),
    stateName: z.string(),
    nextStep: z.string(),
    /** Masked name of who would come to the window, and whether a family member is acted for. */
    subjectNameMasked: z.string(),
    forFamilyMember: z.boolean(),
    /** While waiting: how many wait before them for this hall-day and business. */
    ahead: z.optional(z.int()),
    /** The version to pass back when accepting or leaving. */
    version: z.int(),
    /**
     * When offered: the slot held for the caller, until when (ISO) and how many seconds that is from
     * now on the server's clock (a phone's own clock may be wrong: the page counts down from this).
     */
    offer: z.optional(z.object({ slotId: z.string(), start: z.string(), until: z.string(), secondsLeft: z.int() })),
    appointmentId: z.optional(z.string()),
  }),
);
export type WaitEntryView = z.infer<typeof WaitEntryView>;

/** Shapes an entry for its citizen; `ahead` (place in line) is counted only for waiting entries and only when asked. */
export async function waitEntryView(e: WaitEntry, deps: Pick<BookingDeps, 'guides' | 'secrets' | 'waitlist' | 'clock'>, withPlace = false): Promise<WaitEntryView> {
  const [hall, guide, ahead] = await Promise.all([
    deps.guides.hall(e.hallId),
    deps.guides.guide(e.business),
    withPlace && e.state === 'waiting' ? deps.waitlist.ahead(e) : undefined,
  ]);
  return {
    id: e._id,
    hallId: e.hallId,
    hallName: hall?.name ?? e.hallId,
    date: e.date,
    business: e.business,
    businessTitle: guide?.title ?? e.business,
    state: e.state,
    stateName: WAIT_STATE_NAMES[e.state],
    nextStep: WAIT_NEXT_STEP[e.state],
    subjectNameMasked: maskName(deps.secrets.decrypt(e.subject.nameEnc, FIELD.name)),
    forFamilyMember: Boolean(e.subject.actedFor),
    ...(ahead !== undefined ? { ahead } : {}),
    version: e.version,
    ...(e.state === 'offered' && e.offer
      ? {
          offer: {
            slotId: e.offer.slotId,
            start: parseSlotId(e.offer.slotId)?.start ?? '',
            until: e.offer.until.toISOString(),
            secondsLeft: Math.max(0, Math.floor((e.offer.until.getTime() - deps.clock.now().getTime()) / 1000)),
          },
        }
      : {}),
    ...(e.appointmentId ? { appointmentId: e.appointmentId } : {}),
  };
}
