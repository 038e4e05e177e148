import * as z from 'zod/mini';
import { DomainError } from '../errors/DomainError';
import { defineAction } from '../function/action';
import { lazySchema } from '../function/lazySchema';
import { stableId } from '../guide/ServiceGuide';
import { requireOpenid } from '../identity/caller';
import { requireActingForHall, requireLeadOfHall } from '../identity/hallAccess';
import { mayLeadHall } from '../identity/hallLead';
import { recordAudit } from '../identity/recordAudit';
import { addDays, shanghaiDate } from '../time/shanghai';
import type { BookingDeps } from '../booking/BookingDeps';
import { hallLines } from './hallLines';
import { HOLD_MINUTES, holdMinutesOf, holdMinutesProblem } from './holdTime';

/**
 * The hall's side of its waiting lists (issue 17): its officers see how many wait for the coming
 * days (to decide on more places), its lead sets how long an offered place is held.
 */

/** The days the hall's view covers: today and the next two weeks (bookings open at most that far). */
const DAYS_AHEAD = 14;
/** At most this many open entries are counted (a hall's two weeks; beyond it the view says so). */
const COUNTED = 1000;

const HoldView = lazySchema(() => z.object({ hallId: z.string(), holdMinutes: z.number(), version: z.number() }));

export const waitlistHold = defineAction({
  summary: 'Anyone (the 加入候补 page): how long this hall holds a place offered from its waiting list, in minutes (its lead sets it; 30 until then).',
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: HoldView,
  errors: [],
  async run({ hallId }, deps: BookingDeps) {
    const settings = await deps.hallDuty.settings(hallId);
    return { hallId, holdMinutes: holdMinutesOf(settings), version: settings?.version ?? 0 };
  },
});

export const hallWaitlists = defineAction({
  summary:
    "The hall's officers (its lead among them): who waits on the hall's waiting lists for today and the next 14 days, per date and business (counts only: waiting, and holding an offer now), the hall's hold time and its version, and whether the caller may change it (`mayEdit`: its lead or an admin). `more`: more entries than were counted.",
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      holdMinutes: z.number(),
      version: z.number(),
      mayEdit: z.boolean(),
      lines: z.array(z.object({ date: z.string(), business: z.string(), businessTitle: z.string(), waiting: z.number(), offered: z.number() })),
      more: z.boolean(),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run({ hallId }, deps: BookingDeps) {
    const account = requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
    const today = shanghaiDate(deps.clock.now());
    const [entries, settings] = await Promise.all([deps.waitlist.openOfHall(hallId, today, addDays(today, DAYS_AHEAD), COUNTED + 1), deps.hallDuty.settings(hallId)]);
    const lines = hallLines(entries.slice(0, COUNTED));
    const titles = new Map<string, string>();
    for (const business of new Set(lines.map((l) => l.business))) titles.set(business, (await deps.guides.guide(business))?.title ?? business);
    return {
      hallId,
      holdMinutes: holdMinutesOf(settings),
      version: settings?.version ?? 0,
      mayEdit: mayLeadHall(account, hallId),
      lines: lines.map((l) => ({ ...l, businessTitle: titles.get(l.business)! })),
      more: entries.length > COUNTED,
    };
  },
});

export const saveWaitlistHold = defineAction({
  summary: `The hall's lead (or an admin): how long a place offered from the hall's waiting lists is held for the person offered it, ${HOLD_MINUTES.min}–${HOLD_MINUTES.max} minutes (at most until the slot starts); offers made from then on use it. A compare-and-set on the version seen (HALL_SETTINGS_VERSION_CONFLICT). Audited with before and after.`,
  input: lazySchema(() => z.strictObject({ hallId: stableId, minutes: z.int(), expectedVersion: z.int().check(z.gte(0)) })),
  output: HoldView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_SETTINGS_INVALID', 'HALL_SETTINGS_VERSION_CONFLICT'],
  idempotent: 'optional',
  async run({ hallId, minutes, expectedVersion }, deps: BookingDeps) {
    const account = requireLeadOfHall(await deps.identities.account(requireOpenid(deps)), hallId);
    const problem = holdMinutesProblem(minutes);
    if (problem) throw new DomainError('HALL_SETTINGS_INVALID', problem);
    const before = await deps.hallDuty.settings(hallId);
    if ((before?.version ?? 0) !== expectedVersion) throw new DomainError('HALL_SETTINGS_VERSION_CONFLICT');
    if (!(await deps.hallDuty.saveSettings(hallId, { waitlistHoldMinutes: minutes }, expectedVersion, account._id, deps.clock.now()))) {
      throw new DomainError('HALL_SETTINGS_VERSION_CONFLICT');
    }
    await recordAudit(deps, account, {
      action: 'hall.saveWaitlistHold',
      hallId,
      target: hallId,
      change: { before: `${holdMinutesOf(before)}分钟`, after: `${minutes}分钟` },
    });
    return { hallId, holdMinutes: minutes, version: expectedVersion + 1 };
  },
});
