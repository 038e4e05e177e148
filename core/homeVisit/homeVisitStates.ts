import { DomainError } from '../errors/DomainError';
import type { HomeVisitState } from './homeVisitNames';

/** Who acts: the citizen (or the family member acting for them), or the hall. */
export type HomeVisitSide = 'citizen' | 'hall';

/** What happens to a home visit. */
export type HomeVisitEvent = 'assign' | 'confirm' | 'reschedule' | 'complete' | 'refuse' | 'cancel';

/**
 * The one table of the machine: who may fire the event, in which states, and the state after.
 * A reschedule sends a confirmed visit back to `assigned` (the citizen confirms the new time again).
 */
export const HOME_VISIT_TRANSITIONS: Record<HomeVisitEvent, { side: HomeVisitSide; from: readonly HomeVisitState[]; to: HomeVisitState }> = {
  assign: { side: 'hall', from: ['requested'], to: 'assigned' },
  confirm: { side: 'citizen', from: ['assigned'], to: 'confirmed' },
  reschedule: { side: 'hall', from: ['assigned', 'confirmed'], to: 'assigned' },
  complete: { side: 'hall', from: ['confirmed'], to: 'done' },
  refuse: { side: 'hall', from: ['requested', 'assigned', 'confirmed'], to: 'refused' },
  cancel: { side: 'citizen', from: ['requested', 'assigned', 'confirmed'], to: 'cancelled' },
};

/** The state after the event; HOME_VISIT_STATE_CONFLICT when it does not apply in this state, FORBIDDEN when the side may not fire it. */
export function nextHomeVisitState(state: HomeVisitState, event: HomeVisitEvent, side: HomeVisitSide): HomeVisitState {
  const t = HOME_VISIT_TRANSITIONS[event];
  if (t.side !== side) throw new DomainError('FORBIDDEN');
  if (!t.from.includes(state)) throw new DomainError('HOME_VISIT_STATE_CONFLICT');
  return t.to;
}

/** The events a side may fire in this state (the pages offer these buttons). */
export function eventsFor(state: HomeVisitState, side: HomeVisitSide): HomeVisitEvent[] {
  return (Object.keys(HOME_VISIT_TRANSITIONS) as HomeVisitEvent[]).filter((e) => HOME_VISIT_TRANSITIONS[e].side === side && HOME_VISIT_TRANSITIONS[e].from.includes(state));
}
