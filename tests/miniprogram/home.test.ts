/**
 * The home page of the REAL weapp build (dist/weapp) in miniprogram-simulate, its data coming from
 * the bundled `guide` function and the database emulator through a `wx.cloud` stand-in.
 * Needs `npx tsx scripts/build-functions.ts && npx taro build --type weapp` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSeedContent } from '../../server/seed/loadSeedContent';
import { bootMiniProgram, type MiniProgram, type OpenedPage } from './support/miniProgramHost';
import { startLocalCloudForWx, type LocalCloudForWx } from './support/localCloudBackend';
import { waitFor } from './support/waitFor';
import { byClass, byText, classesOf, tap, textOf } from './support/wxDom';
import { createWxStandIns, type WxStandIns } from './support/wxStandIns';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist', 'weapp');
const HOME = 'pages/index/index';

let cloud: LocalCloudForWx | undefined;
let wx: WxStandIns;
let mp: MiniProgram | undefined;
let page: OpenedPage | undefined;

beforeAll(async () => {
  for (const file of [path.join(DIST, 'app.js'), path.join(DIST, HOME + '.js'), path.join(ROOT, 'build', 'functions', 'guide', 'index.js')]) {
    if (!existsSync(file)) {
      throw new Error(`${path.relative(ROOT, file)} is missing: run \`npx tsx scripts/build-functions.ts && npx taro build --type weapp\` first`);
    }
  }
  cloud = await startLocalCloudForWx();
  wx = createWxStandIns(cloud.backend);
  mp = bootMiniProgram({ distDir: DIST, wx: wx.api, entry: HOME });
  page = mp.openPage(HOME);
  expect(mp.pages().map((p) => p.route)).toEqual([HOME]);
});

afterAll(async () => {
  page?.close();
  mp?.close();
  await cloud?.close();
});

function home(): OpenedPage {
  if (!page) throw new Error('the home page did not open');
  return page;
}

const crossProvinceTitles = loadSeedContent()
  .guides.filter((g) => g.crossProvince)
  .map((g) => g.title);

test('renders the title and the four entries', async () => {
  const dom = home().dom;
  await waitFor(() => expect(byClass(dom, 'home__title').map(textOf)).toEqual(['户政服务']), { what: 'title' });
  expect(byClass(dom, 'home__entry-title').map(textOf)).toEqual(['办事指南', '预约办理', '身份证补换领', '我的']);
  // The app launched the cloud SDK before the page called it.
  expect(wx.cloudInit()).toEqual(expect.objectContaining({ traceUser: true }));
});

test('跨省通办 lists the cross-province guides the guide function returned', async () => {
  const dom = home().dom;
  expect(byText(dom, '跨省通办').some((el) => classesOf(el).includes('section__title'))).toBe(true);

  // The page asked the `guide` function (through wx.cloud) for the cross-province list…
  const call = await waitFor(
    () => {
      const c = wx.cloudCalls.find((x) => x.name === 'guide' && x.answer);
      expect(c).toBeDefined();
      return c!;
    },
    { what: 'guide call answered' },
  );
  expect(call.data).toEqual({ action: 'list', data: { crossProvince: true }, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
  expect(call.answer).toEqual({ ok: true, result: { ok: true, data: { guides: expect.any(Array) } } });
  const returned = (call.answer as { result: { data: { guides: { title: string; crossProvince: boolean }[] } } }).result.data.guides;
  expect(returned.length).toBeGreaterThan(0);
  expect(returned.every((g) => g.crossProvince)).toBe(true);

  // …and shows the first four of them, in order, under the section.
  const shown = await waitFor(
    () => {
      const titles = byClass(dom, 'guide-list__title').map(textOf);
      expect(titles.length).toBeGreaterThan(0);
      return titles;
    },
    { what: 'guide list rendered' },
  );
  expect(shown).toEqual(returned.slice(0, 4).map((g) => g.title));
  for (const title of shown) expect(crossProvinceTitles).toContain(title);
  expect(byText(dom, '正在加载…')).toHaveLength(0);
  expect(byText(dom, '加载失败')).toHaveLength(0);
});

test('tapping 办事指南 opens the guide list', async () => {
  const before = wx.navigations.length;
  const [label] = byText(home().dom, '办事指南');
  expect(label).toBeDefined();
  tap(home(), label);
  await waitFor(() => expect(wx.navigations.slice(before)).toEqual(['/pages/guides/index']), { what: 'navigateTo' });
  expect(wx.modals).toHaveLength(0);
});

test('the 长辈模式 switch turns on large text (page--elder) and remembers it', async () => {
  const dom = home().dom;
  const [shell] = byClass(dom, 'page');
  expect(shell).toBeDefined();
  expect(classesOf(shell)).not.toContain('page--elder');
  const [toggle] = byClass(dom, 'elder-switch');
  expect(toggle).toBeDefined();
  expect(classesOf(toggle)).not.toContain('elder-switch--on');

  tap(home(), toggle);

  await waitFor(() => expect(classesOf(byClass(dom, 'page')[0])).toContain('page--elder'), { what: 'page--elder' });
  await waitFor(() => expect(classesOf(byClass(dom, 'elder-switch')[0])).toContain('elder-switch--on'), { what: 'switch on' });
  expect(wx.storage.get('hukou.elderMode')).toBe(true);
});

// NutUI icons render as views on weapp (src/app.ts), so every node has a template.
test('the WXML runtime drew every node the page sent', () => {
  expect(mp?.wxmlWarnings ?? []).toEqual([]);
});
