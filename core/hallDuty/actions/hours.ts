import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { SPECIAL_KINDS, Session, type Hall, type SpecialHours } from '../../guide/Hall';
import { stableId } from '../../guide/ServiceGuide';
import type { Account } from '../../identity/Account';
import { requireOpenid } from '../../identity/caller';
import { requireLeadOfHall } from '../../identity/hallAccess';
import { recordAudit } from '../../identity/recordAudit';
import { shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../../booking/BookingDeps';
import { DateInput } from '../../booking/actions/inputs';
import { bookingsOutside, datesTouched } from '../bookingsOutside';
import { describeSpecial, describeStranded } from '../describe';
import { withEditedHours } from '../hallHoursOverlay';
import { slotEdits } from '../slotEdits';
import { specialHoursProblems, withEntry, withoutEntry } from '../specialHoursRules';

/** Most booked appointments one edit checks (a hall's two months of bookings fit). */
const BOOKED_LIMIT = 1000;

/** The caller, when they may edit the hall's hours and roster (an admin, or the hall's lead), and the hall. */
export async function requireLead(deps: BookingDeps, hallId: string): Promise<{ account: Account; hall: Hall }> {
  const account = requireLeadOfHall(await deps.identities.account(requireOpenid(deps)), hallId);
  const hall = await deps.guides.hall(hallId);
  if (!hall) throw new DomainError('HALL_NOT_FOUND');
  return { account, hall };
}

const SpecialEntry = lazySchema(() =>
  z.strictObject({
    from: DateInput,
    to: DateInput,
    kind: z.enum(SPECIAL_KINDS),
    /** The note citizens see (春节假期值班, 周六延时服务). */
    label: z.string().check(z.trim(), z.minLength(2), z.maxLength(40)),
    sessions: z.array(Session).check(z.maxLength(4)),
  }),
);
const SpecialView = lazySchema(() => z.object({ from: z.string(), to: z.string(), label: z.string(), sessions: z.array(Session), kind: z.optional(z.enum(SPECIAL_KINDS)) }));
const HoursView = lazySchema(() =>
  z.object({
    hallId: z.string(),
    hallName: z.string(),
    /** Pass back as `expectedVersion` when saving (0: never edited, the data file's periods). */
    version: z.int(),
    /** Periods not over yet, by date. */
    specialHours: z.array(SpecialView),
  }),
);

/** The hall's periods as stored now (the data file's until the first edit) and their version. */
async function currentHours(deps: BookingDeps, hall: Hall): Promise<{ list: SpecialHours[]; version: number }> {
  const doc = await deps.hallDuty.hours(hall._id);
  return doc ? { list: doc.specialHours, version: doc.version } : { list: hall.specialHours, version: 0 };
}

function hoursView(deps: BookingDeps, hall: Hall, list: readonly SpecialHours[], version: number): z.infer<typeof HoursView> {
  const today = shanghaiDate(deps.clock.now());
  return { hallId: hall._id, hallName: hall.name, version, specialHours: list.filter((s) => s.to >= today) };
}

/** The booked appointments the hall's new periods would strand on the dates an edit touches. */
async function stranded(deps: BookingDeps, hall: Hall, next: SpecialHours[], touched: { from: string; to: string } | null) {
  const schedule = await deps.booking.schedule(hall._id);
  if (!schedule || !touched) return [];
  const booked = await deps.hallDuty.bookedBetween(hall._id, touched.from, touched.to, BOOKED_LIMIT);
  return bookingsOutside(withEditedHours(hall, { specialHours: next }), schedule, booked, deps.calendar);
}

/**
 * Saves the hall's new periods after the checks: no booking stranded (HOURS_STRAND_BOOKINGS, listed),
 * nobody saved meanwhile (HOURS_VERSION_CONFLICT). Then the slots the edit removes on reachable
 * dates are closed and those it plans opened (core/hallDuty/slotEdits.ts): from then on no place can
 * be taken in a removed slot. A booking taken before that (its reserve planned from the old hours)
 * holds a place in a closed slot or shows as stranded in a second check: then the previous periods
 * and slots are put back and the edit refused. No booking is ever left outside the hours silently.
 */
async function saveChecked(
  deps: BookingDeps,
  account: Account,
  hall: Hall,
  before: SpecialHours[],
  next: SpecialHours[],
  version: number,
  touched: { from: string; to: string } | null,
) {
  const lost = await stranded(deps, hall, next, touched);
  if (lost.length) throw new DomainError('HOURS_STRAND_BOOKINGS', describeStranded(lost));
  const now = deps.clock.now();
  if (!(await deps.hallDuty.saveHours(hall._id, next, version, account._id, now))) throw new DomainError('HOURS_VERSION_CONFLICT');
  const schedule = await deps.booking.schedule(hall._id);
  const [old, edited] = [withEditedHours(hall, { specialHours: before }), withEditedHours(hall, { specialHours: next })];
  const apply = async (from: Hall, to: Hall) => {
    if (!schedule) return 0;
    const { close, open } = slotEdits(from, to, schedule, touched, now, deps.calendar);
    const held = await deps.booking.closeSlots(close);
    await deps.booking.reopenSlots(open);
    return held;
  };
  const putBack = async () => {
    await deps.hallDuty.saveHours(hall._id, before, version + 1, account._id, now);
    await apply(edited, old);
  };
  let held: number;
  let late: Awaited<ReturnType<typeof stranded>>;
  try {
    held = await apply(old, edited);
    late = await stranded(deps, hall, next, touched);
  } catch (e) {
    // Failed halfway (some slots closed or opened, or not): the previous hours and slots are put back, best effort.
    await putBack().catch(() => undefined);
    throw e;
  }
  if (late.length || held > 0) {
    await putBack();
    throw new DomainError('HOURS_STRAND_BOOKINGS', late.length ? describeStranded(late) : '有市民刚刚预约了这些时段，请刷新后查看');
  }
}

export const hallHours = defineAction({
  summary: "Admin or the hall's lead: the hall's special periods not over yet (holiday duty, staggered and extended service, closures) and their version, to edit.",
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: HoursView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND'],
  async run({ hallId }, deps: BookingDeps) {
    const { hall } = await requireLead(deps, hallId);
    const { list, version } = await currentHours(deps, hall);
    return hoursView(deps, hall, list, version);
  },
});

export const saveSpecialHours = defineAction({
  summary:
    "Admin or the hall's lead: saves a special period (new, or in place of the one starting on `replacing`). Refused with HOURS_INVALID (what is wrong), HOURS_STRAND_BOOKINGS (the booked appointments the new hours would leave out, by date, time and 预约号; nothing saved) or HOURS_VERSION_CONFLICT. Availability and reserve see it at once. Audited with before and after.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, entry: SpecialEntry, replacing: z.optional(DateInput), expectedVersion: z.int().check(z.gte(0)) })),
  output: HoursView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND', 'HOURS_INVALID', 'HOURS_STRAND_BOOKINGS', 'HOURS_VERSION_CONFLICT', 'SPECIAL_HOURS_NOT_FOUND'],
  async run({ hallId, entry, replacing, expectedVersion }, deps: BookingDeps) {
    const { account, hall } = await requireLead(deps, hallId);
    const { list, version } = await currentHours(deps, hall);
    if (version !== expectedVersion) throw new DomainError('HOURS_VERSION_CONFLICT');
    const replaced = replacing ? list.find((s) => s.from === replacing) : undefined;
    if (replacing && !replaced) throw new DomainError('SPECIAL_HOURS_NOT_FOUND');
    const others = list.filter((s) => s !== replaced);
    const problems = specialHoursProblems(entry, others);
    if (entry.to < shanghaiDate(deps.clock.now())) problems.push('不能安排已过去的日期');
    if (problems.length) throw new DomainError('HOURS_INVALID', problems.join('；'));
    const next = withEntry(others, entry);
    await saveChecked(deps, account, hall, list, next, version, datesTouched(entry, replaced));
    await recordAudit(deps, account, {
      action: 'hall.saveSpecialHours',
      hallId,
      target: `${hallId}:${entry.from}`,
      change: { before: describeSpecial(replaced), after: describeSpecial(entry) },
    });
    return hoursView(deps, hall, next, version + 1);
  },
});

export const deleteSpecialHours = defineAction({
  summary:
    "Admin or the hall's lead: deletes the special period starting on `from` (its dates go back to the regular hours). Refused like a save when bookings would be stranded or someone saved meanwhile. Audited.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, from: DateInput, expectedVersion: z.int().check(z.gte(0)) })),
  output: HoursView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND', 'HOURS_STRAND_BOOKINGS', 'HOURS_VERSION_CONFLICT', 'SPECIAL_HOURS_NOT_FOUND'],
  async run({ hallId, from, expectedVersion }, deps: BookingDeps) {
    const { account, hall } = await requireLead(deps, hallId);
    const { list, version } = await currentHours(deps, hall);
    if (version !== expectedVersion) throw new DomainError('HOURS_VERSION_CONFLICT');
    const removed = list.find((s) => s.from === from);
    if (!removed) throw new DomainError('SPECIAL_HOURS_NOT_FOUND');
    const next = withoutEntry(list, from);
    await saveChecked(deps, account, hall, list, next, version, datesTouched(removed));
    await recordAudit(deps, account, { action: 'hall.deleteSpecialHours', hallId, target: `${hallId}:${from}`, change: { before: describeSpecial(removed), after: '无' } });
    return hoursView(deps, hall, next, version + 1);
  },
});
