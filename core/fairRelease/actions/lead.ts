import * as z from 'zod/mini';
import { DomainError } from '../../errors/DomainError';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { requireActingForHall, requireLeadOfHall } from '../../identity/hallAccess';
import { recordAudit } from '../../identity/recordAudit';
import type { BookingDeps } from '../../booking/BookingDeps';
import { DateInput } from '../../booking/actions/inputs';
import { addDays, shanghaiDate } from '../../time/shanghai';
import { seedCommitment } from '../draw';
import { DEFAULT_WINDOW_MINUTES, DRAW_GRACE_MS, MAX_WINDOW_MINUTES, MIN_WINDOW_MINUTES, drawWindowProblem, releaseInstant } from '../drawWindow';
import { PRIORITY_GROUP_IDS } from '../priorityGroups';
import { releaseDrawId, type ReleaseDraw } from '../ReleaseDraw';
import { SEED_FIELD, runDraw } from '../runDraw';
import { DrawView, drawView } from '../views';
import { drawOf, hallDay, hallNameOf } from './shared';

const LeadDrawView = lazySchema(() =>
  z.extend(DrawView, {
    /** When the day's places would have been released to first click (the rest open then). */
    releaseAt: z.string(),
    /** Applications by state (the hall's lead and officers only). */
    applications: z.object({ applied: z.int(), withdrawn: z.int(), placed: z.int(), waiting: z.int() }),
  }),
);

async function leadView(deps: BookingDeps, draw: ReleaseDraw): Promise<z.infer<typeof LeadDrawView>> {
  const [counts, name, schedule] = await Promise.all([deps.fairRelease.countsOf(draw._id), hallNameOf(deps, draw.hallId), deps.booking.schedule(draw.hallId)]);
  return {
    ...drawView(draw, name, deps.clock.now()),
    releaseAt: (schedule ? releaseInstant(schedule, draw.date) : draw.closesAt).toISOString(),
    applications: { applied: counts.applied ?? 0, withdrawn: counts.withdrawn ?? 0, placed: counts.placed ?? 0, waiting: counts.waiting ?? 0 },
  };
}

/** The caller, when they lead the hall (its lead, or an admin bound to it) and act for it. */
async function leadOf(deps: BookingDeps, hallId: string) {
  const account = requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
  return requireLeadOfHall(account, hallId);
}

