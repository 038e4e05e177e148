/**
 * Contract of the local cloud's cloud storage (devcloud/storage/localStorage.ts, issue 15): the
 * real @cloudbase/node-sdk uploads, hands out temporary URLs and deletes through it as it does
 * against CloudBase, and the bucket is private: nothing is read without a valid, unexpired
 * signature, and no upload lands without the signature its metadata carried.
 */
import { init } from '@cloudbase/node-sdk';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseEmulator, type DatabaseEmulator } from '../../devcloud/db';
import { serveDatabaseEmulator, type EmulatorServer } from '../../devcloud/db/server';
import { createLocalStorage, STORAGE_FILE_LIMIT } from '../../devcloud/storage/localStorage';

process.env.TENCENTCLOUD = 'true';

interface LocalBucket {
  app: ReturnType<typeof init>;
  clock: { now: number };
  base: string;
  close(): Promise<void>;
}

const opened: LocalBucket[] = [];
async function localBucket(dir?: string): Promise<LocalBucket> {
  const clock = { now: Date.parse('2026-12-01T02:00:00Z') };
  const listening = { at: '' };
  const storage = createLocalStorage({ envId: 'local-test', dir, baseUrl: () => listening.at, now: () => clock.now });
  const emulator: DatabaseEmulator = await createDatabaseEmulator({ collections: [], otherActions: storage.actions });
  const server: EmulatorServer = await serveDatabaseEmulator(emulator, { routes: storage.handle });
  const base = (listening.at = server.serviceUrl.replace(/\/admin$/, ''));
  const app = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' });
  const bucket = {
    app,
    clock,
    base,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
  opened.push(bucket);
  return bucket;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((b) => b.close()));
});

const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 2000 }, (_v, i) => i % 256), 0xff, 0xd9]);

test('upload, temporary URL, download, delete: the SDK round trip', async () => {
  const { app } = await localBucket();
  const { fileID } = await app.uploadFile({ cloudPath: 'materials/app-1/m0/1.jpg', fileContent: PHOTO });
  expect(fileID).toBe('cloud://local-test.local-test-local/materials/app-1/m0/1.jpg');
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 300 }] });
  expect(fileList).toEqual([expect.objectContaining({ fileID, code: 'SUCCESS' })]);
  const got = await fetch(fileList[0].tempFileURL);
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer())).toEqual(PHOTO);
  const [info] = (await app.getFileInfo({ fileList: [fileID] })).fileList;
  expect(info).toMatchObject({ code: 'SUCCESS', size: PHOTO.length, fileName: '1.jpg' });
  const deleted = await app.deleteFile({ fileList: [fileID] });
  expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(404);
  const again = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 300 }] });
  expect(again.fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
});

test('private: no download without the signature, with another file’s, or after maxAge', async () => {
  const { app, clock, base } = await localBucket();
  const a = await app.uploadFile({ cloudPath: 'materials/a.jpg', fileContent: PHOTO });
  const b = await app.uploadFile({ cloudPath: 'materials/b.jpg', fileContent: PHOTO });
  const { fileList } = await app.getTempFileURL({
    fileList: [
      { fileID: a.fileID, maxAge: 60 },
      { fileID: b.fileID, maxAge: 60 },
    ],
  });
  const [urlA, urlB] = fileList.map((f) => new URL(f.tempFileURL));
  expect((await fetch(`${base}/storage/cos/materials/a.jpg`)).status).toBe(403);
  expect((await fetch(`${urlA.origin}${urlA.pathname}${urlB.search}`)).status).toBe(403);
  expect((await fetch(urlA)).status).toBe(200);
  clock.now += 61_000;
  const late = await fetch(urlA);
  expect(late.status).toBe(403);
  expect(await late.text()).toContain('<Code>AccessDenied</Code>');
});

test('uploads land only with their own signature, in time, under the size limit', async () => {
  const { app, clock, base } = await localBucket();
  const forged = await fetch(`${base}/storage/cos/materials/x.jpg`, { method: 'PUT', body: PHOTO, headers: { authorization: 'q-sign-time=1;9999999999&q-signature=00' } });
  expect(forged.status).toBe(403);
  const meta = await app.getUploadMetadata({ cloudPath: 'materials/y.jpg' });
  const put = (path: string) =>
    fetch(`${base}/storage/cos/${path}`, { method: 'PUT', body: PHOTO, headers: { authorization: meta.data.authorization, 'x-cos-meta-fileid': meta.data.cosFileId } });
  expect((await put('materials/other.jpg')).status).toBe(403); // the signature names y.jpg
  clock.now += 901_000;
  expect((await put('materials/y.jpg')).status).toBe(403);
  clock.now -= 901_000;
  expect((await put('materials/y.jpg')).status).toBe(200);
  await expect(app.uploadFile({ cloudPath: 'materials/huge.jpg', fileContent: Buffer.alloc(STORAGE_FILE_LIMIT + 1) })).rejects.toMatchObject({
    message: expect.stringContaining('EntityTooLarge'),
  });
  await expect(app.uploadFile({ cloudPath: '../escape.jpg', fileContent: PHOTO })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
});

test('kept on disk in the local cloud: the file lies under its path, is found, read and removed there', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hukou-storage-'));
  try {
    const { app } = await localBucket(dir);
    const { fileID } = await app.uploadFile({ cloudPath: 'materials/app-2/m1/1.jpg', fileContent: PHOTO });
    expect(readFileSync(path.join(dir, 'materials/app-2/m1/1.jpg'))).toEqual(PHOTO);
    const { fileList } = await app.getTempFileURL({
      fileList: [
        { fileID, maxAge: 60 },
        { fileID: `${fileID}.missing`, maxAge: 60 },
      ],
    });
    expect(fileList.map((f) => f.code)).toEqual(['SUCCESS', 'STORAGE_FILE_NONEXIST']);
    expect(Buffer.from(await (await fetch(fileList[0].tempFileURL)).arrayBuffer())).toEqual(PHOTO);
    expect((await app.deleteFile({ fileList: [fileID, fileID] })).fileList.map((f) => f.code)).toEqual(['SUCCESS', 'STORAGE_FILE_NONEXIST']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
