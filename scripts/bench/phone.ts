/**
 * `npm run bench:phone`: the H5 build as a phone would load it (issue 14, "A phone"), and the
 * weapp package sizes.
 *
 * Starts the local cloud with the built functions and dist/h5 (as `npm start` serves it), books one
 * appointment for the demo citizen (for the ticket page), then loads each main page in a fresh
 * Chromium context (empty cache) under 4× CPU slowdown and a Fast-3G-like network (Lighthouse's
 * mobile throttling: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and records first
 * contentful paint and the moment the page's main content is visible (a selector per page).
 * Function instances are warm (one call each first) and the static files' compressed copies made,
 * as on a service in use; the functions' cold start is `npm run bench:coldstart`'s figure.
 * Each page is loaded RUNS times; the median is shown, with the machine's load beside it.
 * Then prints the weapp main package and each subpackage (dist/weapp, when built).
 *
 * `-- --weapp-only` prints the sizes alone. Needs `npm run build:functions` and `npm run build:h5` first (and the weapp build for its sizes).
 */
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addDays, shanghaiDate } from '../../core/time/shanghai';
import { PERSONA_HEADER } from '../../devcloud/functionGateway';
import { startLocalCloud } from '../../devcloud/localCloud';
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { PHONE, launchChromium } from '../browser/launchChromium';
import { FUNCTIONS_OUT, ROOT, bundlePath } from '../functionBundles';
import { describeTimeline, recordTimeline } from './phoneTimeline';
import { quietLogs } from './quiet';
import { weappPackages } from '../weappPackages';

const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
/** `-- --trace`: after each page, where its last load's time went (requests, long tasks). */
const TRACE = process.argv.includes('--trace');
const CPU_SLOWDOWN = 4;
/** Lighthouse's mobile profile (formerly called "Fast 3G"); bytes per second. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const BUDGET = { fcp: 1800, main: 2500 };
const CITIZEN = 'local-citizen';
/** BENCH_PHONE_H5=/some/copy: another H5 build (to interleave runs of a before and an after build). */
const H5_DIR = path.resolve(process.env.BENCH_PHONE_H5 ?? path.join(ROOT, 'dist', 'h5'));
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';

