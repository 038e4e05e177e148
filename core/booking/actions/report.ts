import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { lazySchema } from '../../function/lazySchema';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { mayReadHallNumbers, refusalOf } from '../../identity/hallAccess';
import { floorReport } from '../../statistics/floorReport';
import { hallReport } from '../../statistics/hallReport';
import { holidaysOf, periodRange } from '../../statistics/period';
import type { BookingDeps } from '../BookingDeps';
import { slotCapacity } from '../slots';
import { GREEN_REASONS, isGreenReason } from '../../queue/greenReasons';
import { DateInput } from './inputs';

export const Period = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('day'), date: DateInput }),
    z.strictObject({ kind: z.literal('week'), date: DateInput }),
    z.strictObject({
      kind: z.literal('month'),
      month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
    }),
    z.strictObject({ kind: z.literal('holiday'), year: z.int().check(z.gte(2004), z.lte(2100)), holiday: z.string().check(z.minLength(1), z.maxLength(10)) }),
  ]),
);

/** The counts of a group of appointments (a function: no schema is built when the bundle loads). */
const totals = () => ({
  appointments: z.int(),
  booked: z.int(),
  checkedIn: z.int(),
  noShow: z.int(),
  cancelled: z.int(),
});

const Overbooking = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('suggested'), factor: z.number(), bookingsPerSlot: z.int(), capacity: z.int(), noShowRate: z.number(), sample: z.int() }),
    z.object({ kind: z.literal('tooFewConcluded'), sample: z.int(), needed: z.int() }),
  ]),
);

export const hallReportAction = defineAction({
  summary:
    "An officer of the hall, or any admin: the hall's numbers for a day, an ISO week, a month or a statutory holiday of a year — appointments per business and status, per day and per starting hour, the floor (walk-ins and booked arrivals, the green channel by reason, numbers missed, mean wait and service time, numbers served per window, businesses handled, consultations asked and answered), the no-show rate over concluded appointments and a suggested overbooking factor for the hall's slots (core/statistics) — counted by the database's aggregation; with the year's holidays to choose from.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, period: Period })),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
      totals: z.object(totals()),
      byBusiness: z.array(z.object({ business: z.string(), title: z.string(), ...totals() })),
      byDay: z.array(z.object({ date: z.string(), ...totals() })),
      byHour: z.array(z.object({ hour: z.string(), appointments: z.int() })),
      noShowRate: z.nullable(z.number()),
      overbooking: Overbooking,
      /** The hall floor: numbers taken and called, the green channel, waits, windows, consultations. */
      floor: z.object({
        bookedArrivals: z.int(),
        walkIns: z.int(),
        green: z.int(),
        greenByReason: z.array(z.object({ reason: z.string(), title: z.string(), count: z.int() })),
        served: z.int(),
        missed: z.int(),
        meanWaitMinutes: z.nullable(z.number()),
        meanServiceMinutes: z.nullable(z.number()),
        byWindow: z.array(z.object({ window: z.string(), served: z.int() })),
        handled: z.array(z.object({ business: z.string(), title: z.string(), count: z.int() })),
        consultations: z.object({ asked: z.int(), answered: z.int(), published: z.int(), closed: z.int(), open: z.int() }),
      }),
      /** The statutory holidays of the period's year, for choosing one. */
      holidays: z.array(z.object({ holiday: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND', 'REPORT_PERIOD_UNKNOWN'],
  async run({ hallId, period }, deps: BookingDeps) {
    const account = await deps.identities.account(requireOpenid(deps));
    if (!mayReadHallNumbers(account, hallId)) throw refusalOf(account);
    const range = periodRange(period, deps.calendar);
    if (!range) throw new DomainError('REPORT_PERIOD_UNKNOWN');
    const [schedule, counts, queue, consultations] = await Promise.all([
      deps.booking.schedule(hallId),
      deps.statistics.appointmentCounts(hallId, range.from, range.to),
      deps.statistics.queueCounts(hallId, range.from, range.to),
      deps.statistics.consultationCounts(hallId, range.from, range.to),
    ]);
    if (!schedule) throw new DomainError('HALL_NOT_FOUND');
    const report = hallReport(range, counts, slotCapacity(schedule));
    const floor = floorReport(queue, consultations);
    const businesses = [...new Set([...report.byBusiness.map((b) => b.business), ...floor.handled.map((h) => h.business)])];
    const titles = new Map(await Promise.all(businesses.map(async (b) => [b, (await deps.guides.guide(b))?.title ?? b] as const)));
    return {
      hallId,
      ...report,
      byBusiness: report.byBusiness.map((b) => ({ ...b, title: titles.get(b.business) ?? b.business })),
      floor: {
        ...floor,
        greenByReason: floor.greenByReason.map((g) => ({ ...g, title: isGreenReason(g.reason) ? GREEN_REASONS[g.reason] : g.reason })),
        handled: floor.handled.map((h) => ({ ...h, title: titles.get(h.business) ?? h.business })),
      },
      holidays: holidaysOf(Number(range.from.slice(0, 4)), deps.calendar),
    };
  },
});
