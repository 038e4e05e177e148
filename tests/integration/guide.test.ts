import { guideActions } from '../../core/guide/guideActions';
import { errorCodes } from '../../core/errors/catalogue';
import { localDatabase } from '../../devcloud/localDatabase';
import { importContent } from '../../server/seed/importContent';
import { loadSeedContent } from '../../server/seed/loadSeedContent';
import { startHarness, type Harness } from '../support/localCloudHarness';

jest.setTimeout(30_000);

let h: Harness;
const content = loadSeedContent();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok<T = any>(action: string, data: unknown = {}): Promise<T> {
  const { status, body } = await h.call('guide', { action, data });
  expect(status).toBe(200);
  if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body.error)}`);
  // What the function returns is exactly what docs/API.md promises.
  return guideActions[action].output.parse(body.data) as T;
}

async function fails(event: unknown): Promise<{ code: string; message: string }> {
  const { body } = await h.call('guide', event);
  expect(body.ok).toBe(false);
  expect(Object.keys(body).sort()).toEqual(['error', 'ok']);
  expect(errorCodes).toContain(body.error.code);
  expect(body.error.message).not.toMatch(/at \w+ \(|Error:|\.ts:\d+/);
  return body.error;
}

test('categories count every seeded guide', async () => {
  const { categories } = await ok('categories');
  expect(categories.map((c: { id: string }) => c.id)).toEqual(content.categories.sort((a, b) => a.order - b.order).map((c) => c._id));
  expect(categories.reduce((s: number, c: { guideCount: number }) => s + c.guideCount, 0)).toBe(content.guides.length);
});

test('the cross-province list has the eight 跨省通办 items', async () => {
  const { guides } = await ok('list', { crossProvince: true });
  expect(guides.length).toBe(content.guides.filter((g) => g.crossProvince).length);
  expect(guides.length).toBeGreaterThanOrEqual(8);
  expect(guides.every((g: { crossProvince: boolean }) => g.crossProvince)).toBe(true);
});

test('searching 迁移 finds the migration items, best first, and says where it matched', async () => {
  const { guides } = await ok('search', { q: '迁移' });
  const ids = guides.map((g: { id: string }) => g.id);
  for (const id of ['migration-job-transfer', 'migration-college-admission', 'migration-graduate', 'migration-spouse', 'migration-parents-join-children']) {
    expect(ids).toContain(id);
  }
  expect(guides[0].matched.field).toBe('title');
});

test('search forgives typos, English and pinyin through the imported lexicon and pinyin, and answers nonsense with the hotline', async () => {
  const idCard = content.guides.filter((g) => g.title.includes('居民身份证')).map((g) => g._id);
  for (const q of ['身分证', 'sfz', 'ID card', 'shenfenzheng']) {
    const { guides } = await ok('search', { q });
    expect({ q, first: new Set(guides.slice(0, idCard.length).map((g: { id: string }) => g.id)) }).toEqual({ q, first: new Set(idCard) });
  }
  expect((await ok('search', { q: '居往证' })).guides[0].id).toBe('residence-permit-application');
  expect((await ok('search', { q: '改名' })).guides[0].id).toBe('name-change');
  expect((await ok('search', { q: 'hukoubu' })).guides[0].id).toBe('household-register-reissue');
  const passport = await ok('search', { q: 'passport' });
  expect(passport).toMatchObject({ guides: [], elsewhere: { phone: '12367' }, hotline: { phone: '12345' } });
  const nonsense = await ok('search', { q: '航天飞机' });
  expect(nonsense).toEqual({ query: '航天飞机', guides: [], hotline: content.lexicon.hotline });
  // The pinyin index stays on the server: a detail does not carry it.
  expect(await ok('detail', { id: 'name-change' })).not.toHaveProperty('searchPinyin');
});

test('halls near a place come nearest first with their distance', async () => {
  const { halls } = await ok('halls', { near: { latitude: 22.5208, longitude: 113.9301 } });
  expect(halls[0]).toMatchObject({ id: 'shenzhen-nanshan', distanceKm: 0 });
  expect(halls.map((x: { distanceKm: number }) => x.distanceKm)).toEqual([...halls.map((x: { distanceKm: number }) => x.distanceKm)].sort((a, b) => a - b));
  // The position is input for this answer, never a log field.
  expect(h.logs.join('\n')).not.toContain('22.5208');
});

test('searching a material (录取通知书) finds the guide that needs it', async () => {
  const { guides } = await ok('search', { q: '录取通知书' });
  expect(guides[0].id).toBe('migration-college-admission');
  expect(guides[0].matched).toEqual({ field: 'material', text: expect.stringContaining('录取通知书') });
});

test('a guide detail has materials, time limits and the halls that handle it with today’s hours', async () => {
  const detail = await ok('detail', { id: 'migration-job-transfer' });
  expect(detail.crossProvince).toBe(true);
  expect(detail.materials.length).toBeGreaterThan(0);
  expect(detail.halls.length).toBeGreaterThan(0);
  const handling = content.halls.filter((x) => x.services.includes('migration-job-transfer')).map((x) => x._id);
  expect(detail.halls.map((x: { id: string }) => x.id).sort()).toEqual(handling.sort());
  expect(detail.halls[0].today.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('halls by city, and a hall with its week, special hours and services', async () => {
  const all = await ok('halls');
  expect(all.cities.length).toBeGreaterThanOrEqual(2);
  const shenzhen = await ok('halls', { city: '深圳市' });
  expect(shenzhen.halls.length).toBeGreaterThan(0);
  expect(shenzhen.halls.every((x: { city: string }) => x.city === '深圳市')).toBe(true);
  const hall = await ok('hall', { id: all.halls[0].id });
  expect(hall.week).toHaveLength(7);
  expect(hall.weekly.length).toBeGreaterThan(0);
  expect(hall.services.length).toBeGreaterThan(0);
});

test('unknown guide, hall and category get their catalogue errors', async () => {
  expect((await fails({ action: 'detail', data: { id: 'no-such-guide' } })).code).toBe('GUIDE_NOT_FOUND');
  expect((await fails({ action: 'hall', data: { id: 'no-such-hall' } })).code).toBe('HALL_NOT_FOUND');
  expect((await fails({ action: 'list', data: { categoryId: 'no-such-category' } })).code).toBe('CATEGORY_NOT_FOUND');
});

test('bad requests get clear errors, never a crash', async () => {
  expect((await fails({ action: 'drop-everything' })).code).toBe('UNKNOWN_ACTION');
  expect((await fails({ action: '__proto__' })).code).toBe('UNKNOWN_ACTION');
  expect((await fails({ nothing: true })).code).toBe('INVALID_REQUEST');
  expect((await fails([1, 2, 3])).code).toBe('INVALID_REQUEST');
  expect((await fails({ action: 'search', data: { q: '' } })).code).toBe('INVALID_INPUT');
  expect((await fails({ action: 'search', data: { q: 'x'.repeat(41) } })).code).toBe('INVALID_INPUT');
  expect((await fails({ action: 'detail', data: { id: '../../etc/passwd' } })).code).toBe('INVALID_INPUT');
  expect((await fails({ action: 'detail', data: { id: { $ne: null } } })).code).toBe('INVALID_INPUT');
  expect((await fails({ action: 'categories', data: { extra: 1 } })).code).toBe('INVALID_INPUT');
  expect((await fails('{not json')).code).toBe('INVALID_REQUEST');
  // The function still answers after all that.
  await ok('categories');
});

test('the gateway refuses what is not a function call', async () => {
  const get = await fetch(`${h.cloud.url}/fn/guide`);
  expect(get.status).toBe(405);
  const missing = await h.call('no-such-function', { action: 'x' });
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe('UNKNOWN_ACTION');
});

test('importing the content again adds no duplicates', async () => {
  const before = await ok('categories');
  const reports = await importContent(localDatabase(h.cloud.url), content);
  expect(reports.every((r) => r.stale.length === 0)).toBe(true);
  const db = localDatabase(h.cloud.url);
  expect((await db.collection('guides').count()).total).toBe(content.guides.length);
  expect((await db.collection('halls').count()).total).toBe(content.halls.length);
  expect((await db.collection('search_lexicon').count()).total).toBe(1);
  expect(await ok('categories')).toEqual(before);
});

test('log lines hold only allowlisted fields', async () => {
  await ok('search', { q: '身份证' });
  const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.length).toBeGreaterThan(0);
  const allowed = new Set(['time', 'fn', 'action', 'requestId', 'clientRequest', 'outcome', 'durationMs', 'errorCode', 'error']);
  for (const line of lines) for (const key of Object.keys(line)) expect(allowed).toContain(key);
  expect(lines.some((l) => l.action === 'search' && l.outcome === 'ok')).toBe(true);
  // The search words are input, not log fields.
  expect(h.logs.join('\n')).not.toContain('身份证');
});
