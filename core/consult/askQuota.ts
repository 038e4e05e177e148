import { DomainError } from '../errors/DomainError';
import { MAX_OPEN_PER_ASKER, MAX_PER_DAY } from './consultNames';

/** What the store counted of one account's questions. */
export interface AskerCounts {
  /** Questions still waiting for an answer. */
  open: number;
  /** Questions asked since the start of today in Asia/Shanghai. */
  today: number;
}

/**
 * The rate limit of asking, per WeChat account: at most MAX_OPEN_PER_ASKER waiting at once (a hall
 * is not flooded by one account) and MAX_PER_DAY a day. CONSULT_LIMIT otherwise.
 */
export function checkAskQuota(counts: AskerCounts): void {
  if (counts.open >= MAX_OPEN_PER_ASKER || counts.today >= MAX_PER_DAY) throw new DomainError('CONSULT_LIMIT');
}
