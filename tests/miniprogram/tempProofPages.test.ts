/**
 * The electronic temporary identity proof's subpackage (issue 17) of the REAL weapp build in
 * miniprogram-simulate: 王建国, his card reported lost, applies with a face check and shows the QR
 * code; a hotel scans it on the public verification page (any WeChat user) and sees it valid with
 * masked data; he reads the check in his log; after 30 minutes on screen the page asks for the face
 * again and shows a new code.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { decodeMatrix, readRenderedQr } from './support/renderedQr';
import { waitFor } from './support/waitFor';
import { byClass, textOf } from './support/wxDom';
import { WAIT, expectClean, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const HOTEL = 'itest-hotel-clerk';
const WANG = { name: '王建国', idNumber: '460106198503141311' };
const NOW = new Date('2026-03-02T10:00:00+08:00');
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/tempProof/proof/index', persona: CITIZEN });
  s.cloud.harness.setNow(NOW);
  const lost = await s.cloud.harness.call('reissue', { action: 'reportLoss', data: {} }, CITIZEN);
  expect(lost.body.ok).toBe(true);
});
afterAll(async () => {
  await s?.close();
});

const inputs = (page: ReturnType<WeappSession['open']>, n: number) =>
  waitFor(() => (page.dom.querySelectorAll('wx-input').length === n ? Array.from(page.dom.querySelectorAll<HTMLElement>('wx-input')) : false), { ...WAIT, what: `${n} inputs` });

let token = '';

test('电子临时身份证明: apply with the face step, the QR code shown', async () => {
  const page = s.open('packages/tempProof/proof/index');
  await waitFor(() => page.dom.textContent?.includes('本月已申领0次') ?? false, { ...WAIT, what: 'the quota line' });
  const [name, idNumber] = await inputs(page, 2);
  s.type(page, name!, WANG.name);
  s.type(page, idNumber!, WANG.idNumber);
  s.wx.platform.faces.push('pass');
  s.tap(page, await withText(page, '人脸核身并申领'));
  const qr = await waitFor(() => readRenderedQr(page.dom), { ...WAIT, what: 'proof QR drawn' });
  token = decodeMatrix(qr.matrix) ?? '';
  expect(token).toMatch(/^P1\.[\w-]+\.\d+\.[\w-]+$/);
  expect(s.wx.platform.calls.startFacialRecognitionVerify).toEqual([{ name: WANG.name, idCardNumber: WANG.idNumber, checkAliveType: 2 }]);
  expect(page.dom.textContent).toContain('王**');
  expect(page.dom.textContent).toContain('4601**********1311');
  expect(page.dom.textContent).not.toContain(WANG.idNumber);
  await withText(page, '二维码每分钟自动刷新，截图无效；出示超过30分钟需重新刷脸');
  expectClean(s, page);
  page.close();
});

test('临时身份证明核验: a hotel scans the code and sees it valid, masked', async () => {
  s.actAs(HOTEL);
  const page = s.open('packages/tempProof/verify/index');
  s.tap(page, await withText(page, '酒店'));
  await waitFor(() => byClass(page.dom, 'chip--on').map(textOf).join() === '酒店', { ...WAIT, what: '酒店 chosen' });
  const [verifier] = await inputs(page, 2);
  s.type(page, verifier!, '海口某某酒店');
  s.wx.platform.scans.push({ result: token });
  s.tap(page, await withText(page, '扫码核验'));
  await withText(page, '证明内容');
  const sent = s.wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === 'verifyTempProof').map((c) => (c.data as { data: unknown }).data);
  expect(sent).toEqual([{ token, verifierKind: 'hotel', verifierName: '海口某某酒店' }]);
  expect(byClass(page.dom, 'verdict__status').map(textOf)).toEqual(['有效']);
  expect(page.dom.textContent).toContain('王**');
  expect(page.dom.textContent).toContain('4601**********1311');
  expectClean(s, page);
  page.close();
});

test('核验记录: the holder sees the hotel check', async () => {
  s.actAs(CITIZEN);
  const page = s.open('packages/tempProof/log/index');
  const rows = await waitFor(() => (byClass(page.dom, 'temp-proof__check').length === 1 ? byClass(page.dom, 'temp-proof__check').map(textOf) : false), {
    ...WAIT,
    what: 'one check',
  });
  expect(rows[0]).toMatch(/^酒店 · 海口某某酒店\s*2026-03-02 10:0\d · 核验结果：有效$/);
  expectClean(s, page);
  page.close();
});

test('after 30 minutes on screen: the face again (details remembered in memory), then a new code', async () => {
  s.cloud.harness.setNow(new Date(NOW.getTime() + 31 * 60_000));
  const page = s.open('packages/tempProof/proof/index');
  await withText(page, '证明已出示超过30分钟，为保护您的身份安全，请重新进行人脸核身。');
  s.wx.platform.faces.push('pass');
  s.tap(page, await withText(page, '重新刷脸'));
  const qr = await waitFor(() => readRenderedQr(page.dom), { ...WAIT, what: 'a new QR drawn' });
  const again = decodeMatrix(qr.matrix);
  expect(again).toMatch(/^P1\./);
  expect(again).not.toBe(token);
  // One valid for hours yet: no second application offered.
  expect(page.dom.textContent).toContain('当前证明到期前3小时内可再次申领。');
  expectClean(s, page);
  page.close();
});
