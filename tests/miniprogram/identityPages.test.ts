/**
 * The identity subpackage of the REAL weapp build in miniprogram-simulate: the consent page (both
 * consents; WeChat's privacy guide agreed with the same open-type agreePrivacyAuthorization
 * button), 实名认证 up to `wx.startFacialRecognitionVerify` (closed → try again; a face that does
 * not match → 重新刷脸; a match → verified), the verified profile, family members as the demo
 * citizen, and the admin page as the demo admin.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, texts, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';
import { loadSeedContent } from '../../server/seed/loadSeedContent';
import { consentTexts } from '../../core/identity/consent';

jest.setTimeout(180_000);

const VISITOR = 'local-visitor';
const PERSON = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912345678' };
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/identity/consent/index', persona: VISITOR });
});
afterAll(async () => {
  await s?.close();
});

const calls = (action: string) => s.wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === action);

test('同意: both consents ticked, the agree button (open-type agreePrivacyAuthorization) records the consent and goes on to 实名认证', async () => {
  const page = s.open('packages/identity/consent/index');
  // The privacy guide WeChat names is read from getPrivacySetting.
  await waitFor(() => expect(s.wx.platform.calls.getPrivacySetting?.length).toBeGreaterThan(0), { ...WAIT, what: 'privacy setting read' });
  for (const box of [await withText(page, `我已阅读并同意《${consentTexts.identity.title}》`), await withText(page, `我已阅读并同意《${consentTexts.face.title}》`)])
    s.tap(page, box);
  const agree = await withText(page, '同意并开始认证');
  await waitFor(() => expect(s.nodeOf(page, agree)).toMatchObject({ uid: 'agree-privacy-authorization' }), { ...WAIT, what: 'agree button' });
  // Enabled once both are ticked (Taro sends `disabled` only while it is true).
  await waitFor(() => expect(Object.values(s.nodeOf(page, agree))).not.toContain(true), { ...WAIT, what: 'agree enabled' });
  s.agreePrivacy(page, agree);
  await waitFor(() => expect(s.wx.platform.moves.at(-1)).toEqual({ api: 'redirectTo', url: '/packages/identity/verify/index' }), { ...WAIT, what: 'to verify' });
  expect(calls('consent')[0]!.data).toMatchObject({ data: { purposes: ['identity', 'face'] } });
  expect(s.wx.platform.privacy.agreed).toBe(true);
  expectClean(s, page);
  page.close();
});

test('实名认证: SMS code, then face verification — closed, not matching (重新刷脸), matching → verified', async () => {
  const page = s.open('packages/identity/verify/index');
  const inputs = await waitFor(
    () => {
      const found = Array.from(page.dom.querySelectorAll('wx-input'));
      expect(found.length).toBe(3);
      return found;
    },
    { ...WAIT, what: 'detail inputs' },
  );
  s.type(page, inputs[0]!, PERSON.name);
  s.type(page, inputs[1]!, PERSON.idNumber);
  s.type(page, inputs[2]!, PERSON.phone);
  s.tap(page, await withText(page, '获取短信验证码'));
  await waitFor(() => expect(calls('startVerification')[0]?.answer).toMatchObject({ ok: true, result: { ok: true } }), { ...WAIT, what: 'verification started' });

  const sms = (await (await fetch(`${s.cloud.harness.cloud.url}/local/sms`)).json()) as { messages: Array<{ code: string }> };
  const code = sms.messages.at(-1)!.code;
  expect(code).toMatch(/^\d{6}$/);
  const codeInput = await waitFor(() => (page.dom.querySelectorAll('wx-input').length === 1 ? page.dom.querySelectorAll('wx-input')[0]! : false), { ...WAIT, what: 'code input' });
  s.type(page, codeInput, code);
  s.tap(page, await withText(page, '下一步'));

  // The person closes the face check: nothing is sent, the page offers to try again.
  s.wx.platform.faces.push('cancel');
  s.tap(page, await withText(page, '开始人脸核身'));
  await waitFor(() => expect(byText(page.dom, '人脸核身未完成，可以再试一次')).toHaveLength(1), { ...WAIT, what: 'cancel said' });
  expect(s.wx.platform.calls.startFacialRecognitionVerify).toEqual([{ name: PERSON.name, idCardNumber: PERSON.idNumber, checkAliveType: 2 }]);
  expect(calls('confirmFace')).toHaveLength(0);

  // A face that does not match: WeChat still gives a verify_result; the function says it failed.
  s.wx.platform.faces.push('mismatch');
  s.tap(page, await withText(page, '开始人脸核身'));
  await withText(page, '重新刷脸');
  expect(calls('confirmFace')[0]!.answer).toMatchObject({ ok: true, result: { ok: false, error: { code: 'FACE_VERIFICATION_FAILED' } } });

  s.wx.platform.faces.push('pass');
  s.tap(page, await withText(page, '重新刷脸'));
  await waitFor(() => expect(s.wx.platform.moves.at(-1)).toEqual({ api: 'redirectTo', url: '/packages/identity/profile/index' }), { ...WAIT, what: 'to profile' });
  const verifyResult = (s.wx.platform.results.startFacialRecognitionVerify![2]!.res as { verifyResult: string }).verifyResult;
  expect(calls('confirmFace')[1]!.data).toMatchObject({ data: { verifyResult } });
  expect(calls('confirmFace')[1]!.answer).toMatchObject({ ok: true, result: { ok: true, data: { verified: true } } });
  expectClean(s, page);
  page.close();
});

test('实名信息 of the person just verified: masked name, ID number and phone', async () => {
  const page = s.open('packages/identity/profile/index');
  await waitFor(() => expect(page.dom.textContent).toContain('陈**'), { ...WAIT, what: 'masked name' });
  expect(page.dom.textContent).toContain('4601**********2864');
  expect(page.dom.textContent).toContain('139****5678');
  expect(page.dom.textContent).not.toContain(PERSON.idNumber);
  expect(page.dom.textContent).not.toContain(PERSON.name);
  expectClean(s, page);
  page.close();
});

test('家庭成员代办, as the demo citizen: the members the identity function returned, masked', async () => {
  s.actAs('local-citizen');
  // His son, added through the function as the page's form would.
  const added = await s.cloud.harness.call('identity', { action: 'addFamilyMember', data: { name: '王小明', idNumber: '460106202407201539', relation: 'child' } }, 'local-citizen');
  expect(added.body).toMatchObject({ ok: true });
  const family = await s.cloud.harness.call('identity', { action: 'familyMembers', data: {} }, 'local-citizen');
  const members = family.body.data.members as Array<{ nameForFamily: string; idNumberMasked: string }>;
  expect(members.length).toBeGreaterThan(0);
  const page = s.open('packages/identity/family/index');
  const names = await texts(page, 'family__name');
  expect(names.map((n) => n.split(' · ')[0])).toEqual(members.map((m) => m.nameForFamily));
  expect(byClass(page.dom, 'family__id').map(textOf)).toEqual(members.map((m) => m.idNumberMasked));
  expectClean(s, page);
  page.close();
});

test('管理, as the demo admin: the halls to invite officers for', async () => {
  s.actAs('local-admin');
  const page = s.open('packages/identity/admin/index');
  const halls = await texts(page, 'admin__hall');
  expect(halls).toHaveLength(loadSeedContent().halls.length);
  expect(halls).toContain('海口市龙华分局');
  expectClean(s, page);
  page.close();
});

test('民警名单, as the demo admin: the demo officer masked and verified, with its hall and 撤销', async () => {
  s.actAs('local-admin');
  const page = s.open('packages/identity/officers/index');
  expect(await texts(page, 'officers__name')).toContain('吴**');
  expect((await texts(page, 'officers__revoke')).every((t) => t === '撤销')).toBe(true);
  expectClean(s, page);
  page.close();
});

test('审计日志, as the demo admin: the acts in Chinese, the binding just made among them', async () => {
  s.actAs('local-admin');
  const page = s.open('packages/identity/audit/index');
  const actions = await texts(page, 'audit__entry-action');
  expect(actions.some((a) => a.startsWith('实名绑定'))).toBe(true);
  expect(actions.every((a) => !/^[a-z]+\.[a-zA-Z]+$/.test(a))).toBe(true);
  expectClean(s, page);
  page.close();
});
