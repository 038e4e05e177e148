import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireActingForHall } from '../../identity/hallAccess';
import { requireOpenid } from '../../identity/IdentityDeps';
import { addDays, shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../BookingDeps';
import { slotsOn } from '../slots';
import { AppointmentView, appointmentView } from '../views';

async function requireOfficerOf(deps: BookingDeps, hallId: string) {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

const DateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const hallDay = defineAction({
  summary: "Officer: a hall's day — appointments by slot with status, and counts per business and status.",
  input: z.object({ hallId: stableId, date: DateInput.optional() }).strict(),
  output: z.object({
    hallId: z.string(),
    date: z.string(),
    slots: z.array(z.object({ start: z.string(), end: z.string(), appointments: z.array(AppointmentView) })),
    byBusiness: z.array(z.object({ business: z.string(), title: z.string(), booked: z.number().int(), checkedIn: z.number().int(), noShow: z.number().int(), cancelled: z.number().int() })),
  }),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  async run({ hallId, date }, deps: BookingDeps) {
    await requireOfficerOf(deps, hallId);
    const day = date ?? shanghaiDate(deps.clock.now());
    const list = await deps.booking.appointmentsOfHall(hallId, day, day);
    const views = await Promise.all(list.map((a) => appointmentView(a, deps)));
    const starts = [...new Set(views.map((v) => `${v.start}-${v.end}`))].sort();
    const slots = starts.map((k) => {
      const [start, end] = k.split('-');
      return { start, end, appointments: views.filter((v) => v.start === start) };
    });
    const businesses = [...new Set(views.map((v) => v.business))];
    const byBusiness = businesses.map((b) => {
      const of = views.filter((v) => v.business === b);
      const count = (s: string) => of.filter((v) => v.status === s).length;
      return { business: b, title: of[0].businessTitle, booked: count('booked'), checkedIn: count('checkedIn'), noShow: count('noShow'), cancelled: count('cancelled') };
    });
    return { hallId, date: day, slots, byBusiness };
  },
});

export const hallWeek = defineAction({
  summary: 'Officer: bookings per slot for the next 7 days against capacity, to roster officers.',
  input: z.object({ hallId: stableId }).strict(),
  output: z.object({
    hallId: z.string(),
    days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ start: z.string(), end: z.string(), capacity: z.number().int(), booked: z.number().int() })) })),
  }),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'HALL_NOT_FOUND'],
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
