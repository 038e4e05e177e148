import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { BookingDeps } from '../BookingDeps';
import { bookableDates, bookingOpen, slotsOn } from '../slots';
import { SlotView, closedReason } from '../views';
import { DateInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';
import { withEditedHours } from '../../hallDuty/hallHoursOverlay';

export const bookingOptions = defineAction({
  summary:
    "Halls that take bookings for a business, and the dates open for booking now (each hall's closed dates as of the function's guide snapshot, at most a minute old; availability, which lists the slots, reads the hours as stored now).",
  input: lazySchema(() => z.strictObject({ business: stableId })),
  output: lazySchema(() =>
    z.object({
      /** Per hall, the dates of `dates` on which it has no slot, with why (shown closed, not choosable). */
      halls: z.array(
        z.object({ id: z.string(), name: z.string(), city: z.string(), address: z.string(), closedDates: z.array(z.object({ date: z.string(), reason: z.string() })) }),
      ),
      dates: z.array(z.string()),
    }),
  ),
  errors: [],
  async run({ business }, deps: BookingDeps) {
    const halls = await deps.guides.hallsHandling(business);
    const withSchedules = await Promise.all(halls.map(async (h) => ({ h, s: await deps.booking.schedule(h._id) })));
    const open = withSchedules.filter(({ s }) => s?.businesses.includes(business));
    const dates = open.length ? bookableDates(open[0].s!, deps.clock.now()) : [];
    const closedDates = (h: (typeof open)[number]['h'], s: NonNullable<(typeof open)[number]['s']>) =>
      dates.flatMap((date) => {
        const reason = closedReason(h, s, date, deps.calendar);
        return reason ? [{ date, reason }] : [];
      });
    return { halls: open.map(({ h, s }) => ({ id: h._id, name: h.name, city: h.city, address: h.address, closedDates: closedDates(h, s!) })), dates };
  },
});

export const availability = defineAction({
  summary: "A hall's slots on a date with the places left: the schedule, merged with one indexed query of that day's slot counts.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, business: stableId, date: DateInput })),
  output: lazySchema(() =>
    z.object({ hallId: z.string(), date: z.string(), closedReason: z.optional(z.string()), releaseDraw: z.optional(z.boolean()), slots: z.array(SlotView) }),
  ),
  errors: ['HALL_NOT_FOUND', 'BUSINESS_NOT_BOOKABLE'],
  async run({ hallId, business, date }, deps: BookingDeps) {
    // The hall's hours as stored now (an edit applies at once), read beside the day's slot counts.
    const [snapshot, schedule, edited] = await Promise.all([deps.guides.hall(hallId), deps.booking.schedule(hallId), deps.hallDuty.hours(hallId)]);
    if (!snapshot) throw new DomainError('HALL_NOT_FOUND');
    if (!schedule || !schedule.businesses.includes(business)) throw new DomainError('BUSINESS_NOT_BOOKABLE');
    const hall = withEditedHours(snapshot, edited);
    const plans = slotsOn(hall, schedule, date, deps.calendar);
    const stored = new Map((await deps.booking.slots(hallId, date)).map((s) => [s._id, s]));
    const now = deps.clock.now();
    const slots = plans.map((p) => {
      const s = stored.get(p.slotId);
      const capacity = s?.capacity ?? p.capacity;
      const remaining = Math.max(0, capacity - (s?.booked ?? 0));
      const open = bookingOpen(p, schedule, now);
      const state = open === 'past' ? open : s?.releaseDraw ? ('draw' as const) : open !== 'open' ? open : remaining === 0 ? ('full' as const) : ('open' as const);
      return { slotId: p.slotId, start: p.start, end: p.end, capacity, remaining, state };
    });
    // A hall-day released by draw (issue 17): the booking page links to the draw instead.
    const releaseDraw = slots.some((s) => s.state === 'draw');
    return { hallId, date, closedReason: closedReason(hall, schedule, date, deps.calendar, plans), ...(releaseDraw && { releaseDraw }), slots };
  },
});
