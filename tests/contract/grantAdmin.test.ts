import type { Account } from '../../core/identity/Account';
import { devSecrets } from '../../devcloud/seed/verifiedCitizens';
import { FIELD } from '../../core/identity/fieldNames';
import { describeGrant, grantAdmin, GRANT_ADMIN_ACTION } from '../../scripts/admin/grantAdmin';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

/** `npm run admin:grant`'s module against the real SDK and the emulator (issue 13). */
let e: EmulatedDatabase;
beforeEach(async () => {
  e = await startEmulatedDatabase();
});
afterEach(async () => {
  await e.close();
});

const OPENID = 'oAbCdEfGhIjKlMnOpQrStUvWx-_1';
const NOW = new Date('2026-03-02T01:00:00Z');
const opts = { now: NOW, operator: 'ops-zhang' };

async function account(openid = OPENID): Promise<Account | undefined> {
  return ((await e.db.collection('accounts').doc(openid).get()).data as Account[])[0];
}
async function audits() {
  return (await e.db.collection('audit_log').where({ action: GRANT_ADMIN_ACTION }).get()).data as Array<{
    _id: string;
    actorOpenid: string;
    target: string;
    role: string;
    at: Date;
  }>;
}

test('a person who never opened the mini-program: an admin account as newAccount makes them, and one audit record', async () => {
  const r = await grantAdmin(e.db, OPENID, opts);
  expect(r).toMatchObject({ outcome: 'created', openid: OPENID, halls: [], verified: false, dryRun: false, auditId: expect.any(String) });
  expect(await account()).toEqual({ _id: OPENID, role: 'admin', consents: [], halls: [], createdAt: NOW, updatedAt: NOW });
  const [record, ...more] = await audits();
  expect(more).toEqual([]);
  expect(record).toEqual({ _id: r.auditId, actorOpenid: 'ops:ops-zhang', role: 'admin', action: 'admin.grant', target: OPENID, at: NOW });
  expect(describeGrant(r, 'env x')).toBe(`created the account ${OPENID} as an admin in env x (the person has not opened the mini-program yet); audit record ${r.auditId}`);
});

test('idempotent: granting again changes nothing and audits nothing', async () => {
  await grantAdmin(e.db, OPENID, opts);
  const before = await account();
  const again = await grantAdmin(e.db, OPENID, { ...opts, now: new Date(NOW.getTime() + 60_000) });
  expect(again).toMatchObject({ outcome: 'alreadyAdmin', previousRole: 'admin' });
  expect(again.auditId).toBeUndefined();
  expect(await account()).toEqual(before);
  expect(await audits()).toHaveLength(1);
  expect(describeGrant(again, 'env x')).toBe(`${OPENID} is already an admin in env x: nothing to do`);
});

test("an officer's verified account keeps its identity, consents and halls; only the role changes", async () => {
  const secrets = devSecrets();
  const created = new Date('2026-01-05T02:00:00Z');
  const officer: Omit<Account, '_id'> = {
    role: 'officer',
    consents: [{ purpose: 'identity', version: 1, at: created }],
    halls: ['haikou-longhua'],
    identity: {
      residentId: 'resident-005',
      idIndex: secrets.index('idNumber', '460108199012052864'),
      idNumberEnc: secrets.encrypt('460108199012052864', FIELD.idNumber),
      nameEnc: secrets.encrypt('陈晓燕', FIELD.name),
      phoneEnc: secrets.encrypt('13900000000', FIELD.phone),
      phoneIndex: secrets.index('phone', '13900000000'),
      verifiedAt: created,
    },
    createdAt: created,
    updatedAt: created,
  };
  await e.db.collection('accounts').doc(OPENID).set(officer);
  const r = await grantAdmin(e.db, OPENID, opts);
  expect(r).toMatchObject({ outcome: 'promoted', previousRole: 'officer', halls: ['haikou-longhua'], verified: true });
  expect(await account()).toEqual({ _id: OPENID, ...officer, role: 'admin', updatedAt: NOW });
  expect(describeGrant(r, 'env x')).toContain('(was officer; verified identity and halls haikou-longhua kept)');
  expect(describeGrant(r, 'env x')).not.toMatch(/4601|陈/);
});

test('a dry run reads and tells, and writes nothing', async () => {
  const r = await grantAdmin(e.db, OPENID, { ...opts, dryRun: true });
  expect(r).toMatchObject({ outcome: 'created', dryRun: true });
  expect(r.auditId).toBeUndefined();
  expect(await account()).toBeUndefined();
  expect(await audits()).toEqual([]);
  expect(describeGrant(r, 'env x')).toMatch(/^dry run, nothing changed: would create the account/);
});

test('a malformed openid is refused before anything is read or written', async () => {
  for (const bad of ['', 'oAbC', `${OPENID}x`, 'oAbCdEfGhIjKlMnOpQrStUv Wx-_', 'oAbCdEfGhIjKlMnOpQrStUvWx$_1', 'local-admin']) {
    await expect(grantAdmin(e.db, bad, opts)).rejects.toThrow(/is not a WeChat openid/);
  }
  // A persona of the local cloud only where the target is a local cloud.
  expect((await grantAdmin(e.db, 'local-admin', { ...opts, allowLocal: true })).outcome).toBe('created');
  expect(await audits()).toHaveLength(1);
});
