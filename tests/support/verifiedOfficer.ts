import { newAccount, type Account } from '../../core/identity/Account';
import { devSecrets } from '../../devcloud/seed/verifiedCitizens';
import { localDatabase } from '../../devcloud/localDatabase';
import { officerIdentity } from './officerIdentity';

type Caller = { cloud: { url: string }; call(fn: string, event: unknown, persona?: string): Promise<{ status: number; body: any }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Officers act only once verified themselves (core/identity/hallAccess.ts). Gives the account a
 * verified identity straight in the local cloud's database, as a completed verification would
 * (a synthetic person, so no demo resident's binding moves), keeping its role and halls.
 */
export async function verifyOfficer(cloudUrl: string, openid: string, name = '测试民警'): Promise<void> {
  const db = localDatabase(cloudUrl);
  const now = new Date();
  const found = ((await db.collection('accounts').doc(openid).get()).data?.[0] as Account | undefined) ?? newAccount(openid, now);
  const identity = officerIdentity(devSecrets(), openid, now, name);
  const { _id, ...body } = { ...found, identity, updatedAt: now };
  void _id;
  await db.collection('identity_bindings').doc(identity.idIndex).set({ openid, boundAt: now });
  await db.collection('accounts').doc(openid).set(body);
}

/** An admin's invitation for `halls`, accepted by `openid`, who is then verified: an officer who may act. */
export async function inviteOfficer(h: Caller, openid: string, halls: string[], admin = 'local-admin'): Promise<void> {
  const invite = await h.call('identity', { action: 'createOfficerInvitation', data: { halls, validDays: 1 } }, admin);
  if (!invite.body.ok) throw new Error(`invitation failed: ${JSON.stringify(invite.body.error)}`);
  const accepted = await h.call('identity', { action: 'acceptOfficerInvitation', data: { code: invite.body.data.code } }, openid);
  if (!accepted.body.ok) throw new Error(`accepting failed: ${JSON.stringify(accepted.body.error)}`);
  await verifyOfficer(h.cloud.url, openid);
}
