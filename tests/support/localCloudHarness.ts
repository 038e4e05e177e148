import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../devcloud/localCloud';
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { PERSONA_HEADER } from '../../devcloud/functionGateway';
import { setLogSink } from '../../server/log/logLine';
import { FUNCTIONS_OUT, ROOT } from '../../scripts/functionBundles';

export interface Harness {
  cloud: LocalCloud;
  /** POST /fn/<name> as a persona (or anonymously); resolves with the function's envelope. */
  call(fn: string, event: unknown, persona?: string): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Fires a function's timer trigger as the platform does (POST /fn cannot); resolves with its envelope. */
  timer(fn: string, trigger: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Every log line the functions wrote through the allowlisted logger, for leak scans. */
  logs: string[];
  /** Every response body the functions returned, for leak scans. */
  responses: string[];
  /** Moves the functions' clock (local cloud only) to this instant; undefined returns to real time. */
  setNow(instant: Date | undefined): void;
  close(): Promise<void>;
}

/**
 * A local cloud in memory with the bundled functions and the seed content, on a free port.
 * `empty`: as a new CloudBase environment, with no collection, no content and no demo persona
 * (nothing is seeded); the first-day rehearsal bootstraps and seeds it as ops would.
 */
export async function startHarness(opts: { seed?: boolean; timers?: boolean; courierDeliversAfterMs?: number; empty?: boolean } = {}): Promise<Harness> {
  const cloud = await startLocalCloud({
    port: 0,
    functionsDir: FUNCTIONS_OUT,
    h5Dir: path.join(ROOT, 'dist', 'h5'),
    timers: opts.timers,
    courierDeliversAfterMs: opts.courierDeliversAfterMs,
    empty: opts.empty,
  });
  if (opts.seed !== false && !opts.empty) await seedLocalCloud(cloud.url);
  const logs: string[] = [];
  const responses: string[] = [];
  // Bundled functions carry their own copy of the logger: capture stdout lines as well.
  setLogSink((line) => logs.push(line));
  const original = console.log;
  const originalWarn = console.warn;
  // Under deliberate bursts the SDK warns about requests slower than 3 s: expected, not news.
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).startsWith('[TCB][WARN] Your current request')) return;
    originalWarn(...args);
  };
  console.log = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (line.startsWith('{"time"')) logs.push(line);
    else original(...args);
  };
  return {
    cloud,
    logs,
    responses,
    async call(fn, event, persona) {
      const res = await fetch(`${cloud.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(persona ? { [PERSONA_HEADER]: persona } : {}) },
        body: typeof event === 'string' ? event : JSON.stringify(event),
      });
      const text = await res.text();
      responses.push(text);
      return { status: res.status, body: JSON.parse(text) };
    },
    async timer(fn, trigger) {
      const body = await cloud.fireTimer(fn, trigger);
      responses.push(JSON.stringify(body));
      return body;
    },
    setNow(instant) {
      if (instant) process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS = String(instant.getTime() - Date.now());
      else delete process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS;
    },
    async close() {
      delete process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS;
      console.log = original;
      console.warn = originalWarn;
      await cloud.close();
    },
  };
}
