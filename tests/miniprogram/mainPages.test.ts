/**
 * The main package's pages of the REAL weapp build (dist/weapp) in miniprogram-simulate, each with
 * its data from the local cloud (one per file) through the `wx.cloud` stand-in bound to the local
 * environment: the guide list, a guide, the halls, a hall (openLocation with its coordinates; the
 * address copied through the privacy authorization WeChat asks for), and 我的 as the demo citizen.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { loadSeedContent } from '../../server/seed/loadSeedContent';
import type { OpenedPage } from './support/miniProgramHost';
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { LOCAL_ENV_ID, startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(120_000);
const WAIT = { timeout: 30_000 };

const seed = loadSeedContent();
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'pages/index/index' });
});
afterAll(async () => {
  await s?.close();
});

/** The texts of the elements of `className`, once there is at least one. */
function texts(page: OpenedPage, className: string, what = className): Promise<string[]> {
  return waitFor(
    () => {
      const found = byClass(page.dom, className).map(textOf);
      expect(found.length).toBeGreaterThan(0);
      return found;
    },
    { ...WAIT, what },
  );
}

/** Nothing went wrong while the page was used: no errors thrown or logged, every node drawn. */
function clean(page: OpenedPage) {
  expect(s.logged).toEqual([]);
  expect(s.functionErrors()).toEqual([]);
  expect(s.mp.wxmlWarnings).toEqual([]);
  expect(s.wx.platform.problems).toEqual([]);
  expect(byText(page.dom, '加载失败')).toHaveLength(0);
}

test('wx.cloud.init got the environment id, and every call went to that environment', async () => {
  const page = s.open('pages/guides/index');
  await texts(page, 'guide-list__title');
  expect(s.wx.cloudInit()).toEqual({ env: LOCAL_ENV_ID, traceUser: true });
  expect(s.wx.cloudCalls.length).toBeGreaterThan(0);
  for (const call of s.wx.cloudCalls) expect(call.env).toBe(LOCAL_ENV_ID);
  page.close();
});

test('办事指南: the categories and the cross-province guides the guide function returned', async () => {
  const page = s.open('pages/guides/index', { cross: '1' });
  const titles = await texts(page, 'guide-list__title');
  const cross = seed.guides.filter((g) => g.crossProvince).map((g) => g.title);
  expect(titles.length).toBe(cross.length);
  for (const t of titles) expect(cross).toContain(t);
  const tabs = await waitFor(
    () => {
      const found = byClass(page.dom, 'guides__tab').map(textOf);
      expect(found.length).toBe(1 + seed.categories.length);
      return found;
    },
    { ...WAIT, what: 'category tabs' },
  );
  for (const c of seed.categories) expect(tabs).toContain(c.name);
  clean(page);
  page.close();
});

test('a guide: its title, materials and the halls that handle it', async () => {
  const guide = seed.guides.find((g) => g._id === 'id-card-renewal')!;
  const page = s.open('pages/guide/index', { id: guide._id });
  expect(await texts(page, 'guide__title')).toEqual([guide.title]);
  const materials = await texts(page, 'guide__material-name');
  expect(materials.map((m) => m.replace(/^\d+\.\s*/, ''))).toEqual(guide.materials.map((m) => m.name));
  const halls = await texts(page, 'hall-card__name');
  for (const name of halls) expect(seed.halls.map((h) => h.name)).toContain(name);
  expect(s.wx.platform.calls.setNavigationBarTitle?.at(-1)).toEqual({ title: guide.title });
  clean(page);
  page.close();
});

test('a guide with an online business: 在线申请 opens its catalogue entry; a guide without one has only 预约办理', async () => {
  const page = s.open('pages/guide/index', { id: 'migration-job-transfer' });
  const apply = await waitFor(() => byText(page.dom, '在线申请')[0] ?? false, { ...WAIT, what: '在线申请' });
  const before = s.wx.navigations.length;
  s.tap(page, apply);
  await waitFor(() => expect(s.wx.navigations.slice(before)).toEqual(['/packages/business/list/index?kind=migrationJobTransfer']), { ...WAIT, what: 'navigateTo' });
  clean(page);
  page.close();

  const other = s.open('pages/guide/index', { id: 'id-card-renewal' });
  await waitFor(() => byText(other.dom, '预约办理')[0] ?? false, { ...WAIT, what: '预约办理' });
  expect(byText(other.dom, '在线申请')).toHaveLength(0);
  clean(other);
  other.close();
});

test('the halls: every seeded hall, with its address', async () => {
  const page = s.open('pages/halls/index');
  const names = await waitFor(
    () => {
      const found = byClass(page.dom, 'hall-card__name').map(textOf);
      expect(found.length).toBe(seed.halls.length);
      return found;
    },
    { ...WAIT, what: 'hall cards' },
  );
  expect([...names].sort()).toEqual(seed.halls.map((h) => h.name).sort());
  const lines = byClass(page.dom, 'hall-card__line').map(textOf);
  for (const h of seed.halls) expect(lines).toContain(h.address);
  clean(page);
  page.close();
});