interface PageUnderTest {
  name: string;
  route: string;
  /** Visible once the page's main content (not a skeleton or spinner) is on screen. */
  main: string;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One cold load: a fresh context (no cache, no storage but the persona), throttled. */
async function measure(browser: Browser, url: string, page: PageUnderTest): Promise<{ fcp: number; main: number; bytes: number; trace?: string[] }> {
  const context = await browser.newContext(PHONE);
  try {
    // Taro H5 keeps storage as JSON { data } under the key (src/services/localPersona.ts).
    await context.addInitScript((p) => localStorage.setItem('hukou.localPersona', JSON.stringify({ data: p })), CITIZEN);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
    const timeline = TRACE ? await recordTimeline(tab, cdp) : undefined;
    await tab.goto(`${url}/#/${page.route}`, { waitUntil: 'commit', timeout: 120_000 });
    await tab.locator(`${page.main}`).first().waitFor({ state: 'visible', timeout: 120_000 });
    const main = await tab.evaluate(() => performance.now());
    const fcp = await tab
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { timeout: 60_000 })
      .then((h) => h.jsonValue() as Promise<number>);
    return { fcp, main, bytes, trace: timeline && describeTimeline(await timeline(), { fcp, main }) };
  } finally {
    await context.close();
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function weappSizes(): void {
  const packages = weappPackages();
  if (!packages) {
    say('weapp: dist/weapp is not built (CLOUDBASE_ENV_ID=… npx taro build --type weapp)');
    return;
  }
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
  for (const p of packages) say(p.root ? `weapp subpackage ${p.root.padEnd(17)} ${kib(p.bytes)}` : `weapp main package           ${kib(p.bytes)}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--weapp-only')) return weappSizes();
  if (!existsSync(path.join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: npm run build:h5`);
  if (!existsSync(bundlePath('booking'))) throw new Error('build/functions is missing: npm run build:functions');
  say(`bench:phone  ${new Date().toISOString()}  ${path.relative(ROOT, H5_DIR) || H5_DIR}  cores ${os.cpus().length}  load before ${load()}`);
  say(`H5: ${RUNS} cold loads per page, CPU ×${CPU_SLOWDOWN}, network ${NETWORK.latency} ms RTT / 1.6 Mbit/s down; median ms (budget FCP ≤ ${BUDGET.fcp}, main ≤ ${BUDGET.main})`);
  quietLogs();
  const cloud = await startLocalCloud({ port: 0, functionsDir: FUNCTIONS_OUT, h5Dir: H5_DIR });
  await seedLocalCloud(cloud.url);
  const call = async (fn: string, event: unknown) => {
    const res = await fetch(`${cloud.url}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', [PERSONA_HEADER]: CITIZEN }, body: JSON.stringify(event) });
    return { body: await res.json() };
  };
  // A CDN keeps its compressed copies: ask for each file once, so that no timed load pays for
  // compressing it (the local cloud compresses a file on its first request, then keeps it).
  for (const file of filesUnder(H5_DIR)) {
    const res = await fetch(`${cloud.url}/${path.relative(H5_DIR, file)}`, { headers: { 'accept-encoding': 'br' } });
    await res.arrayBuffer();
  }
  const browser = await launchChromium();
  try {
    // An appointment of the citizen's for the ticket page.
    let appointmentId = '';
    for (let i = 1; i <= 14 && !appointmentId; i++) {
      const date = addDays(shanghaiDate(new Date()), i);
      const slots = await call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } });
      const slot = slots.body.data?.slots?.find((s: { remaining?: number }) => s.remaining !== 0);
      if (!slot) continue;
      const booked = await call('booking', { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: slot.slotId }, requestId: `bench-phone-${Date.now()}` });
      if (!booked.body.ok) throw new Error(`reserve: ${JSON.stringify(booked.body)}`);
      appointmentId = booked.body.data.appointment?.id ?? booked.body.data.id;
    }
    if (!appointmentId) throw new Error('no bookable slot in the next 14 days');

    // Warm function instances, as a used service has (a cold start is bench:coldstart's figure):
    // one call to each function the pages use, then one untimed load in the browser.
    await call('guide', { action: 'categories', data: {} });
    await call('identity', { action: 'status', data: {} });
    const warm = await browser.newContext(PHONE);
    await (await warm.newPage()).goto(`${cloud.url}/#/pages/index/index`, { waitUntil: 'load' });
    await warm.close();

    const pages: PageUnderTest[] = [
      { name: 'home', route: 'pages/index/index', main: '.home__entry' },
      { name: 'guide search', route: 'pages/guides/index', main: '.guide-list__item' },
      { name: 'guide detail', route: `pages/guide/index?id=${BUSINESS}`, main: '.guide__material' },
      { name: 'booking', route: `packages/booking/book/index?business=${BUSINESS}`, main: '[data-hall]' },
      // The QR itself (H5 draws it as one picture: the element appears with its token).
      { name: 'ticket', route: `packages/booking/ticket/index?id=${appointmentId}`, main: '.ticket-qr[data-qr-size]:not([data-qr-size="0"])' },
      { name: '我的', route: 'pages/mine/index', main: '.mine__card' },
    ];
    // BENCH_PHONE_PAGES=home,ticket: those pages alone (names as in the first column).
    const only = process.env.BENCH_PHONE_PAGES?.split(',').map((n) => n.trim());
    if (only) pages.splice(0, pages.length, ...pages.filter((p) => only.includes(p.name)));
    const header = `${'page'.padEnd(14)} ${'FCP'.padStart(6)} ${'main'.padStart(6)} ${'KiB'.padStart(6)}  ok   load (1/5/15 min)`;
    say(header);
    say('-'.repeat(header.length));
    let failed = false;
    for (const page of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, cloud.url, page));
      const fcp = median(runs.map((r) => r.fcp));
      const main = median(runs.map((r) => r.main));
      const kib = median(runs.map((r) => r.bytes)) / 1024;
      const ok = fcp <= BUDGET.fcp && main <= BUDGET.main;
      failed ||= !ok;
      if (TRACE) for (const line of runs[runs.length - 1].trace ?? []) say(line);
      say(`${page.name.padEnd(14)} ${fcp.toFixed(0).padStart(6)} ${main.toFixed(0).padStart(6)} ${kib.toFixed(0).padStart(6)}  ${ok ? 'yes' : 'NO '}  ${load()}`);
    }
    say(`(KiB: bytes over the wire for one cold load; ok: within both budgets)${failed ? '' : ' — every page within budget'}`);
  } finally {
    await browser.close();
    await cloud.close();
  }
  say();
  weappSizes();
  say(`load after ${load()}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
