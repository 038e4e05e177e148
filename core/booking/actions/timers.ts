import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { addDays, shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../BookingDeps';
import { endAppointment } from '../endAppointment';
import { lazySchema } from '../../function/lazySchema';
import { releasedThrough, slotsOn } from '../slots';

const BATCH = 200;

export const markNoShows = defineAction({
  summary: 'Timer only (nightly): appointments still booked after their day closed become no-shows (the business frees up; the day and week stay used).',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ marked: z.int() })),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const today = shanghaiDate(deps.clock.now());
    let marked = 0;
    // Each pass ends what it read, so the next query sees the rest; a few passes per run at most.
    for (let pass = 0; pass < 20; pass++) {
      const due = await deps.booking.bookedBefore(today, BATCH);
      for (const a of due) if (await endAppointment(deps, a, { status: 'noShow', endedBy: 'noShowSweep' })) marked++;
      if (due.length < BATCH) break;
    }
    return { marked };
  },
});

export const sendReminders = defineAction({
  summary: 'Timer only (daily, afternoon): reminds everyone booked for tomorrow, once each (compare-and-set on the reminder).',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ reminded: z.int(), failed: z.int() })),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const now = deps.clock.now();
    const tomorrow = addDays(shanghaiDate(now), 1);
    let reminded = 0;
    let failed = 0;
    for (const a of await deps.booking.unremindedOn(tomorrow, 1000)) {
      if (!(await deps.booking.changeStatus(a._id, 'booked', { remindedAt: now }))) continue;
      const [hall, guide] = await Promise.all([deps.guides.hall(a.hallId), deps.guides.guide(a.business)]);
      try {
        await deps.notifier.remindAppointment(a.actorOpenid, {
          hallName: hall?.name ?? a.hallId,
          businessTitle: guide?.title ?? a.business,
          date: a.date,
          start: a.start,
          end: a.end,
        });
        reminded++;
      } catch {
        // A citizen who declined the subscription cannot be messaged; that is not an error of ours.
        failed++;
      }
    }
    return { reminded, failed };
  },
});

/** Longer than any booking takes between its place and its insert (the function times out at 30 s). */
const QUIET_MS = 5 * 60_000;

export const reconcileSlots = defineAction({
  summary:
    'Timer only (every 15 min): repairs what a crash or a lost answer left behind in a multi-step write — places held by no booked or checked-in appointment, and claims no appointment should hold any more (missing, cancelled, or ended for the business). Only slots quiet for 5 minutes are touched, each by compare-and-set.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ slotsChecked: z.int(), placesReturned: z.int(), claimsReleased: z.int() })),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const now = deps.clock.now();
    const quietSince = new Date(now.getTime() - QUIET_MS);
    const slots = await deps.booking.quietSlots(shanghaiDate(now), quietSince, 50 * BATCH);
    let placesReturned = 0;
    for (const slot of slots) {
      const holding = await deps.booking.holdingIn(slot._id);
      const holds = Object.keys(slot.holds ?? {}).length;
      if (slot.holders) {
        // A place held by no booked or checked-in appointment (never inserted, or ended and not given back).
        // A count already below its holders and holds (issue 17's offers) is not lowered further:
        // a place given back from it would be taken by the public while an offer holds it.
        const held = new Set(holding);
        const belowItsHolders = slot.booked < slot.holders.length + holds;
        for (const holder of belowItsHolders ? [] : slot.holders) if (!held.has(holder) && (await deps.booking.releasePlace(slot._id, holder))) placesReturned++;
      } else {
        // Slots stored before places had holders: only ever gives places back (a count below the
        // appointments would overbook), and never the places held for waiting-list offers (issue 17:
        // `booked` counts them too).
        const kept = holding.length + holds;
        if (kept < slot.booked && (await deps.booking.correctPlaces(slot._id, slot.booked, kept))) placesReturned += slot.booked - kept;
      }
    }
    // Claims no appointment should hold any more (the store pages through all old claims to find them).
    const stale = await deps.booking.staleClaims(quietSince, 10 * BATCH);
    const owners = new Map<string, string[]>();
    for (const c of stale) owners.set(c.appointmentId, [...(owners.get(c.appointmentId) ?? []), c.id]);
    for (const [appointmentId, ids] of owners) await deps.booking.releaseClaims(ids, appointmentId);
    return { slotsChecked: slots.length, placesReturned, claimsReleased: stale.length };
  },
});

/** How far ahead of a release the slots of the day it opens are created (the timer runs hourly). */
export const OPEN_SLOTS_AHEAD_MS = 2 * 60 * 60_000;

export const openSlots = defineAction({
  summary:
    "Timer only (hourly): creates, empty, the slots of the day each hall releases within the next two hours (one read and one insert per hall), so the release-time burst's first bookers each take a place with one conditional update instead of racing to create the slot. A slot missing anyway is still created by its first booking.",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ halls: z.int(), slotsCreated: z.int() })),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const soon = new Date(deps.clock.now().getTime() + OPEN_SLOTS_AHEAD_MS);
    let halls = 0;
    let slotsCreated = 0;
    for (const hall of await deps.guides.halls()) {
      const schedule = await deps.booking.schedule(hall._id);
      if (!schedule) continue;
      halls++;
      // Released by then: the day the next release opens (or, after it, the newest day, whose slots may exist already).
      const plans = slotsOn(hall, schedule, releasedThrough(schedule, soon), deps.calendar);
      if (plans.length) slotsCreated += await deps.booking.openSlots(plans);
    }
    return { halls, slotsCreated };
  },
});
