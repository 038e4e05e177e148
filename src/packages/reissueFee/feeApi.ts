import type { ApplicationView } from '../../../core/reissue/applicationView';
import { call } from '../../services/api';

type Versioned = { applicationId: string; expectedVersion?: number };

/** The `reissue` function's actions on a fee an officer collected by hand (issue 18): cancelled at the hall, handed back. */
export const feeApi = {
  application: (applicationId: string) => call<ApplicationView>('reissue', 'application', { applicationId }),
  cancelAtHall: (input: Versioned & { reason: string }) => call<ApplicationView>('reissue', 'cancelAtHall', input),
  returnFee: (input: Versioned & { receipt: string }) => call<ApplicationView>('reissue', 'returnFee', input),
};
