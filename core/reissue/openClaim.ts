import { DomainError } from '../errors/DomainError';
import type { ReissueDeps } from './ReissueDeps';
import { isOpen } from './stateMachine';

/**
 * How long a claim may stand without its application before it counts as left by a crash: apply
 * takes the claim and inserts the application within one function call (60 s at most), so a
 * younger claim whose application is not there yet belongs to an application being submitted now.
 */
export const CLAIM_IN_FLIGHT_MS = 5 * 60 * 1000;

/**
 * One open application per person, held by the database (a claim with a deterministic id), so two
 * applications submitted at the same moment cannot both be created. A claim whose application is
 * no longer open, or that has stood past CLAIM_IN_FLIGHT_MS without its application (left by a
 * crash), is cleared and taken again.
 */
export async function takeOpenClaim(deps: Pick<ReissueDeps, 'store' | 'clock'>, subjectIdIndex: string, applicationId: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = deps.clock.now();
    const claim = await deps.store.claimOpen(subjectIdIndex, applicationId, now);
    // Taken by this very application: an earlier attempt of the same request took it.
    if (claim.taken || claim.holder === applicationId) return;
    const holder = claim.holder ? await deps.store.application(claim.holder) : null;
    if (holder && isOpen(holder)) throw new DomainError('REISSUE_ALREADY_OPEN');
    const inFlight = !holder && claim.since !== undefined && now.getTime() - claim.since.getTime() < CLAIM_IN_FLIGHT_MS;
    if (inFlight) throw new DomainError('REISSUE_ALREADY_OPEN');
    await deps.store.releaseOpen(subjectIdIndex, claim.holder);
  }
  throw new DomainError('REISSUE_ALREADY_OPEN');
}
