import { DomainError } from '../errors/DomainError';
import type { HomeVisitState } from './homeVisitNames';

/** Who acts: the citizen (or the family member acting for them), or the hall. */
export type HomeVisitSide = 'citizen' | 'hall';

/** What happens to a home visit. */
export type HomeVisitEvent = 'assign' | 'confirm' | 'reschedule' | 'complete' | 'refuse' | 'cancel';

/**
 * The one table of the machine: who may fire the event, in which states, and the state after.
 * A reschedule sends a confirmed visit back to `assigned` (the citizen confirms the new time again).
 * `lead`: on the hall's side, only its lead (or an admin bound to it) arranges, moves or refuses a
 * visit; any officer of the hall marks one done.
 */
export const HOME_VISIT_TRANSITIONS: Record<HomeVisitEvent, { side: HomeVisitSide; from: readonly HomeVisitState[]; to: HomeVisitState; lead?: true }> = {
  assign: { side: 'hall', from: ['requested'], to: 'assigned', lead: true },
  confirm: { side: 'citizen', from: ['assigned'], to: 'confirmed' },
  reschedule: { side: 'hall', from: ['assigned', 'confirmed'], to: 'assigned', lead: true },
  complete: { side: 'hall', from: ['confirmed'], to: 'done' },
  refuse: { side: 'hall', from: ['requested', 'assigned', 'confirmed'], to: 'refused', lead: true },
  cancel: { side: 'citizen', from: ['requested', 'assigned', 'confirmed'], to: 'cancelled' },
};

/** The state after the event; HOME_VISIT_STATE_CONFLICT when it does not apply in this state, FORBIDDEN when the side may not fire it. */
export function nextHomeVisitState(state: HomeVisitState, event: HomeVisitEvent, side: HomeVisitSide): HomeVisitState {
  const t = HOME_VISIT_TRANSITIONS[event];
  if (t.side !== side) throw new DomainError('FORBIDDEN');
  if (!t.from.includes(state)) throw new DomainError('HOME_VISIT_STATE_CONFLICT');
  return t.to;
}

/** Whether only the hall's lead may fire the event (the action checks it: core/homeVisit/actions/hall.ts). */
export const leadOnly = (event: HomeVisitEvent): boolean => HOME_VISIT_TRANSITIONS[event].lead === true;

/** The events a side may fire in this state (the pages offer these buttons); on the hall's side, a lead's only to a lead. */
export function eventsFor(state: HomeVisitState, side: HomeVisitSide, lead = false): HomeVisitEvent[] {
  return (Object.keys(HOME_VISIT_TRANSITIONS) as HomeVisitEvent[]).filter(
    (e) => HOME_VISIT_TRANSITIONS[e].side === side && HOME_VISIT_TRANSITIONS[e].from.includes(state) && (lead || !leadOnly(e)),
  );
}
