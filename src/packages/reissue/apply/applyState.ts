import { SELF } from '../../../components/ActingForChips';
import type { ApiError } from '../../../services/api';
import type { AddressInput, ReissueReason, ReissueView } from '../../../services/reissueApi';
import { EMPTY_ADDRESS } from '../components/AddressForm';

export type DeliveryKind = 'mail' | 'hall';

/** Everything the citizen chose on the page, and where the application stands. */
export interface ApplyState {
  who: string;
  reason: ReissueReason;
  delivery: DeliveryKind;
  address: AddressInput;
  hallId: string;
  photoOk: boolean;
  lossReportedAt: string;
  step: 'form' | 'confirm';
  /** One id per application attempt: a retry after a lost answer sends the same one. */
  requestId: string;
  applied?: ReissueView;
  error?: ApiError;
  formProblem: string;
  busy: boolean;
}

export const INITIAL_APPLY_STATE: ApplyState = {
  who: SELF,
  reason: 'lost',
  delivery: 'mail',
  address: EMPTY_ADDRESS,
  hallId: '',
  photoOk: false,
  lossReportedAt: '',
  step: 'form',
  requestId: '',
  formProblem: '',
  busy: false,
};

export type ApplyEvent =
  | { type: 'chooseWho'; who: string }
  | { type: 'chooseReason'; reason: ReissueReason }
  | { type: 'chooseDelivery'; delivery: DeliveryKind }
  | { type: 'editAddress'; address: AddressInput }
  | { type: 'chooseHall'; hallId: string }
  | { type: 'togglePhoto' }
  | { type: 'started' }
  | { type: 'finished' }
  | { type: 'lossReported'; at: string }
  | { type: 'failed'; error: ApiError; requestId?: string }
  | { type: 'checked'; problem?: string; requestId: string }
  | { type: 'applied'; application: ReissueView }
  | { type: 'backToForm' };

/**
 * Another person or another reason is another case: its loss report and photo consent start
 * over. Choosing what is already chosen changes nothing.
 */
function newCase(state: ApplyState, change: Pick<ApplyState, 'who' | 'reason'>): ApplyState {
  if (change.who === state.who && change.reason === state.reason) return state;
  return { ...state, ...change, lossReportedAt: '', photoOk: false };
}

export function applyReducer(state: ApplyState, event: ApplyEvent): ApplyState {
  switch (event.type) {
    case 'chooseWho':
      return newCase(state, { who: event.who, reason: state.reason });
    case 'chooseReason':
      return newCase(state, { who: state.who, reason: event.reason });
    case 'chooseDelivery':
      return { ...state, delivery: event.delivery };
    case 'editAddress':
      return { ...state, address: event.address };
    case 'chooseHall':
      return { ...state, hallId: event.hallId };
    case 'togglePhoto':
      return { ...state, photoOk: !state.photoOk };
    case 'started':
      return { ...state, error: undefined, busy: true };
    case 'finished':
      return { ...state, busy: false };
    case 'lossReported':
      return { ...state, lossReportedAt: event.at };
    case 'failed':
      return { ...state, error: event.error, requestId: event.requestId ?? state.requestId };
    case 'checked':
      return event.problem
        ? { ...state, error: undefined, formProblem: event.problem }
        : { ...state, error: undefined, formProblem: '', requestId: event.requestId, step: 'confirm' };
    case 'applied':
      return { ...state, applied: event.application };
    case 'backToForm':
      return { ...state, error: undefined, step: 'form' };
  }
}
