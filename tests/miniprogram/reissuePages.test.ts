/**
 * The reissue subpackage of the REAL weapp build in miniprogram-simulate: the apply page (the
 * citizen's masked card and the fee the function answered), the tracking page's payment step
 * through `wx.requestPayment` (the person cancels: 'requestPayment:fail cancel', the page says so
 * and nothing is charged; then pays), 我的补领申请, and the officer's review queue and detail.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, idle, texts, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
let s: WeappSession;
let app: { id: string; subjectNameMasked: string; fees: { total: string }; reasonName: string; hallName: string };

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/reissue/apply/index', persona: CITIZEN });
  // Online reissue reuses the archived photo only within 5 years of the card (issued 2021-06-10 for
  // the demo citizen): the functions' clock is set to a day when he may still apply online.
  s.cloud.harness.setNow(new Date('2026-03-02T10:00:00+08:00'));
});
afterAll(async () => {
  await s?.close();
});

/** WeChat Pay's orders at the local cloud. */
async function orders(): Promise<Array<{ orderId: string; status: string }>> {
  const res = await fetch(`${s.cloud.harness.cloud.url}/local/pay/orders`);
  const body = (await res.json()) as { orders?: Array<{ orderId: string; status: string }> } | Array<{ orderId: string; status: string }>;
  return Array.isArray(body) ? body : (body.orders ?? []);
}

test('身份证补换领: the masked card and the fee from the eligibility the function answered', async () => {
  const page = s.open('packages/reissue/apply/index');
  const call = await waitFor(() => s.wx.cloudCalls.find((c) => (c.data as { action?: string }).action === 'eligibility' && c.answer) ?? false, {
    ...WAIT,
    what: 'eligibility answered',
  });
  const elig = (call.answer as { ok: true; result: { data: { eligible: boolean; subjectNameMasked: string; fee?: { total: string } } } }).result.data;
  expect((elig as unknown as { reasons: unknown[] }).reasons).toEqual([]);
  await waitFor(() => expect(page.dom.textContent).toContain(elig.subjectNameMasked), { ...WAIT, what: 'masked name shown' });
  await waitFor(() => expect(page.dom.textContent).toContain(elig.fee!.total), { ...WAIT, what: 'fee shown' });
  expect(page.dom.textContent).not.toContain('王建国');
  expectClean(s, page);
  page.close();
});

test('缴费 on the tracking page: the person cancels (requestPayment:fail cancel) → the page says so, nothing is charged; then pays', async () => {
  const applied = await s.cloud.harness.call(
    'reissue',
    { action: 'apply', data: { reason: 'damaged', delivery: { kind: 'hall', hallId: 'haikou-longhua' }, appearanceUnchanged: true }, requestId: 'mp-reissue-apply-1' },
    CITIZEN,
  );
  expect(applied.body).toEqual({ ok: true, data: expect.objectContaining({ actions: expect.arrayContaining(['startPayment']) }) });
  app = applied.body.data;

  const page = s.open('packages/reissue/track/index', { id: app.id });
  await waitFor(() => expect(page.dom.textContent).toContain(app.subjectNameMasked), { ...WAIT, what: 'application shown' });
  const payLabel = `继续支付 ¥${app.fees.total}`;

  s.wx.platform.payments.push('cancel');
  s.tap(page, await withText(page, payLabel));
  await waitFor(() => expect(s.wx.platform.results.requestPayment).toEqual([{ ok: false, res: { errMsg: 'requestPayment:fail cancel' } }]), { ...WAIT, what: 'payment cancelled' });
  const params = s.wx.platform.calls.requestPayment![0]!;
  expect(params).toEqual({
    timeStamp: expect.any(String),
    nonceStr: expect.any(String),
    package: expect.stringMatching(/^prepay_id=/),
    signType: 'RSA',
    paySign: expect.any(String),
  });
  // The page says so…
  await waitFor(() => expect(s.wx.platform.toasts).toContain('已取消支付，未扣款'), { ...WAIT, what: 'cancel said' });
  const confirm = await waitFor(() => s.wx.cloudCalls.find((c) => (c.data as { action?: string }).action === 'confirmPayment' && c.answer) ?? false, {
    ...WAIT,
    what: 'confirmPayment answered',
  });
  expect(confirm.data).toMatchObject({ data: { applicationId: app.id, reported: 'cancel' } });
  await waitFor(() => expect(byText(page.dom, '缴费未成功').length).toBeGreaterThan(0), {
    ...WAIT,
    what: 'payment shown not made',
  });
  // …and nothing was charged: the order is closed, unpaid.
  expect((await orders()).map((o) => o.status)).toEqual(['closed']);

  s.wx.platform.payments.push('pay');
  await idle(page);
  s.tap(page, await withText(page, payLabel));
  await waitFor(() => expect(s.wx.platform.results.requestPayment?.[1]).toEqual({ ok: true, res: { errMsg: 'requestPayment:ok' } }), { ...WAIT, what: 'paid' });
  await waitFor(() => expect(byText(page.dom, '已缴费').length).toBeGreaterThan(0), { ...WAIT, what: 'paid shown' });
  expect((await orders()).map((o) => o.status).sort()).toEqual(['closed', 'paid']);
  expect(byText(page.dom, payLabel)).toHaveLength(0);
  expectClean(s, page);
  page.close();
});

