/**
 * The reissue stage bar in the H5 build against the local cloud: an application by mail is driven
 * through the functions (apply, pay, review, approve, produce, ship with ems) and the citizen's
 * tracking page shows 受理 → 审核 → 制证 → 寄出 → 签收 with 寄出 current, the carrier as
 * 中国邮政EMS (never the code ems) and the legal deadline, above the event log; the same in 长辈模式;
 * then the courier stand-in delivers and the bar is finished. Screenshots at phone width.
 */
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';
import { reissueFlow } from '../integration/support/reissueFlow';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(300_000);

const CITIZEN = 'local-citizen';
const TRACKING = 'EMS2026030300CN';
const journey = useJourney();

const page = () => journey.browser.page;
const visible = (selector: string) => page().locator(`${selector}:visible`);
const shot = (name: string) => journey.browser.shot(name);
const actAs = (persona: string) => actAsPersona(page(), journey.harness.cloud.url, persona, shot);

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

/** The officer of the hall: local-officer at haikou-longhua, or one bound by an admin invitation. */
async function officerOf(hallId: string): Promise<string> {
  if (hallId === 'haikou-longhua') return 'local-officer';
  const openid = `e2e-progress-officer-${hallId}`;
  await inviteOfficer(journey.harness, openid, [hallId]);
  return openid;
}

/** The five stages as the page shows them: name and status, in order. */
async function stagesShown(): Promise<string[]> {
  const stages = visible('.reissue-track__root .stage');
  const count = await stages.count();
  const shown: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const s = stages.nth(i);
    shown.push(`${(await s.locator('.stage__name').innerText()).trim()}:${await s.getAttribute('data-stage-status')}`);
  }
  return shown;
}

async function switchElderMode(): Promise<void> {
  await open('pages/index/index');
  await visible('[data-elder-switch]').click();
}

test('the stage bar at shipped (寄出 current, 中国邮政EMS, the legal deadline), in elder mode too, and at delivered', async () => {
  const h = journey.harness;
  const r = reissueFlow(h);
  // Monday 2026-03-02 09:00 in Shanghai: 王建国's card may still be reissued online.
  h.setNow(new Date('2026-03-02T01:00:00Z'));

  const paid = await r.paidApplication(CITIZEN);
  expect(paid).toMatchObject({ state: 'paid' });
  const id: string = paid.id;
  const officer = await officerOf(paid.hallId);
  for (const action of ['startReview', 'approve', 'startProduction']) await r.ok(officer, action, { applicationId: id });
  const shipped = await r.ok(officer, 'ship', { applicationId: id, courier: 'ems', trackingNumber: TRACKING });
  expect(shipped.shipment).toMatchObject({ courier: 'ems', courierName: '中国邮政EMS' });

  // Shipped: the bar above the event log.
  await actAs(CITIZEN);
  await open(`packages/reissue/track/index?id=${id}`);
  await visible('.reissue-track__root[data-state="shipped"]').waitFor();
  await visible('.stage-bar[data-progress="going"]').waitFor();
  expect(await stagesShown()).toEqual(['受理:done', '审核:done', '制证:done', '寄出:current', '签收:ahead']);
  const focus = visible('[data-field="stageFocus"]');
  expect(await focus.getAttribute('data-stage')).toBe('shipped');
  expect(await visible('[data-field="stageDetail"]').innerText()).toBe(`中国邮政EMS ${TRACKING}`);
  expect(await visible('[data-field="stageDeadline"]').innerText()).toMatch(/法定时限 \d{4}-\d\d-\d\d 前制发/);
  expect(await visible('[data-field="courier"]').innerText()).toContain('中国邮政EMS');
  const text = await visible('.reissue-track__root').innerText();
  expect(text).not.toMatch(/\bems\b/);
  expect(text).toContain(`中国邮政EMS ${TRACKING}`); // the event log's note too
  // The bar comes before the event log.
  const barY = (await visible('.stage-bar').boundingBox())?.y ?? Infinity;
  const logY = (await visible('.timeline').boundingBox())?.y ?? -Infinity;
  expect(barY).toBeLessThan(logY);
  // Five stages fit the phone's width: none is cut off.
  const width = page().viewportSize()?.width ?? 390;
  for (const box of await Promise.all((await visible('.stage__name').all()).map((n) => n.boundingBox()))) expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
  await shot('80-reissue-progress-shipped');

  // My applications: the bar, compact.
  await open('packages/reissue/mine/index');
  await visible(`.app-row[data-application="${id}"] .stage[data-stage="shipped"][data-stage-status="current"]`).waitFor();
  await shot('81-reissue-progress-mine');

  // 长辈模式: larger text, the five stages still fit.
  await switchElderMode();
  await open(`packages/reissue/track/index?id=${id}`);
  await visible('.page--elder .stage-bar').waitFor();
  for (const box of await Promise.all((await visible('.stage__name').all()).map((n) => n.boundingBox()))) expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
  await shot('82-reissue-progress-shipped-elder');
  await switchElderMode();

  // Delivered: the courier stand-in delivers, the timer records it, the bar is finished.
  expect((await r.courierAdvance(TRACKING, 'delivered')).status).toBe(200);
  expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 1 });
  await open(`packages/reissue/track/index?id=${id}`);
  await visible('.reissue-track__root[data-state="delivered"]').waitFor();
  await visible('.stage-bar[data-progress="finished"]').waitFor();
  expect(await stagesShown()).toEqual(['受理:done', '审核:done', '制证:done', '寄出:done', '签收:done']);
  expect(await visible('[data-field="stageFocus"]').innerText()).toContain('已办结：签收');
  await shot('83-reissue-progress-delivered');

  expect(journey.pageErrors).toEqual([]);
});
