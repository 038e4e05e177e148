import type { GuideRepository } from '../guide/GuideRepository';
import type { CallerContext } from '../identity/caller';
import type { AuditLog, IdentityStore, Secrets } from '../identity/ports';
import type { Clock } from '../time/Clock';
import type { HomeVisitNotifier, HomeVisitStore } from './ports';

/** What the door-to-door service needs; the booking function wires it in (core/booking/BookingDeps.ts). */
export interface HomeVisitDeps {
  caller: CallerContext;
  homeVisits: HomeVisitStore;
  homeVisitNotifier: HomeVisitNotifier;
  guides: Pick<GuideRepository, 'hall' | 'guide'>;
  identities: Pick<IdentityStore, 'account' | 'familyLinks'>;
  secrets: Pick<Secrets, 'encrypt' | 'decrypt'>;
  audit: AuditLog;
  clock: Clock;
  /** An unguessable id derived from a key: the same for a retried request. */
  idFor(key: string): string;
}
