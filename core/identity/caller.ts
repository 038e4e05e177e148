import { DomainError } from '../errors/DomainError';

/** Who calls, as the function context says (never the payload). */
export interface CallerContext {
  openid?: string;
  clientIp?: string;
}

/** The caller's openid, or UNAUTHENTICATED. */
export function requireOpenid(deps: { caller: CallerContext }): string {
  const openid = deps.caller.openid;
  if (!openid) throw new DomainError('UNAUTHENTICATED');
  return openid;
}
