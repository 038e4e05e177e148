/**
 * After a burst, from the database itself (not from what the callers were told): appointments
 * stored as booked per slot against the slot's capacity and against its `booked` counter.
 */
import type { SlotPlan } from '../../core/booking/slots';
import type { DirectOps } from '../../devcloud/db/direct';

export interface DayCheck {
  /** Appointments stored as booked, all slots together. */
  stored: number;
  /** Σ over slots of max(0, stored booked − capacity): must be 0. */
  overbooked: number;
  /** Every slot's `booked` counter equals its stored booked appointments (a missing slot counts 0). */
  consistent: boolean;
  /**
   * SLOT_FULL answers for a slot that still has places (stored booked < capacity) now: with no
   * cancellation during a burst places only run out, so such a refusal came while places remained.
   */
  falseRefusals(answers: readonly { outcome: string; slotId: string }[]): number;
}

export async function checkSlots(direct: DirectOps, plans: readonly Pick<SlotPlan, 'slotId' | 'capacity'>[]): Promise<DayCheck> {
  let stored = 0;
  let overbooked = 0;
  let consistent = true;
  const placesLeft = new Map<string, number>();
  for (const plan of plans) {
    const booked = await direct.count('appointments', { slotId: plan.slotId, status: 'booked' });
    const [slot] = await direct.get('slots', { nedbQuery: { _id: plan.slotId }, order: [], offset: undefined, limit: 1, projection: undefined });
    stored += booked;
    placesLeft.set(plan.slotId, plan.capacity - booked);
    overbooked += Math.max(0, booked - plan.capacity);
    if (((slot?.booked as number | undefined) ?? 0) !== booked) consistent = false;
  }
  return {
    stored,
    overbooked,
    consistent,
    falseRefusals: (answers) => answers.filter((a) => a.outcome === 'SLOT_FULL' && (placesLeft.get(a.slotId) ?? 0) > 0).length,
  };
}