test('我的补领申请: the application, with its masked name and state', async () => {
  const page = s.open('packages/reissue/mine/index');
  const titles = await texts(page, 'app-row__title');
  expect(titles).toEqual([`${app.reasonName} · ${app.subjectNameMasked}`]);
  expectClean(s, page);
  page.close();
});

test('补领审核 and its detail, as the officer of the hall: the paid application in the queue', async () => {
  s.actAs('local-officer');
  const page = s.open('packages/reissue/review/index');
  const titles = await texts(page, 'app-row__title');
  expect(titles).toContain(`${app.subjectNameMasked} · ${app.reasonName}`);
  expectClean(s, page);
  page.close();

  // The hall's officer gets the case file (audited): the full name on the card, beside the photo on
  // file. Waiting for it also keeps the page from closing while the audited request is still running.
  const detail = s.open('packages/reissue/review/detail', { id: app.id });
  expect(await texts(detail, 'case-person__name')).toEqual(['王建国']);
  expect(await texts(detail, 'reissue-head__title')).toEqual([`王建国 · ${app.reasonName}`]);
  expect(textOf(byClass(detail.dom, 'reissue-head__hint')[0]!)).toBe(app.hallName);
  expect(byClass(detail.dom, 'case-photo__img')).toHaveLength(1);
  expectClean(s, detail);
  detail.close();
});

test('the officer’s detail of a fee collected by hand (issue 18): the rejection says it goes back by hand; cancel at the hall; record it handed back', async () => {
  s.actAs('local-officer');
  const db = localDatabase(s.cloud.harness.cloud.url).collection('reissue_applications');
  // As an assisted session stores it: paid at the desk, the receipt recorded; under review.
  await db.doc(app.id).update({ state: 'underReview', payment: { status: 'collected', receipt: 'HN2026-000123' } });
  const detail = s.open('packages/reissue/review/detail', { id: app.id });
  s.tap(detail, await withText(detail, '驳回'));
  await waitFor(() => expect(detail.dom.textContent).toContain('费用系民警当面收取，驳回后请当面退还并记录票据号。'), { ...WAIT, what: 'the by-hand hint' });
  expect(detail.dom.textContent).not.toContain('原路退回');
  s.tap(detail, await withText(detail, '取消'));
  await withText(detail, '取消申请');
  expectClean(s, detail);
  detail.close();
  const cancel = s.open('packages/reissueFee/hand/index', { id: app.id });
  await withText(cancel, '确认取消申请');
  expect(cancel.dom.textContent).toContain('取消原因（申请人可见）');
  expectClean(s, cancel);
  cancel.close();

  // Rejected, the fee due back: the button to record it handed back, with the voucher number.
  await db.doc(app.id).update({ state: 'rejected', payment: { status: 'returnDue', receipt: 'HN2026-000123' } });
  const owed = s.open('packages/reissue/review/detail', { id: app.id });
  await withText(owed, '当面退费');
  expectClean(s, owed);
  owed.close();
  const back = s.open('packages/reissueFee/hand/index', { id: app.id });
  await withText(back, '确认已退费');
  expect(back.dom.textContent).toContain('退费票据号');
  // What is to be handed back, and to whom, on the form itself, not only in the confirmation.
  expect(back.dom.textContent).toMatch(/\*.* · 办件编号 .* · 审核未通过 · 待当面退费 ¥\d+\.\d{2}/);
  expectClean(s, back);
  back.close();
});
