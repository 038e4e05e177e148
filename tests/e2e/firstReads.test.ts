/**
 * Each main page, loaded cold, asks the local cloud for each thing once, and the ticket asks for its
 * appointment and its token in one round (issue 14, "A phone"): on a phone's network every extra
 * round is ~150 ms or more before the page shows. On H5 index.html sends a page's first reads
 * before the app's code has arrived (config/earlyReads.ts, src/services/firstReadPlan.ts); the
 * page's own calls take those answers, so a read listed there that the page then sends again shows
 * up here as a duplicate.
 */
import { addDays, shanghaiDate } from '../../core/time/shanghai';
import { useJourney } from './support/journey';

jest.setTimeout(240_000);

const journey = useJourney();
const CITIZEN = 'local-citizen';
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';

/** One function call as the page sent it, and what happened to it in order. */
interface Sent {
  what: string;
  sentAt: number;
  answeredAt?: number;
}

/** Loads `route` cold as the citizen; the calls made until `main` is visible. */
async function callsUntilShown(route: string, main: string): Promise<Sent[]> {
  const { page, context } = journey.browser;
  await page.goto('about:blank');
  let step = 0;
  const sent = new Map<unknown, Sent>();
  const onRequest = (r: import('playwright-core').Request) => {
    if (!new URL(r.url()).pathname.startsWith('/fn/')) return;
    const body = JSON.parse(r.postData() ?? '{}') as { action?: string; data?: unknown };
    sent.set(r, { what: `${new URL(r.url()).pathname.slice(4)} ${body.action} ${JSON.stringify(body.data ?? {})}`, sentAt: ++step });
  };
  const onFinished = (r: import('playwright-core').Request) => {
    const s = sent.get(r);
    if (s) s.answeredAt = ++step;
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  try {
    await page.goto(`${journey.harness.cloud.url}/#/${route}`);
    await page.locator(`${main}:visible`).first().waitFor();
    return [...sent.values()];
  } finally {
    context.off('request', onRequest);
    context.off('requestfinished', onFinished);
  }
}

function duplicates(calls: Sent[]): string[] {
  const seen = calls.map((c) => c.what);
  return seen.filter((w, i) => seen.indexOf(w) !== i);
}

let appointmentId = '';

beforeAll(async () => {
  // Taro H5 keeps storage as JSON { data } under the key (src/services/localPersona.ts).
  // (about:blank has no storage.)
  await journey.browser.context.addInitScript((p) => {
    if (location.protocol.startsWith('http')) localStorage.setItem('hukou.localPersona', JSON.stringify({ data: p }));
  }, CITIZEN);
  for (let i = 1; i <= 14 && !appointmentId; i++) {
    const date = addDays(shanghaiDate(new Date()), i);
    const slots = await journey.harness.call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } }, CITIZEN);
    const slot = slots.body.data?.slots?.find((s: { remaining?: number }) => s.remaining !== 0);
    if (!slot) continue;
    const booked = await journey.harness.call(
      'booking',
      { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: slot.slotId }, requestId: `first-reads-${i}` },
      CITIZEN,
    );
    expect(booked.body.ok).toBe(true);
    appointmentId = booked.body.data.id;
  }
  expect(appointmentId).not.toBe('');
});

test.each([
  ['home', 'pages/index/index', '[data-guide-id]'],
  ['guide search', 'pages/guides/index', '.guide-list__item'],
  ['guide detail', `pages/guide/index?id=${BUSINESS}`, '.guide__material'],
  ['booking', `packages/booking/book/index?business=${BUSINESS}`, '[data-hall]'],
  ['我的', 'pages/mine/index', '.mine__card'],
])('%s asks for each thing once', async (_name, route, main) => {
  const calls = await callsUntilShown(route, main);
  expect(calls.length).toBeGreaterThan(0);
  expect(duplicates(calls)).toEqual([]);
  // Sent by index.html itself, before the app's code had arrived (config/earlyReads.ts).
  expect(await journey.browser.page.evaluate(() => (window as unknown as { __hukouEarlyReads?: unknown[] }).__hukouEarlyReads?.length)).toBeGreaterThan(0);
});

test('the ticket asks for its appointment and its token in one round, each once', async () => {
  const calls = await callsUntilShown(`packages/booking/ticket/index?id=${appointmentId}`, '.ticket-qr[data-qr-size]:not([data-qr-size="0"])');
  expect(duplicates(calls)).toEqual([]);
  const appointment = calls.find((c) => c.what.startsWith('booking myAppointments'));
  const token = calls.find((c) => c.what.startsWith('booking ticket'));
  expect(appointment).toBeDefined();
  expect(token).toBeDefined();
  // Sent before the appointment's answer came back: not waiting for it.
  expect(token!.sentAt).toBeLessThan(appointment!.answeredAt ?? Infinity);
  expect(journey.pageErrors).toEqual([]);
});
