/**
 * Upload places of material photos (issue 15, core/business/uploads.ts), through the local cloud:
 * every place handed out is recorded, one application gets a limited number a day, and the daily
 * timer deletes a photo uploaded but never attached (or replaced before it was attached) a day
 * later, and every photo handed out for an application when its materials are purged.
 */
import { init } from '@cloudbase/node-sdk';
import { errorCatalogue } from '../../core/errors/catalogue';
import { UPLOADS_PER_APPLICATION_PER_DAY } from '../../core/business/uploads';
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { businessFlow } from './support/businessFlow';

jest.setTimeout(120_000);

let h: Harness;
let b: ReturnType<typeof businessFlow>;
const CITIZEN = 'local-citizen';
const HALL = 'haikou-longhua';
const DAY_MS = 86_400_000;
const NOW = at('2026-03-02', '10:00');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = businessFlow(h);
});
afterAll(async () => {
  await h.close();
});

/** Whether storage still holds the file (asked as a function would, through the SDK). */
async function stored(fileId: string): Promise<boolean> {
  const app = init({ env: process.env.TCB_ENV ?? 'hukou-local', serviceUrl: `${h.cloud.url}/admin`, secretId: 'local', secretKey: 'local' });
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 60 }] });
  return fileList[0]?.code === 'SUCCESS';
}

const records = async (applicationId: string) => (await localDatabase(h.cloud.url).collection('business_uploads').where({ applicationId }).get()).data as Array<{ fileId: string }>;

test('a photo never attached, or replaced before it was, is deleted a day later; attached ones stay; then all go with the materials', async () => {
  const app = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '子女入学' }, requestId: requestId() });
  const abandoned = await b.upload(CITIZEN, app.id, 'm0'); // uploaded, then the citizen took another
  const kept = await b.upload(CITIZEN, app.id, 'm0');
  await b.ok(CITIZEN, 'attachMaterial', { applicationId: app.id, material: 'm0', fileIds: [kept], expectedVersion: app.version });
  expect((await records(app.id)).map((r) => r.fileId).sort()).toEqual([abandoned, kept].sort());
  expect(await stored(abandoned)).toBe(true);

  // Less than a day later nothing is touched: the citizen may still be attaching it.
  h.setNow(new Date(NOW.getTime() + 20 * 3_600_000));
  expect((await h.timer('business', 'purgeMaterials')).data.unattached).toBe(0);
  expect(await stored(abandoned)).toBe(true);
  // Too late to attach it now (the timer may delete it any moment): the citizen is told to upload again.
  h.setNow(new Date(NOW.getTime() + 23.5 * 3_600_000));
  const seen = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  const refused = await b.error(CITIZEN, 'attachMaterial', { applicationId: app.id, material: 'm0', fileIds: [kept, abandoned], expectedVersion: seen.version });
  expect(refused).toMatchObject({ code: 'MATERIAL_INVALID', message: expect.stringContaining('照片上传已超过一天，请重新上传') });
  // The photo already attached is sent again with the others (the page sends the whole list): no age check for it.
  expect((await b.call(CITIZEN, 'attachMaterial', { applicationId: app.id, material: 'm0', fileIds: [kept], expectedVersion: seen.version })).ok).toBe(true);

  // A day later the unattached photo is deleted, the attached one stays, and both records are gone.
  h.setNow(new Date(NOW.getTime() + DAY_MS + 60_000));
  const purged = await h.timer('business', 'purgeMaterials');
  expect(purged.data).toMatchObject({ unattached: 1, applications: 0 });
  expect(await stored(abandoned)).toBe(false);
  expect(await stored(kept)).toBe(true);
  expect(await records(app.id)).toEqual([]);
  const current = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(current.materials[0].photos).toHaveLength(1);

  // A place handed out just before the application ended goes when its materials are purged.
  const late = await b.upload(CITIZEN, app.id, 'm1');
  const withdrawn = await b.ok(CITIZEN, 'withdraw', { applicationId: app.id, expectedVersion: current.version });
  expect(withdrawn.state).toBe('withdrawn');
  h.setNow(new Date(NOW.getTime() + 93 * DAY_MS));
  const final = await h.timer('business', 'purgeMaterials');
  expect(final.data).toMatchObject({ applications: 1, files: 2 });
  expect(await stored(kept)).toBe(false);
  expect(await stored(late)).toBe(false);
  expect(await records(app.id)).toEqual([]);
  h.setNow(NOW);
});

test('one application gets a limited number of upload places a day, told in Chinese; the next day more', async () => {
  const app = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '求职' }, requestId: requestId() });
  const ask = () => b.call(CITIZEN, 'materialUpload', { applicationId: app.id, material: 'm0', type: 'jpeg' });
  for (let i = 0; i < UPLOADS_PER_APPLICATION_PER_DAY; i += 1) expect((await ask()).ok).toBe(true);
  const refused = await ask();
  expect(refused.error).toEqual({ code: 'MATERIAL_UPLOAD_LIMIT', message: errorCatalogue.MATERIAL_UPLOAD_LIMIT });
  expect(refused.error.message).toMatch(/明天/);
  // Refused places are not recorded: nothing more to clean up than was handed out.
  expect(await records(app.id)).toHaveLength(UPLOADS_PER_APPLICATION_PER_DAY);
  // The limit is per application: the photos already attached elsewhere are unaffected, and a new day counts afresh.
  h.setNow(new Date(NOW.getTime() + DAY_MS));
  expect((await ask()).ok).toBe(true);
  h.setNow(NOW);
});