export const openReleaseDraw = defineAction({
  summary:
    "The hall's lead (or an admin bound to it): releases a day not yet released by draw instead of first click. Applications are taken in a window (default: the next hour; it must close at least 2 minutes before the day's release); the hall's priority groups are drawn first, in the order given. The server draws a secret seed and publishes its SHA-256 commitment; until the draw is done, first-click booking of the day is refused (RELEASE_BY_DRAW). Idempotent under the envelope requestId.",
  input: lazySchema(() =>
    z.strictObject({
      hallId: stableId,
      date: DateInput,
      /** ISO instant; default now. */
      opensAt: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/))),
      windowMinutes: z.optional(z.int().check(z.gte(MIN_WINDOW_MINUTES), z.lte(MAX_WINDOW_MINUTES))),
      groups: z._default(z.array(z.enum(PRIORITY_GROUP_IDS)).check(z.maxLength(PRIORITY_GROUP_IDS.length)), []),
    }),
  ),
  output: LeadDrawView,
  errors: [
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'OFFICER_NOT_VERIFIED',
    'HALL_NOT_FOUND',
    'BUSINESS_NOT_BOOKABLE',
    'RELEASE_DRAW_EXISTS',
    'RELEASE_DRAW_INVALID',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run(input, deps: BookingDeps) {
    const account = await leadOf(deps, input.hallId);
    const now = deps.clock.now();
    const { schedule, plans } = await hallDay(deps, input.hallId, input.date);
    if (new Set(input.groups).size !== input.groups.length) throw new DomainError('RELEASE_DRAW_INVALID', '优先群体不能重复');
    const opensAt = input.opensAt ? new Date(input.opensAt) : now;
    const closesAt = new Date(opensAt.getTime() + (input.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60_000);
    const problem = drawWindowProblem(schedule, input.date, opensAt, closesAt, now);
    if (problem) throw new DomainError('RELEASE_DRAW_INVALID', problem);
    if (!plans.length) throw new DomainError('RELEASE_DRAW_INVALID', '该日大厅不开放，没有可放出的号');
    const existing = await deps.fairRelease.draw(releaseDrawId(input.hallId, input.date));
    if (existing) {
      // An opening whose marking failed is healed by trying again (marking is idempotent).
      if (existing.state === 'open') await deps.booking.markReleaseDraw(plans);
      throw new DomainError('RELEASE_DRAW_EXISTS');
    }
    // 192 random bits; kept encrypted until the draw, its digest published now.
    const seed = `${deps.newId()}${deps.newId()}`;
    const draw: ReleaseDraw = {
      _id: releaseDrawId(input.hallId, input.date),
      hallId: input.hallId,
      date: input.date,
      opensAt,
      closesAt,
      groups: input.groups,
      commitment: seedCommitment(seed, deps.sha256),
      seedEnc: deps.secrets.encrypt(seed, SEED_FIELD),
      state: 'open',
      openedBy: account._id,
      createdAt: now,
      version: 0,
    };
    if (!(await deps.fairRelease.addDraw(draw))) throw new DomainError('RELEASE_DRAW_EXISTS');
    // Then the slots: the day is not released yet, so no first click could come in between; a mark
    // never outlives its draw (a failure here is healed by opening again, above).
    await deps.booking.markReleaseDraw(plans);
    await recordAudit(deps, account, { action: 'releaseDraw.open', target: draw._id, hallId: draw.hallId });
    return leadView(deps, draw);
  },
});

export const hallReleaseDraws = defineAction({
  summary: "The hall's officers (its lead among them): the hall's draws from a week ago on, with the applications counted by state (no personal data).",
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: lazySchema(() => z.object({ hallId: z.string(), draws: z.array(LeadDrawView) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run({ hallId }, deps: BookingDeps) {
    requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
    const draws = await deps.fairRelease.draws(addDays(shanghaiDate(deps.clock.now()), -7), 30, hallId);
    return { hallId, draws: await Promise.all(draws.map((d) => leadView(deps, d))) };
  },
});

export const runReleaseDraw = defineAction({
  summary:
    "The hall's lead (or an admin bound to it): runs the day's draw once its window closed (2 minutes' grace), as the timer does: publishes the seed, books in draw order, puts the rest on the waiting list, then opens the places left. Safe to repeat (it resumes where a run stopped).",
  input: lazySchema(() => z.strictObject({ hallId: stableId, date: DateInput })),
  output: LeadDrawView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'RELEASE_DRAW_NOT_FOUND', 'RELEASE_DRAW_NOT_CLOSED'],
  async run({ hallId, date }, deps: BookingDeps) {
    const account = await leadOf(deps, hallId);
    const draw = await drawOf(deps, hallId, date);
    const after = await runDraw(deps, draw._id, { runner: `lead:${deps.newId()}` });
    await recordAudit(deps, account, { action: 'releaseDraw.run', target: draw._id, hallId });
    return leadView(deps, after);
  },
});

export const runReleaseDraws = defineAction({
  summary: 'Timer only (every 5 min): runs the draws whose application window closed (each resumes where a run stopped; one run per draw at a time).',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ draws: z.int(), done: z.int() })),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const due = await deps.fairRelease.drawsDue(new Date(deps.clock.now().getTime() - DRAW_GRACE_MS), 20);
    let done = 0;
    for (const draw of due) if ((await runDraw(deps, draw._id, { runner: `timer:${deps.newId()}` })).state === 'done') done++;
    return { draws: due.length, done };
  },
});
