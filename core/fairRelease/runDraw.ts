import { DomainError, isDomainError } from '../errors/DomainError';
import type { ErrorCode } from '../errors/catalogue';
import type { BookingDeps } from '../booking/BookingDeps';
import { placeBooking } from '../booking/placeBooking';
import { auditActingFor } from '../booking/auditActingFor';
import type { Appointment } from '../booking/Appointment';
import { waitEntryId, type WaitEntry } from '../waitlist/WaitEntry';
import { drawOrder } from './draw';
import { DRAW_GRACE_MS, DRAW_LEASE_MS } from './drawWindow';
import type { DrawnTicket, ReleaseApplicationDoc, ReleaseDraw } from './ReleaseDraw';

/** Field context of the encrypted seed (authenticated data: it cannot pass for another field). */
export const SEED_FIELD = 'releaseSeed';

/** A slot that cannot take this application: the next preference is tried. */
const NEXT_PREFERENCE: readonly ErrorCode[] = ['SLOT_FULL', 'SLOT_NOT_FOUND', 'SLOT_NOT_OPEN'];
/** A booking rule of the person (or the hall) refuses: no place, the reason kept, the waiting list joined. */
const REFUSED: readonly ErrorCode[] = ['ALREADY_BOOKED', 'ONE_PER_DAY', 'WEEKLY_LIMIT', 'BOOKING_BLOCKED', 'BUSINESS_NOT_BOOKABLE', 'HALL_NOT_FOUND'];

export interface RunOptions {
  /** Who runs (a lease holder's name: a random id per run). */
  runner: string;
  /** Stop after this long (a function's time is limited; the next run resumes). Measured on deps.clock. */
  budgetMs?: number;
  /** Stop after settling this many applications (tests: a run interrupted halfway). */
  maxSettled?: number;
}

/**
 * Runs a hall-day's draw once its window closed (issue 17, docs/WAITLIST.md): publishes the seed,
 * fixes the order (drawOrder over the applications' tickets), then settles the applications in that
 * order, each through the booking path of reserve (placeBooking: every rule and limit applies; the
 * day need not be released yet and its slots are marked for the draw): the first of its
 * preferences with a place, else the waiting list, in draw order. Then the slots' mark is cleared
 * (the places left open at the day's release) and the draw is done.
 *
 * Safe when run twice at once: a run first takes the draw's lease by compare-and-set (a second run
 * meanwhile returns without doing anything). Safe when interrupted anywhere: the order is stored
 * before any booking; each application's booking has an id derived from the application (a repeat
 * finds the place and appointment it took) and its outcome is a compare-and-set on the application;
 * `settled` says where to resume, and an application settled already is skipped. A crashed run's
 * lease ends after DRAW_LEASE_MS.
 */
