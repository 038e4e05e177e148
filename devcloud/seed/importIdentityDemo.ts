import { consentsGiven, personas } from '../personas';
import type { Account } from '../../core/identity/Account';
import { FIELD } from '../../core/identity/fieldNames';
import type { Secrets } from '../../core/identity/ports';
import type { Database } from '../../server/cloudbase/app';
import { putDoc } from '../../server/cloudbase/documents';
import type { SyntheticResident } from './loadResidents';

/**
 * Local and staging only: the demo personas' accounts, verified as synthetic residents (the people
 * the registry stand-in knows, devcloud/registry). Idempotent (stable ids).
 */
export async function importIdentityDemo(db: Database, secrets: Secrets, residents: readonly SyntheticResident[], now = new Date()): Promise<void> {
  for (const p of personas) {
    const account: Account = { _id: p.openid, role: p.role, consents: p.verifiedAs ? consentsGiven(now) : [], halls: p.halls, createdAt: now, updatedAt: now };
    if (p.verifiedAs) {
      const r = residents.find((x) => x._id === p.verifiedAs!.residentId);
      if (!r) throw new Error(`persona ${p.openid}: no resident ${p.verifiedAs.residentId}`);
      const idIndex = secrets.index('idNumber', r.parsed.number);
      account.identity = {
        residentId: r._id,
        idIndex,
        idNumberEnc: secrets.encrypt(r.parsed.number, FIELD.idNumber),
        nameEnc: secrets.encrypt(r.name, FIELD.name),
        phoneEnc: secrets.encrypt(p.verifiedAs.phone, FIELD.phone),
        phoneIndex: secrets.index('phone', p.verifiedAs.phone),
        verifiedAt: now,
      };
      await putDoc(db, 'identity_bindings', { _id: idIndex, openid: p.openid, boundAt: now });
    }
    // A persona that exists already keeps what the developer did with it (e.g. family members).
    const existing = (await db.collection('accounts').doc(p.openid).get()).data?.[0] as Account | undefined;
    if (!existing) await putDoc(db, 'accounts', account);
    // An officer persona kept from before officers had to be verified gets its identity, so it can act again.
    else if (account.identity && p.halls.length > 0 && !existing.identity)
      await putDoc(db, 'accounts', { ...existing, _id: p.openid, identity: account.identity, consents: account.consents });
  }
}
