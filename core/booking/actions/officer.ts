import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireActingForHall } from '../../identity/hallAccess';
import { requireOpenid } from '../../identity/caller';
import { addDays, shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../BookingDeps';
import { slotsOn } from '../slots';
import { AppointmentView, appointmentView } from '../views';
import { HandoverAtWindowView, handoverAtWindowOf } from '../../business/handoverAtWindow';
import { DateInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

async function requireOfficerOf(deps: BookingDeps, hallId: string) {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

/** Listed on an officer's day; cancelled ones are only counted. */
const LISTED = ['booked', 'checkedIn', 'noShow'] as const;
/** Appointments per page of an officer's day (a busy hall's day is about 300: three pages). */
export const HALL_DAY_PAGE = 100;

/** An appointment of the day, with the business application it is the hall handover of (issue 15), if any: the window has the file before the citizen arrives. */
const DayAppointment = lazySchema(() => z.extend(AppointmentView, { application: z.optional(HandoverAtWindowView) }));
const Slot = lazySchema(() => z.object({ start: z.string(), end: z.string(), appointments: z.array(DayAppointment) }));
const BusinessCounts = lazySchema(() =>
  z.object({
    business: z.string(),
    title: z.string(),
    booked: z.int(),
    checkedIn: z.int(),
    noShow: z.int(),
    cancelled: z.int(),
  }),
);

export const hallDay = defineAction({
  summary:
    "Officer: a hall's day — the appointments still to serve or served (booked, checked in, no-show) by slot, 100 a page in time order (`next`, absent on the last page, is the `cursor` of the next; a slot may go on over the next page), and on the first page the counts per business and status (cancelled ones only counted), from one read of the day's businesses and statuses.",
  input: lazySchema(() =>
    z.strictObject({
      hallId: stableId,
      date: z.optional(DateInput),
      cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(300), z.regex(/^[A-Za-z0-9_-]+$/))),
    }),
  ),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      date: z.string(),
      slots: z.array(Slot),
      /** On the first page only (no `cursor`). */
      byBusiness: z.optional(z.array(BusinessCounts)),
      next: z.optional(z.string()),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run({ hallId, date, cursor }, deps: BookingDeps) {
    await requireOfficerOf(deps, hallId);
    const day = date ?? shanghaiDate(deps.clock.now());
    // The first page also counts the whole day (cancelled ones, which a churning citizen can
    // multiply, only counted), from a read of its businesses and statuses beside the page.
    const countsOf = cursor ? undefined : deps.booking.countsOfHallDay(hallId, day);
    countsOf?.catch(() => undefined); // awaited below; not unhandled if the page fails first
    const page = await deps.booking.appointmentsOfHallDay(hallId, day, LISTED, HALL_DAY_PAGE, cursor);
    const [views, handovers] = await Promise.all([Promise.all(page.items.map((a) => appointmentView(a, deps))), deps.handovers.forAppointments(page.items.map((a) => a._id))]);
    const attached = new Map(handovers.flatMap((h) => (h.handover?.kind === 'hall' ? [[h.handover.appointmentId, h] as const] : [])));
    const listed = views.map((v, i) => {
      const application = handoverAtWindowOf(attached.get(page.items[i]._id) ?? null, page.items[i]);
      return application ? { ...v, application } : v;
    });
    const slots: z.infer<typeof Slot>[] = [];
    for (const v of listed) {
      const last = slots[slots.length - 1];
      if (last?.start === v.start) last.appointments.push(v);
      else slots.push({ start: v.start, end: v.end, appointments: [v] });
    }
    const more = page.next ? { next: page.next } : {};
    if (!countsOf) return { hallId, date: day, slots, ...more };
    const [schedule, counts] = await Promise.all([deps.booking.schedule(hallId), countsOf]);
    const businesses = [...new Set([...(schedule?.businesses ?? []), ...Object.keys(counts)])];
    const byBusiness = await Promise.all(
      businesses.map(async (b) => {
        const c = counts[b] ?? {};
        const title = views.find((v) => v.business === b)?.businessTitle ?? (await deps.guides.guide(b))?.title ?? b;
        return { business: b, title, booked: c.booked ?? 0, checkedIn: c.checkedIn ?? 0, noShow: c.noShow ?? 0, cancelled: c.cancelled ?? 0 };
      }),
    );
    return { hallId, date: day, slots, byBusiness: byBusiness.filter((x) => x.booked + x.checkedIn + x.noShow + x.cancelled > 0), ...more };
  },
});

export const hallWeek = defineAction({
  summary: 'Officer: bookings per slot for the next 7 days against capacity, to roster officers.',
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ start: z.string(), end: z.string(), capacity: z.int(), booked: z.int() })) })),
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
