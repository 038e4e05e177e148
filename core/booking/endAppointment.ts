import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { claimsFreedWhenOver } from './claims';
import { offerFreedPlace } from '../waitlist/offerPlace';

/**
 * Ends a booked appointment (compare-and-set from 'booked', marked with `endedBy`). A cancellation
 * gives back its place (offered to the waiting list first: core/waitlist) and all its claims; a no-show keeps its place (spent) and its day and week
 * claims, and frees only the business. Claims listed in `keep` (carried over to a rescheduled
 * appointment) stay taken. Resumable: when the status already changed by this very request
 * (`endedBy`: a retry, or an answer lost after it was applied), the releases are done again; each
 * only touches what this appointment still holds. False when something else ended it.
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
  // A cancelled place goes to the hall-day's waiting list first, held for the next in line (issue 17).
  if (changes.status === 'cancelled' && !(await offerFreedPlace(deps, a))) await deps.booking.releasePlace(a.slotId, a._id);
  const release = changes.status === 'cancelled' ? a.claims : claimsFreedWhenOver(a.claims);
  await deps.booking.releaseClaims(
    release.filter((c) => !keep.includes(c)),
    a._id,
  );
  return true;
}
