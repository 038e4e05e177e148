import type { CallerContext } from '../identity/caller';
import type { IdentityStore } from '../identity/ports';
import type { Clock } from '../time/Clock';
import type { RatingStore } from './ports';

/** What the rating use cases need; the booking and reissue functions both wire it in. */
export interface RatingDeps {
  caller: CallerContext;
  ratings: RatingStore;
  identities: Pick<IdentityStore, 'account'>;
  clock: Clock;
}
