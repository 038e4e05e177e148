import type { SlotState } from './ports';
import type { SlotPlan } from './slots';

/**
 * The read-only "is it full?" check before any claim is taken: true when the stored slot has no
 * place left under the plan's capacity for `holder`, i.e. when the conditional update of
 * `takePlace` (`booked < capacity`, holder not yet among the holders) would take nothing on this
 * state and the holder holds no place already (a retry of a booking that took one goes on).
 * A slot not stored yet has every place free. This is an optimisation only: a slot read as not
 * full can fill before the conditional update, which stays the guard of capacity; a slot read as
 * full was full at the moment of the read (a place freed later is for the next attempt).
 */
export function fullFor(stored: SlotState | null, plan: Pick<SlotPlan, 'capacity'>, holder: string): boolean {
  if (!stored) return false;
  if (stored.holders?.includes(holder)) return false;
  return stored.booked >= plan.capacity;
}
