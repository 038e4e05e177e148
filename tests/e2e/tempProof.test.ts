/**
 * The electronic temporary identity proof (issue 17) in the H5 build against the local cloud:
 * 王建国, whose reissued card is being produced, applies on 电子临时身份证明 with the face step (the
 * local stand-in's modal: 模拟通过) and shows the QR code; an exam hall (an unverified visitor) reads
 * the code from the screen, types it on the public verification page and sees 有效 with masked data;
 * the card is delivered (the officer and courier stand-ins) and the same page says 已作废; 王建国 sees
 * both checks in his log and the proof revoked. Screenshots at phone size.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { reissueFlow } from '../integration/support/reissueFlow';
import { decodeQrFrom } from './support/decodeQr';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(300_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const EXAM_HALL = 'local-visitor';
const journey = useJourney();

const page = () => journey.browser.page;
const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();
const visible = (selector: string) => page().locator(`${selector}:visible`);
const shot = (name: string) => journey.browser.shot(name);
const actAs = (persona: string) => actAsPersona(page(), journey.harness.cloud.url, persona, shot);
const fill = (field: string, value: string) => page().locator(`[data-field="${field}"]:visible input, input[data-field="${field}"]:visible`).first().fill(value);

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

async function verifyAsExamHall(token: string): Promise<string> {
  await open('packages/tempProof/verify/index');
  await fill('verifierName', '海口一中考点');
  await fill('token', token);
  await button('核验').click();
  return visible('[data-field="verdict"]').innerText();
}

test('电子临时身份证明: apply with the face step → an exam hall verifies 有效 → the reissued card is delivered → 已作废; the holder sees both checks', async () => {
  const h = journey.harness;
  const r = reissueFlow(h);
  // Monday 2026-03-02 10:00 in Shanghai: 王建国 applies to reissue his lost card (its production is the proof's ground).
  h.setNow(new Date('2026-03-02T02:00:00Z'));
  const paid = await r.paidApplication(CITIZEN);

  await actAs(CITIZEN);
  await open('packages/tempProof/proof/index');
  await visible('[data-face-step="apply"]').waitFor();
  await fill('name', '王建国');
  await fill('idNumber', '460106198503141311');
  await button('人脸核身并申领').click();
  await page().getByText('模拟通过').filter({ visible: true }).click();
  const token = await decodeQrFrom(visible('.temp-proof__qr .ticket-qr'));
  expect(token).toMatch(/^P1\./);
  const card = await visible('.temp-proof__card').innerText();
  expect(card).toContain('王**');
  expect(card).toContain('4601**********1311');
  expect(containsUnmaskedIdOrPhone(card)).toEqual([]);
  await shot('170-temp-proof-shown');

  await actAs(EXAM_HALL);
  expect(await verifyAsExamHall(token)).toContain('有效');
  expect(await visible('[data-field="holderName"]').innerText()).toBe('王**');
  expect(await visible('[data-field="holderIdNumber"]').innerText()).toBe('4601**********1311');
  await shot('171-temp-proof-verified-valid');

  // The reissued card reaches him: the proof is revoked at once.
  for (const action of ['startReview', 'approve', 'startProduction']) await r.ok(OFFICER, action, { applicationId: paid.id });
  await r.ok(OFFICER, 'ship', { applicationId: paid.id, courier: 'ems', trackingNumber: 'EMS7770001112CN' });
  await r.courierAdvance('EMS7770001112CN', 'delivered');
  expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 1 });
  expect(await verifyAsExamHall(token)).toContain('已作废');
  await shot('172-temp-proof-verified-revoked');

  await actAs(CITIZEN);
  await open('packages/tempProof/log/index');
  const rows = visible('.temp-proof__check');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(2);
  expect(await rows.first().innerText()).toContain('考场 · 海口一中考点');
  expect(await rows.first().innerText()).toContain('已作废');
  await shot('173-temp-proof-log');
  await open('packages/tempProof/proof/index');
  await visible('.temp-proof__past[data-status="revoked"]').waitFor();
  expect(await visible('.temp-proof__past').first().innerText()).toContain('已作废（新身份证已领取）');
});
