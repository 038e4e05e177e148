/**
 * `npm run bench -- display`: how soon the hall's display (叫号屏, packages/queue/board, no login)
 * shows a number after a window calls it (issue 16: "updates within a second or two of a call").
 * The local cloud with the demo data and the H5 build; the board open in headless Chromium at a TV's
 * size; each round the demo officer takes a walk-in number at the desk and calls it at 1号窗口
 * through the booking function, and the bench waits for the board to show it. Reported from the
 * moment the call's answer came back (the call is stored) and from when it was sent, with the
 * machine's load: the board polls every second, so about half a second plus one read is expected.
 * Needs the function bundles and the H5 build (`npm run build:functions`, `npm run build:h5`).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, isoWeekday, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { PERSONA_HEADER } from '../../devcloud/functionGateway';
import { startLocalCloud } from '../../devcloud/localCloud';
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { launchChromium } from '../browser/launchChromium';
import { FUNCTIONS_OUT, ROOT } from '../functionBundles';
import { quietLogs } from './quiet';

const HALL = 'haikou-longhua';
const OFFICER = 'local-officer';
/** Window 1 (the board shows it as 1号窗口). */
const WINDOW = '1';
const ROUNDS = 12;
/** Only to end a hung round; a normal one takes about a second. */
const ROUND_LIMIT_MS = 60_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A working Wednesday at least a week ahead, at `clock` (Shanghai): the hall is open, whatever today is. */
function openMorning(clock: string): Date {
  let date = addDays(shanghaiDate(Date.now()), 7);
  while (isoWeekday(date) !== 3) date = addDays(date, 1);
  return shanghaiInstant(date, clock);
}

export async function runDisplay(): Promise<number> {
  const h5 = path.join(ROOT, 'dist', 'h5');
  if (!existsSync(path.join(h5, 'index.html')) || !existsSync(FUNCTIONS_OUT)) {
    process.stderr.write('bench display: needs `npm run build:functions` and `npm run build:h5` first\n');
    return 1;
  }
  const quiet = quietLogs();
  const cloud = await startLocalCloud({ port: 0, functionsDir: FUNCTIONS_OUT, h5Dir: h5 });
  const browser = await launchChromium();
  try {
    await seedLocalCloud(cloud.url);
    let n = 0;
    type Answer = { ok: boolean; data?: { ticket: { label: string; ticketId: string } }; error?: { code: string } };
    const call = async (action: string, data: object): Promise<Answer> => {
      const res = await fetch(`${cloud.url}/fn/booking`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PERSONA_HEADER]: OFFICER },
        body: JSON.stringify({ action, data, requestId: `bench-display-${process.pid}-${n++}` }),
      });
      return (await res.json()) as Answer;
    };
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const sinceStored: number[] = [];
    const sinceSent: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each round a quarter of an hour later in the morning (a slot's walk-in share is small).
      const minute = 9 * 60 + round * 15;
      const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS = String(openMorning(clock).getTime() - Date.now());
      if (round === 0) {
        await page.goto(`${cloud.url}/#/packages/queue/board/index?hall=${HALL}`);
        await page.locator('.board__empty, .board__call').first().waitFor({ timeout: ROUND_LIMIT_MS });
      }
      const walkIn = await call('takeWalkIn', { hallId: HALL });
      if (!walkIn.ok) throw new Error(`takeWalkIn: ${walkIn.error?.code}`);
      const label = walkIn.data!.ticket.label;
      const sent = Date.now();
      const called = await call('callNext', { hallId: HALL, window: WINDOW });
      const stored = Date.now();
      if (!called.ok) throw new Error(`callNext: ${called.error?.code}`);
      if (called.data!.ticket.label !== label) throw new Error(`callNext called ${called.data!.ticket.label}, not the walk-in ${label}`);
      await page.locator(`.board__call[data-label="${label}"]`).first().waitFor({ timeout: ROUND_LIMIT_MS });
      const shown = Date.now();
      sinceStored.push(shown - stored);
      sinceSent.push(shown - sent);
      const ticketId = called.data!.ticket.ticketId;
      for (const [action, extra] of [
        ['serve', {}],
        ['finish', { business: 'id-card-renewal' }],
      ] as const) {
        const moved = await call(action, { hallId: HALL, window: WINDOW, ticketId, ...extra });
        if (!moved.ok) throw new Error(`${action}: ${moved.error?.code}`);
      }
    }
    const row = (name: string, v: number[]) =>
      `${name.padEnd(37)} median ${String(percentile(v, 50)).padStart(5)} ms   p90 ${String(percentile(v, 90)).padStart(5)} ms   max ${String(Math.max(...v)).padStart(5)} ms`;
    say(`hall display: ${ROUNDS} calls of window ${WINDOW}, the board polling every second (load ${load()})`);
    say(row('from the stored call to the board', sinceStored));
    say(row('from the tap (call sent) to the board', sinceSent));
    say(`load at the end: ${load()}`);
    return 0;
  } finally {
    delete process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS;
    await browser.close();
    await cloud.close();
    quiet.restore();
  }
}