export async function runDraw(deps: BookingDeps, drawId: string, options: RunOptions): Promise<ReleaseDraw> {
  let draw = await deps.fairRelease.draw(drawId);
  if (!draw) throw new DomainError('RELEASE_DRAW_NOT_FOUND');
  if (draw.state === 'done') return draw;
  const started = deps.clock.now().getTime();
  if (started < draw.closesAt.getTime() + DRAW_GRACE_MS) throw new DomainError('RELEASE_DRAW_NOT_CLOSED');
  if (draw.runner && draw.runner !== options.runner && draw.leaseUntil && draw.leaseUntil.getTime() > started) return draw;
  const leaseUntil = new Date(started + DRAW_LEASE_MS);
  if (!(await deps.fairRelease.changeDraw(draw._id, draw.version, { runner: options.runner, leaseUntil }))) return (await deps.fairRelease.draw(drawId))!;
  draw = { ...draw, runner: options.runner, leaseUntil, version: draw.version + 1 };

  const applications = new Map((await deps.fairRelease.applicationsOf(draw._id)).map((a) => [a._id, a]));
  if (draw.state === 'open') {
    // The window is over (and its grace): the applications standing now are final.
    const seed = deps.secrets.decrypt(draw.seedEnc, SEED_FIELD);
    const standing = [...applications.values()].filter((a) => a.state === 'applied');
    const ordered = drawOrder(
      standing.map((a) => ({ _id: a.ticket, preferences: a.preferences, ...(a.group && { group: a.group }), applicationId: a._id })),
      seed,
      deps.sha256,
      draw.groups,
    );
    const order: DrawnTicket[] = ordered.map((o) => ({ ticket: o._id, ...(o.group && { group: o.group as DrawnTicket['group'] }), applicationId: o.applicationId }));
    const change = { state: 'drawing' as const, seed, order, settled: 0, drawnAt: deps.clock.now() };
    if (!(await deps.fairRelease.changeDraw(draw._id, draw.version, change))) return (await deps.fairRelease.draw(drawId))!;
    draw = { ...draw, ...change, version: draw.version + 1 };
  }

  const order = draw.order ?? [];
  let settled = draw.settled ?? 0;
  let count = 0;
  while (settled < order.length) {
    const over = deps.clock.now().getTime() - started > (options.budgetMs ?? 20_000);
    if (over || (options.maxSettled !== undefined && count >= options.maxSettled)) {
      // Handed back at once: the next run (timer or lead) resumes where this one stopped.
      await deps.fairRelease.changeDraw(draw._id, draw.version, { settled, runner: '', leaseUntil: new Date(0) });
      return (await deps.fairRelease.draw(drawId))!;
    }
    const application = applications.get(order[settled].applicationId);
    if (application) await settle(deps, draw, application, settled);
    settled++;
    count++;
    if (!(await deps.fairRelease.changeDraw(draw._id, draw.version, { settled }))) return (await deps.fairRelease.draw(drawId))!;
    draw = { ...draw, settled, version: draw.version + 1 };
  }
  // Every applicant settled: the places left go to the public at the day's release.
  await deps.booking.endReleaseDraw(draw.hallId, draw.date);
  await deps.fairRelease.changeDraw(draw._id, draw.version, { state: 'done', doneAt: deps.clock.now(), runner: '', leaseUntil: new Date(0) });
  return (await deps.fairRelease.draw(drawId))!;
}

/** The id of the appointment the draw books for an application: the same for every attempt and run. */
export function drawAppointmentId(deps: Pick<BookingDeps, 'idFor'>, applicationId: string): string {
  return deps.idFor(`releaseDraw:${applicationId}`);
}

/** One application, in draw order: a place by its preferences, or the waiting list. Idempotent. */
async function settle(deps: BookingDeps, draw: ReleaseDraw, a: ReleaseApplicationDoc, position: number): Promise<void> {
  if (a.state !== 'applied') return;
  const appointmentId = drawAppointmentId(deps, a._id);
  // An earlier (interrupted) run booked it already: the booking stands.
  const earlier = await deps.booking.appointment(appointmentId);
  let placed = earlier ? { appointmentId, slotId: earlier.slotId } : undefined;
  let booked: Appointment | undefined;
  let reason: ErrorCode | undefined;
  for (const slotId of earlier ? [] : a.preferences) {
    try {
      booked = await placeBooking(deps, { actorOpenid: a.actorOpenid, subject: a.subject, hallId: a.hallId, business: a.business, slotId, appointmentId, draw: true });
      placed = { appointmentId: booked._id, slotId: booked.slotId };
      break;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (NEXT_PREFERENCE.includes(e.code)) continue;
      if (!REFUSED.includes(e.code)) throw e;
      reason = e.code;
      break;
    }
  }
  if (placed) {
    // Booked for a family member the applicant acts for: audited as a reserve is (once: its id follows from the application).
    const subjectOf = booked ?? earlier;
    if (subjectOf?.actedFor) {
      const account = await deps.identities.account(a.actorOpenid);
      if (account) await auditActingFor(deps, account, subjectOf, 'reserve', `releaseDraw:${a._id}`);
    }
    await deps.fairRelease.changeApplication(a._id, a.version, { state: 'placed', ...placed });
    return;
  }
  // The waiting list in draw order: joinedAt the draw's instant plus the position (ms), before anyone joining later.
  const entry: WaitEntry = {
    _id: waitEntryId(a.hallId, a.date, a.business, a.subject.idIndex),
    hallId: a.hallId,
    date: a.date,
    business: a.business,
    actorOpenid: a.actorOpenid,
    subject: a.subject,
    joinedAt: new Date((draw.drawnAt ?? deps.clock.now()).getTime() + position),
    state: 'waiting',
    version: 0,
    offers: 0,
  };
  // On the list already (joined before, from a full day): the entry stays as it is.
  await deps.waitlist.add(entry);
  await deps.fairRelease.changeApplication(a._id, a.version, { state: 'waiting', waitEntryId: entry._id, ...(reason && { reason }) });
}
