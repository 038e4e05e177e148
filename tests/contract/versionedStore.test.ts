/**
 * Contract: the versioned save and the open-application claims the reissue and business stores
 * share (server/cloudbase/versionedSave.ts, openClaims.ts), against the emulator through the SDK:
 * of two saves on one version exactly one writes, sub-documents are replaced whole, a second claim
 * names its holder (and since when), and only the holder releases a claim.
 */
import { claimOpen, releaseOpen } from '../../server/cloudbase/openClaims';
import { getDoc } from '../../server/cloudbase/documents';
import { saveVersioned } from '../../server/cloudbase/versionedSave';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

let env: EmulatedDatabase;
beforeAll(async () => {
  env = await startEmulatedDatabase();
});
afterEach(() => env.emulator.reset());
afterAll(() => env.close());

const AT = new Date('2026-03-02T02:00:00Z');

for (const [apps, claims] of [
  ['reissue_applications', 'reissue_claims'],
  ['business_applications', 'business_claims'],
] as const) {
  test(`${apps}: of two saves decided on one version exactly one writes; sub-documents are replaced whole`, async () => {
    await env.db.collection(apps).add({ _id: 'a1', version: 1, state: 'submitted', shipment: { courier: 'EMS', trackingNumber: 'X1', note: 'old' } });
    const results = await Promise.all(
      ['one', 'two'].map((who) => saveVersioned(env.db, apps, { _id: 'a1', version: 2, state: who, shipment: { courier: 'SF', trackingNumber: who } }, 1)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await getDoc<{ version: number; state: string; shipment: Record<string, string> }>(env.db, apps, 'a1');
    expect(stored?.version).toBe(2);
    expect(stored?.shipment).toEqual({ courier: 'SF', trackingNumber: stored?.state });
    expect(await saveVersioned(env.db, apps, { _id: 'a1', version: 2, state: 'late' }, 1)).toBe(false);
  });

  test(`${claims}: one open claim per key, the second names its holder and since when; only the holder releases it`, async () => {
    expect(await claimOpen(env.db, claims, 'k1', 'a1', AT)).toEqual({ taken: true });
    const second = await claimOpen(env.db, claims, 'k1', 'a2', new Date(AT.getTime() + 1000));
    expect(second).toEqual({ taken: false, holder: 'a1', since: AT });
    await releaseOpen(env.db, claims, 'k1', 'a2');
    expect((await claimOpen(env.db, claims, 'k1', 'a2', AT)).taken).toBe(false);
    await releaseOpen(env.db, claims, 'k1', 'a1');
    await releaseOpen(env.db, claims, 'k1', 'a1');
    expect(await claimOpen(env.db, claims, 'k1', 'a2', AT)).toEqual({ taken: true });
  });
}
