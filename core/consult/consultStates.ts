import { DomainError } from '../errors/DomainError';
import type { ConsultState } from './consultNames';

/** What an officer does to a consultation. */
export type ConsultEvent = 'answer' | 'publish' | 'close';

const TRANSITIONS: Record<ConsultEvent, { from: readonly ConsultState[]; to: ConsultState }> = {
  answer: { from: ['open'], to: 'answered' },
  publish: { from: ['answered'], to: 'published' },
  close: { from: ['open'], to: 'closed' },
};

/** The state after the event, or CONSULT_STATE_CONFLICT when the event does not apply in this state. */
export function nextConsultState(state: ConsultState, event: ConsultEvent): ConsultState {
  const t = TRANSITIONS[event];
  if (!t.from.includes(state)) throw new DomainError('CONSULT_STATE_CONFLICT');
  return t.to;
}

/** The states the event leaves (a store's conditional update matches on them). */
export function statesBefore(event: ConsultEvent): readonly ConsultState[] {
  return TRANSITIONS[event].from;
}
