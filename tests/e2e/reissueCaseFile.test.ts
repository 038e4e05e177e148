/**
 * The officer's case file in the H5 build at phone size (375×812): the officer of the handling hall
 * opens a paid application by mail and sees the photo on file, the card facts, and the waybill's
 * recipient, full address and phone; the view is in the audit log; approving and shipping ask
 * first, repeating the key facts (cancelling the dialog changes nothing); the same page in
 * 长辈模式. Screenshots: 90–95.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { useJourney } from './support/journey';
import { pageInPlace } from './support/browser';
import { actAs as actAsPersona } from './support/persona';
import { HAIKOU_ADDRESS, reissueFlow } from '../integration/support/reissueFlow';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(300_000);

const CITIZEN = 'local-citizen';
const TRACKING = 'EMS2026030211CN';
const FULL_ADDRESS = '海南省海口市美兰区海府路88号2栋301室';
const journey = useJourney();

const page = () => journey.browser.page;
const visible = (selector: string) => page().locator(`${selector}:visible`);
const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();
const shot = (name: string) => journey.browser.shot(name);
const actAs = (persona: string) => actAsPersona(page(), journey.harness.cloud.url, persona, shot);
const modal = () => page().locator('.taro-modal__content:visible');
const modalButton = (text: string) => page().locator('.taro-modal__foot:visible').getByText(text);

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

/** The officer of the hall: local-officer at haikou-longhua, or one bound by an admin invitation. */
async function officerOf(hallId: string): Promise<string> {
  if (hallId === 'haikou-longhua') return 'local-officer';
  const openid = `e2e-casefile-officer-${hallId}`;
  await inviteOfficer(journey.harness, openid, [hallId]);
  return openid;
}

async function caseFileViews(id: string, officer: string): Promise<Array<Record<string, unknown>>> {
  const log = await journey.harness.call('identity', { action: 'auditLog', data: { limit: 200 } }, 'local-admin');
  expect(log.body.ok).toBe(true);
  return (log.body.data.entries as Array<Record<string, unknown>>).filter((e) => e.action === 'reissue.caseFile' && e.target === id && e.actorId === officer);
}

/**
 * Nothing sticks out sideways at 375 px, once Taro's page transition (which slides a page in from
 * the right, slower on a busy machine, clipped by the router) has ended: waits for the page to stand
 * in place, then names what sticks out.
 */
async function expectNothingSticksOut(): Promise<void> {
  await pageInPlace(page());
  const sticksOut = await page().evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > 376 && el.getBoundingClientRect().width > 0)
      .filter((el) => !Array.from(el.children).some((c) => c.getBoundingClientRect().right > 376))
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} ${(el.textContent ?? '').slice(0, 20)} → ${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 8),
  );
  expect(sticksOut).toEqual([]);
}

test('the officer opens the case: photo, card facts, address and phone; the view is audited; approve and ship ask first', async () => {
  const h = journey.harness;
  const r = reissueFlow(h);
  h.setNow(new Date('2026-03-02T01:00:00Z'));
  await page().setViewportSize({ width: 375, height: 812 });

  const paid = await r.paidApplication(CITIZEN);
  const id: string = paid.id;
  const officer = await officerOf(paid.hallId);
  await r.ok(officer, 'startReview', { applicationId: id });

  // The officer opens the application from the queue.
  await actAs(officer);
  await visible('[data-row="reissue-review"]').click();
  await visible(`.app-row[data-application="${id}"]`).click();
  await visible('.reissue-review-detail__root[data-state="underReview"]').waitFor();
  await visible('[data-field="recipientPhone"]').waitFor();
  expect(await visible('[data-field="recipientPhone"]').innerText()).toContain(HAIKOU_ADDRESS.phone);
  expect(await visible('[data-field="recipientAddress"]').innerText()).toContain(FULL_ADDRESS);
  expect(await visible('[data-field="recipientName"]').innerText()).toContain('王建国');
  expect(await visible('[data-field="idNumberMasked"]').innerText()).toBe('4601**********1311');
  // The demo seed dates cards relative to the local clock when it seeded: the page shows what the registry holds.
  const card = (await r.ok(officer, 'caseFile', { applicationId: id })).card as { issuedOn: string };
  expect(await visible('[data-field="cardIssuedOn"]').innerText()).toContain(card.issuedOn);
  expect(await visible('[data-field="fingerprints"]').innerText()).toContain('已采集');
  expect(await visible('[data-field="lostReported"]').innerText()).toMatch(/已于 2026-03-02 \d\d:\d\d 挂失/);
  expect(await visible('[data-field="checks"]').innerText()).toContain('条件均满足');
  // The photo on file is drawn (not a broken image) and comes from the page itself, not the network.
  const img = visible('[data-photo="onFile"] img').first();
  await img.waitFor();
  await page().waitForFunction(() => {
    const el = document.querySelector<HTMLImageElement>('[data-photo="onFile"] img');
    return Boolean(el && el.complete && el.naturalWidth > 0);
  });
  expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await expectNothingSticksOut();
  await shot('90-officer-case-review');

  // The view is in the audit log: officer, hall, application, purpose.
  const views = await caseFileViews(id, officer);
  expect(views.length).toBeGreaterThanOrEqual(1);
  expect(views[0]).toMatchObject({ hallId: paid.hallId, purpose: 'review', actionName: '查看办件详情', purposeName: '审核' });
  expect(containsUnmaskedIdOrPhone(JSON.stringify(views))).toEqual([]);

  // Approve asks first, repeating who and the photo; cancelling changes nothing.
  await button('通过').click();
  await modal().waitFor();
  const approveText = await modal().innerText();
  expect(approveText).toContain('王建国');
  expect(approveText).toContain('存档照片');
  await shot('91-officer-confirm-approve');
  await modalButton('再看看').click();
  await modal().waitFor({ state: 'hidden' });
  expect(await visible('.reissue-review-detail__root').getAttribute('data-state')).toBe('underReview');
  await button('通过').click();
  await modal().waitFor();
  await modalButton('确认通过').click();
  await visible('.reissue-review-detail__root[data-state="approved"]').waitFor();

  await button('开始制证').click();
  await visible('.reissue-review-detail__root[data-state="inProduction"]').waitFor();

  // Ship asks first, repeating the carrier, the number and where it goes.
  await button('发货').click();
  await visible('[data-courier="ems"]').click();
  await visible('[data-field="trackingNumber"] input, input[data-field="trackingNumber"]').first().fill(TRACKING);
  await button('确认发货').click();
  await modal().waitFor();
  const shipText = await modal().innerText();
  expect(shipText).toContain(`EMS 单号 ${TRACKING}`);
  expect(shipText).toContain(HAIKOU_ADDRESS.phone);
  expect(shipText).toContain(FULL_ADDRESS);
  await shot('92-officer-confirm-ship');
  await modalButton('确认寄出').click();
  await visible('.reissue-review-detail__root[data-state="shipped"]').waitFor();
  await shot('93-officer-case-shipped');

  // 长辈模式: the same page, larger text, still nothing sticking out.
  await page().evaluate(() => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: true })));
  await open(`packages/reissue/review/detail?id=${id}`);
  await visible('.page--elder [data-field="recipientPhone"]').waitFor();
  await visible('.page--elder [data-photo="onFile"] img').waitFor();
  await expectNothingSticksOut();
  await shot('94-officer-case-elder');
  await page().evaluate(() => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: false })));

  // Every load of the page was one more audited view.
  expect((await caseFileViews(id, officer)).length).toBeGreaterThanOrEqual(2);
  expect(journey.pageErrors).toEqual([]);
});
