import type { CDPSession, Page } from 'playwright-core';

/**
 * Where one cold page load's time goes (`npm run bench:phone -- --trace`): each request with when it
 * started and ended (ms since navigation), its bytes over the wire and, for the local cloud's
 * functions, the action; and the main thread's long tasks (script parse/execute and rendering
 * under the CPU slowdown) summed between those moments.
 */
export interface Timeline {
  requests: Array<{ what: string; start: number; end: number; bytes: number }>;
  longTasks: Array<{ start: number; duration: number }>;
}

/** Before navigation: starts recording requests and long tasks. */
export async function recordTimeline(tab: Page, cdp: CDPSession): Promise<() => Promise<Timeline>> {
  await tab.addInitScript(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  let origin: number | undefined;
  const open = new Map<string, { what: string; start: number }>();
  const requests: Timeline['requests'] = [];
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; type?: string; request: { url: string; postData?: string } }) => {
    if (origin === undefined) origin = e.timestamp;
    const url = new URL(e.request.url);
    let what = url.pathname === '/' ? 'document' : url.protocol === 'data:' ? `${e.request.url.slice(0, 40)}…` : url.pathname;
    if (url.pathname.startsWith('/fn/') && e.request.postData) {
      try {
        what = `${url.pathname} ${(JSON.parse(e.request.postData) as { action?: string }).action ?? ''}`;
      } catch {
        // not JSON: the path alone
      }
    }
    open.set(e.requestId, { what, start: (e.timestamp - origin) * 1000 });
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const started = open.get(e.requestId);
    if (!started || origin === undefined) return;
    open.delete(e.requestId);
    requests.push({ ...started, end: (e.timestamp - origin) * 1000, bytes: e.encodedDataLength });
  });
  return async () => ({
    requests: [...requests].sort((a, b) => a.start - b.start),
    longTasks: await tab.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks),
  });
}

/** Printable lines: requests in order, with the long-task milliseconds before each request started. */
export function describeTimeline(t: Timeline, marks: { fcp: number; main: number }): string[] {
  const busy = (from: number, to: number) => t.longTasks.filter((l) => l.start >= from && l.start < to).reduce((s, l) => s + l.duration, 0);
  const lines: string[] = [];
  let last = 0;
  for (const r of t.requests) {
    lines.push(
      `  ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)}  ${(r.bytes / 1024).toFixed(1).padStart(6)} KiB  ${r.what}   (main thread busy ${busy(last, r.start).toFixed(0)} ms before)`,
    );
    last = r.start;
  }
  lines.push(
    `  long tasks in all ${busy(0, marks.main).toFixed(0)} ms before main content: ${t.longTasks
      .filter((l) => l.start < marks.main)
      .map((l) => `${l.start.toFixed(0)}+${l.duration.toFixed(0)}`)
      .join(' ')}`,
  );
  lines.push(`  FCP ${marks.fcp.toFixed(0)} ms, main content ${marks.main.toFixed(0)} ms`);
  return lines;
}
