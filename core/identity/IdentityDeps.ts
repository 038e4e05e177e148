import type { Clock } from '../time/Clock';
import type { CallerContext } from './caller';
import type { DivisionDirectory } from './idNumber';
import type { AuditLog, FaceVerifier, IdentityStore, PopulationRegistry, Secrets, SmsSender } from './ports';

/** What the identity use cases need from the outside world (adapters in server/identity). */
export interface IdentityDeps {
  caller: CallerContext;
  identities: IdentityStore;
  registry: PopulationRegistry;
  sms: SmsSender;
  face: FaceVerifier;
  audit: AuditLog;
  secrets: Secrets;
  divisions: DivisionDirectory;
  clock: Clock;
}
