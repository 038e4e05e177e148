/**
 * One verified identity per WeChat account, and one account per identity. A full verification
 * on a new account moves the identity there and unbinds the old account.
 */
export type BindingDecision = { kind: 'bind' } | { kind: 'already-bound' } | { kind: 'move'; fromOpenid: string } | { kind: 'refuse'; reason: 'account-has-other-identity' };

export function decideBinding(input: {
  openid: string;
  /** Blind index of the identity the account already holds, if any. */
  accountIdIndex?: string;
  idIndex: string;
  /** Account currently bound to this identity, if any. */
  boundOpenid?: string;
}): BindingDecision {
  if (input.accountIdIndex && input.accountIdIndex !== input.idIndex) return { kind: 'refuse', reason: 'account-has-other-identity' };
  if (input.boundOpenid === input.openid) return { kind: 'already-bound' };
  if (input.boundOpenid) return { kind: 'move', fromOpenid: input.boundOpenid };
  return { kind: 'bind' };
}
