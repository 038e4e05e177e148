import { maskName } from '../privacy/mask';
import type { Account } from './Account';
import { FIELD } from './fieldNames';
import type { Secrets } from './ports';

/** How an account is named to admins and in the audit log: its masked name, or a short reference when it holds no verified identity. */
export function accountLabel(secrets: Pick<Secrets, 'decrypt'>, openid: string, account: Pick<Account, 'identity'> | null | undefined): string {
  return account?.identity ? maskName(secrets.decrypt(account.identity.nameEnc, FIELD.name)) : `（未实名，账号尾号${openid.slice(-4)}）`;
}
