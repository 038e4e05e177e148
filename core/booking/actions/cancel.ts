import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError, isDomainError } from '../../errors/DomainError';
import type { Appointment } from '../Appointment';
import type { BookingDeps } from '../BookingDeps';
import { shanghaiDate } from '../../time/shanghai';
import { CANCELS_PER_DAY, cancelQuotaId } from '../claims';
import { cancellationDeadline, type SlotPlan } from '../slots';
import { requireVerified } from '../../identity/callerAccount';
import { AppointmentView, appointmentView } from '../views';

export function planOf(a: Appointment): SlotPlan {
  return { slotId: a.slotId, hallId: a.hallId, date: a.date, start: a.start, end: a.end, capacity: 0 };
}

/** When the appointment can no longer be cancelled or moved, per its hall's schedule. */
export async function cancelDeadlineOf(deps: BookingDeps, a: Appointment): Promise<Date | undefined> {
  const schedule = await deps.booking.schedule(a.hallId);
  return schedule ? cancellationDeadline(schedule, planOf(a)) : undefined;
}

/**
 * Ends a booked appointment (compare-and-set from 'booked', marked with `endedBy`); a cancellation
 * gives its place back at once. Claims listed in `keep` (carried over to a rescheduled appointment)
 * stay taken. Resumable: when the status already changed by this very request (`endedBy`: a retry,
 * or an answer lost after it was applied), the releases are done again; each only touches what this
 * appointment still holds. False when something else ended it.
 */
export async function endAppointment(
  deps: BookingDeps,
  a: Appointment,
  changes: Partial<Appointment> & { status: 'cancelled' | 'noShow'; endedBy: string },
  keep: readonly string[] = [],
): Promise<boolean> {
  const now = deps.clock.now();
  const extra = changes.status === 'cancelled' ? { cancelledAt: now } : {};
  if (!(await deps.booking.changeStatus(a._id, 'booked', { ...changes, ...extra, updatedAt: now }))) {
    const stored = await deps.booking.appointment(a._id);
    if (!stored || stored.status !== changes.status || stored.endedBy !== changes.endedBy) return false;
  }
  if (changes.status === 'cancelled') await deps.booking.releasePlace(a.slotId, a._id);
  // A no-show frees the business for a new booking but its day and week stay used.
  const release = changes.status === 'cancelled' ? a.claims : a.claims.filter((c) => c.startsWith('active:'));
  await deps.booking.releaseClaims(
    release.filter((c) => !keep.includes(c)),
    a._id,
  );
  return true;
}

/**
 * Runs idempotent steps once more after an unexpected failure (a timeout or a lost answer: the
 * first try may or may not have been applied). Catalogue errors are answers, not failures.
 */
export async function onceMore<T>(steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (e) {
    if (isDomainError(e)) throw e;
    return steps();
  }
}

/**
 * Counts one cancellation (or reschedule) of the account today against CANCELS_PER_DAY: a claim
 * `cancel:<openid>:<date>:<k>` held by the appointment, so a retry counts once. Returns its id.
 */
export async function takeCancelQuota(deps: BookingDeps, openid: string, appointmentId: string): Promise<string> {
  const today = shanghaiDate(deps.clock.now());
  for (let k = 1; k <= CANCELS_PER_DAY; k++) {
    const id = cancelQuotaId(openid, today, k);
    if (await deps.booking.takeClaim(id, appointmentId)) return id;
  }
  throw new DomainError('CANCEL_LIMIT');
}

export const cancel = defineAction({
  summary:
    "Cancels the caller's appointment before the hall's cancellation deadline; the place returns at once. At most 5 cancellations or reschedules a day. Idempotent under the envelope requestId.",
  input: z.object({ appointmentId: z.string().min(8).max(64) }).strict(),
  output: AppointmentView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'APPOINTMENT_NOT_FOUND',
    'APPOINTMENT_NOT_ACTIVE',
    'CANCEL_TOO_LATE',
    'CANCEL_LIMIT',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run({ appointmentId }, deps: BookingDeps, request) {
    const requestId = request?.requestId ?? deps.newId();
    const account = await requireVerified(deps);
    const a = await deps.booking.appointment(appointmentId);
    if (!a || a.actorOpenid !== account._id) throw new DomainError('APPOINTMENT_NOT_FOUND');
    const endedBy = deps.idFor(`cancel:${account._id}:${requestId}`);
    // A retry of this request after its cancellation was stored finishes it.
    const resumed = a.status === 'cancelled' && a.endedBy === endedBy;
    if (a.status !== 'booked' && !resumed) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    let quota: string | undefined;
    if (!resumed) {
      const deadline = await cancelDeadlineOf(deps, a);
      if (deadline && deps.clock.now().getTime() > deadline.getTime()) throw new DomainError('CANCEL_TOO_LATE');
      quota = await takeCancelQuota(deps, account._id, a._id);
    }
    if (!(await onceMore(() => endAppointment(deps, a, { status: 'cancelled', endedBy })))) {
      if (quota) await deps.booking.releaseClaims([quota], a._id);
      throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    }
    return appointmentView({ ...a, status: 'cancelled' }, deps);
  },
});
