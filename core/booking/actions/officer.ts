import * as z from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireActingForHall } from '../../identity/hallAccess';
import { requireOpenid } from '../../identity/caller';
import { addDays, shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../BookingDeps';
import { slotsOn } from '../slots';
import { AppointmentView, appointmentView } from '../views';
import { DateInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

async function requireOfficerOf(deps: BookingDeps, hallId: string) {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

/** Listed on an officer's day (and counted from the list); cancelled ones are only counted. */
const LISTED = ['booked', 'checkedIn', 'noShow'] as const;

export const hallDay = defineAction({
  summary:
    "Officer: a hall's day — every appointment still to serve or served (booked, checked in, no-show) by slot, and counts per business and status (cancelled ones only counted); two reads of the day, however many businesses.",
  input: lazySchema(() => z.object({ hallId: stableId, date: DateInput.optional() }).strict()),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      date: z.string(),
      slots: z.array(z.object({ start: z.string(), end: z.string(), appointments: z.array(AppointmentView) })),
      byBusiness: z.array(
        z.object({ business: z.string(), title: z.string(), booked: z.number().int(), checkedIn: z.number().int(), noShow: z.number().int(), cancelled: z.number().int() }),
      ),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run({ hallId, date }, deps: BookingDeps) {
    await requireOfficerOf(deps, hallId);
    const day = date ?? shanghaiDate(deps.clock.now());
    // Paged through to the end, so it counts the listed ones; cancelled ones (which a churning
    // citizen can multiply) are only counted, from a read of their businesses beside it.
    const cancelledOf = deps.booking.cancelledOfHallDay(hallId, day);
    cancelledOf.catch(() => undefined); // awaited below; not unhandled if the list fails first
    const list = await deps.booking.appointmentsOfHallDay(hallId, day, LISTED);
    const views = await Promise.all(list.map((a) => appointmentView(a, deps)));
    const starts = [...new Set(views.map((v) => `${v.start}-${v.end}`))].sort();
    const slots = starts.map((k) => {
      const [start, end] = k.split('-');
      return { start, end, appointments: views.filter((v) => v.start === start) };
    });
    const [schedule, cancelled] = await Promise.all([deps.booking.schedule(hallId), cancelledOf]);
    const businesses = [...new Set([...(schedule?.businesses ?? []), ...views.map((v) => v.business), ...Object.keys(cancelled)])];
    const byBusiness = await Promise.all(
      businesses.map(async (b) => {
        const [booked, checkedIn, noShow] = LISTED.map((s) => list.filter((a) => a.business === b && a.status === s).length);
        const title = views.find((v) => v.business === b)?.businessTitle ?? (await deps.guides.guide(b))?.title ?? b;
        return { business: b, title, booked, checkedIn, noShow, cancelled: cancelled[b] ?? 0 };
      }),
    );
    return { hallId, date: day, slots, byBusiness: byBusiness.filter((x) => x.booked + x.checkedIn + x.noShow + x.cancelled > 0) };
  },
});

export const hallWeek = defineAction({
  summary: 'Officer: bookings per slot for the next 7 days against capacity, to roster officers.',
  input: lazySchema(() => z.object({ hallId: stableId }).strict()),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ start: z.string(), end: z.string(), capacity: z.number().int(), booked: z.number().int() })) })),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND'],
  async run({ hallId }, deps: BookingDeps) {
    await requireOfficerOf(deps, hallId);
    const hall = await deps.guides.hall(hallId);
    const schedule = await deps.booking.schedule(hallId);
    if (!hall || !schedule) throw new DomainError('HALL_NOT_FOUND');
    const today = shanghaiDate(deps.clock.now());
    const days = await Promise.all(
      Array.from({ length: 7 }, (_, i) => addDays(today, i)).map(async (date) => {
        const stored = new Map((await deps.booking.slots(hallId, date)).map((s) => [s._id, s]));
        const slots = slotsOn(hall, schedule, date, deps.calendar).map((p) => ({
          start: p.start,
          end: p.end,
          capacity: stored.get(p.slotId)?.capacity ?? p.capacity,
          booked: stored.get(p.slotId)?.booked ?? 0,
        }));
        return { date, slots };
      }),
    );
    return { hallId, days };
  },
});
