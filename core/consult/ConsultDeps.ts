import type { GuideRepository } from '../guide/GuideRepository';
import type { CallerContext } from '../identity/caller';
import type { IdentityStore } from '../identity/ports';
import type { Clock } from '../time/Clock';
import type { ConsultationStore, ConsultNotifier } from './ports';

/** What the consultation use cases need; the booking function wires them in (core/booking/BookingDeps.ts). */
export interface ConsultDeps {
  caller: CallerContext;
  consultations: ConsultationStore;
  consultNotifier: ConsultNotifier;
  guides: Pick<GuideRepository, 'hall' | 'guide'>;
  identities: Pick<IdentityStore, 'account'>;
  clock: Clock;
  /** An unguessable id derived from a key: the same for a retried request. */
  idFor(key: string): string;
}
