import { init } from '@cloudbase/node-sdk';
import { SERVER_KEEP_ALIVE_MS } from '../../devcloud/keepAlive';
import { errorCatalogue } from '../../core/errors/catalogue';
import { DATABASE_BODY_LIMIT } from '../../devcloud/db/httpHandler';
import { FUNCTION_BODY_LIMIT } from '../../devcloud/functionGateway';
import { startHarness, type Harness } from '../support/localCloudHarness';

// Bodies of tens of MiB on a busy machine: generous.
jest.setTimeout(120_000);

const MiB = 1024 * 1024;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ seed: false });
});
afterAll(async () => {
  await h.close();
});

async function send(path: string, body: string | undefined, method = 'POST'): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.cloud.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
}

/** A well-formed function call whose body is `bytes` long (more or less a few bytes). */
function callOf(bytes: number): string {
  return JSON.stringify({ action: 'search', data: { q: 'x'.repeat(bytes) } });
}

const DB = '/admin?env=hukou-local&seqId=1';

test('a function call over the limit is answered 413 with the catalogue error, and the gateway goes on', async () => {
  expect(FUNCTION_BODY_LIMIT).toBe(MiB);
  const { status, json } = await send('/fn/guide', callOf(2 * MiB));
  expect(status).toBe(413);
  expect(json).toEqual({ ok: false, error: { code: 'REQUEST_TOO_LARGE', message: errorCatalogue.REQUEST_TOO_LARGE } });
  // The next call is served as usual.
  const next = await send('/fn/guide', JSON.stringify({ action: 'nothing-here' }));
  expect(next.status).toBe(200);
  expect(next.json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
});

test('a database request over the limit is answered 413 in the database wire shape', async () => {
  const { status, json } = await send(DB, JSON.stringify({ action: 'database.getDocument', query: 'x'.repeat(DATABASE_BODY_LIMIT + MiB) }));
  expect(status).toBe(413);
  expect(json).toEqual({ requestId: expect.any(String), code: 'INVALID_PARAM', message: expect.stringMatching(/too large/) });
});

test('malformed JSON is answered 400 by both the gateway and the database', async () => {
  const fn = await send('/fn/guide', '{not json');
  expect(fn.status).toBe(400);
  expect(fn.json).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: errorCatalogue.INVALID_REQUEST } });
  const db = await send(DB, '{not json');
  expect(db.status).toBe(400);
  expect(db.json).toEqual({ requestId: expect.any(String), code: 'INVALID_PARAM', message: expect.stringMatching(/JSON/) });
  const notObject = await send(DB, '[1, 2]');
  expect(notObject.status).toBe(400);
  expect(notObject.json).toMatchObject({ code: 'INVALID_PARAM' });
});

test('wrong method is 405 and an unknown function 404, with an envelope', async () => {
  const get = await send('/fn/guide', undefined, 'GET');
  expect(get.status).toBe(405);
  expect(get.json).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: errorCatalogue.INVALID_REQUEST } });
  const dbGet = await send(DB, undefined, 'GET');
  expect(dbGet.status).toBe(405);
  expect(dbGet.json).toMatchObject({ code: 'INVALID_PARAM' });
  const missing = await send('/fn/no-such-function', '{}');
  expect(missing.status).toBe(404);
  expect(missing.json).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: errorCatalogue.UNKNOWN_ACTION } });
});

test('a business error of the database stays a 200 the SDK turns into its error', async () => {
  const { status, json } = await send(DB, JSON.stringify({ action: 'database.noSuchThing', collectionName: 'guides' }));
  expect(status).toBe(200);
  expect(json).toMatchObject({ code: 'INVALID_PARAM', requestId: expect.any(String) });
});

test('idle connections are kept longer by the local cloud than by any client, so a client never reuses one being closed', async () => {
  // The server announces how long it keeps an idle connection; undici (fetch) keeps one 4 s and
  // Node's agent 5 s. At 5 s on the server, a client busy building a large body sent it on a
  // connection closed in that instant and read ECONNRESET (the 413 test above, on a loaded machine).
  const res = await fetch(`${h.cloud.url}/healthz`);
  await res.text();
  const timeout = Number(/timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '')?.[1]);
  expect(timeout * 1000).toBe(SERVER_KEEP_ALIVE_MS);
  expect(SERVER_KEEP_ALIVE_MS).toBeGreaterThan(5_000 * 10);
});

test('cloud storage is served beside the database: the SDK uploads, the file is private, a temporary URL reads it', async () => {
  const app = init({ env: process.env.TCB_ENV ?? 'hukou-local', serviceUrl: `${h.cloud.url}/admin`, secretId: 'local', secretKey: 'local' });
  const bytes = Buffer.from('material photo');
  const { fileID } = await app.uploadFile({ cloudPath: 'materials/local-cloud-check.jpg', fileContent: bytes });
  expect((await fetch(`${h.cloud.url}/storage/cos/materials/local-cloud-check.jpg`)).status).toBe(403);
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
  const got = await fetch(fileList[0].tempFileURL);
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
  await app.deleteFile({ fileList: [fileID] });
});