describe('a hall', () => {
  const hall = seed.halls.find((h) => h._id === 'haikou-longhua')!;
  let page: OpenedPage;
  beforeAll(async () => {
    page = s.open('pages/hall/index', { id: hall._id });
    expect(await texts(page, 'hall__name')).toEqual([hall.name]);
  });
  afterAll(() => page?.close());

  test('shows its name, address and phone from the cloud', () => {
    const values = byClass(page.dom, 'hall__value').map(textOf);
    expect(values).toContain(hall.address);
    expect(values).toContain(hall.phone);
    clean(page);
  });

  test('导航 opens the built-in map at its coordinates (numbers), with its name and full address', async () => {
    s.tap(page, byText(page.dom, '导航')[0]!);
    const call = await waitFor(() => s.wx.platform.results.openLocation?.[0] ?? false, { ...WAIT, what: 'openLocation answered' });
    expect(call).toEqual({ ok: true, res: { errMsg: 'openLocation:ok' } });
    expect(s.wx.platform.calls.openLocation).toEqual([
      { latitude: hall.location!.latitude, longitude: hall.location!.longitude, name: hall.name, address: `${hall.province}${hall.address}`, scale: 16 },
    ]);
    clean(page);
  });

  test('复制地址 before the privacy guide was agreed: the prompt shows on this page; 拒绝 copies nothing', async () => {
    const before = s.wx.platform.moves.length;
    s.tap(page, byText(page.dom, '复制地址')[0]!);
    await waitFor(() => expect(s.wx.platform.privacy.pending()).toBe('setClipboardData'), { ...WAIT, what: 'copy waits for the privacy authorization' });
    const prompt = await waitFor(() => byClass(page.dom, 'privacy-prompt')[0] ?? false, { ...WAIT, what: 'privacy prompt on the hall page' });
    await waitFor(() => expect(textOf(prompt)).toContain(s.wx.platform.privacy.contractName), { ...WAIT, what: 'the guide named' });
    // The person stays where they were: no page is opened for it.
    expect(s.wx.platform.moves.slice(before)).toEqual([]);
    expect(s.wx.platform.privacy.resolved).toEqual([{ event: 'exposureAuthorization' }]);

    s.tap(page, byClass(prompt, 'privacy-prompt__disagree')[0]!);
    await waitFor(() => expect(s.wx.platform.results.setClipboardData?.[0]?.ok).toBe(false), { ...WAIT, what: 'copy refused' });
    expect(s.wx.platform.clipboard).toEqual([]);
    await waitFor(() => expect(byClass(page.dom, 'privacy-prompt')).toHaveLength(0), { ...WAIT, what: 'prompt gone' });
    expect(s.wx.platform.toasts.at(-1)).toContain('复制失败');
    clean(page);
  });

  test('复制地址 again, 同意: the address is copied once the agree button was tapped', async () => {
    s.tap(page, byText(page.dom, '复制地址')[0]!);
    const prompt = await waitFor(() => byClass(page.dom, 'privacy-prompt')[0] ?? false, { ...WAIT, what: 'privacy prompt again' });
    const agree = byClass(prompt, 'privacy-prompt__agree')[0]!;
    // The button WeChat checks: its id is the one resolve names, its open-type agreePrivacyAuthorization.
    expect(s.nodeOf(page, agree)).toMatchObject({ uid: 'agree-privacy-authorization' });
    expect(Object.values(s.nodeOf(page, agree))).toContain('agreePrivacyAuthorization');
    s.agreePrivacy(page, agree!);
    await waitFor(() => expect(s.wx.platform.clipboard).toEqual([`${hall.province}${hall.address}`]), { ...WAIT, what: 'address copied' });
    expect(s.wx.platform.privacy.agreed).toBe(true);
    expect(s.wx.platform.privacy.resolved.at(-1)).toEqual({ event: 'agree', buttonId: 'agree-privacy-authorization' });
    await waitFor(() => expect(s.wx.platform.toasts.at(-1)).toBe('地址已复制'), { ...WAIT, what: 'toast' });
    await waitFor(() => expect(byClass(page.dom, 'privacy-prompt')).toHaveLength(0), { ...WAIT, what: 'prompt gone' });
    clean(page);
  });
});

test('我的, as the demo citizen: the masked name, ID number and phone the identity function returned', async () => {
  s.actAs('local-citizen');
  const status = await s.cloud.harness.call('identity', { action: 'status', data: {} }, 'local-citizen');
  const profile = status.body.data.profile;
  const page = s.open('pages/mine/index');
  expect(await texts(page, 'mine__name')).toEqual([profile.nameMasked]);
  const lines = byClass(page.dom, 'mine__line').map(textOf);
  expect(lines).toEqual(expect.arrayContaining([`身份证 ${profile.idNumberMasked}`, `手机 ${profile.phoneMasked}`]));
  expect(page.dom.textContent).not.toContain('王建国');
  expect(byText(page.dom, '我的预约')).toHaveLength(1);
  // Their own openid (issue 13: what ops passes to the first-admin command), copied with 复制.
  expect(await texts(page, 'mine__openid-value')).toEqual(['local-citizen']);
  s.tap(page, byClass(page.dom, 'mine__copy')[0]!);
  await waitFor(() => expect(s.wx.platform.clipboard.at(-1)).toBe('local-citizen'), { ...WAIT, what: 'openid copied' });
  clean(page);
  page.close();
  s.actAs(undefined);
});
