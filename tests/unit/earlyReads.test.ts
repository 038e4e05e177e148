/**
 * index.html's early script (config/earlyReads.ts, issue 14 "A phone"): run as a browser would run
 * it, it sends the opening page's first reads (src/services/firstReadPlan.ts) as the app's own
 * calls would (src/services/api.ts: POST /fn/<function>, the persona's header, the envelope) and
 * leaves each answer under the key the page's call looks for.
 */
import { runInNewContext } from 'node:vm';
import { earlyReadsScript, SOURCES } from '../../config/earlyReads';
import { INLINE_READS, answerKey } from '../../src/services/earlyAnswers';
import { firstReadPlan } from '../../src/services/firstReadPlan';
import { DEFAULT_PERSONA, PERSONA_KEY } from '../../src/services/personaStorage';

interface Sent {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

/** Runs the script at `hash` with `stored` in localStorage; the requests and what it left. */
function run(hash: string, stored: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const window: Record<string, unknown> = {};
  runInNewContext(earlyReadsScript(), {
    window,
    location: { hash },
    localStorage: { getItem: (k: string) => stored[k] ?? null },
    fetch: (url: string, init: Sent['init']) => {
      sent.push({ url, init });
      return Promise.resolve({ json: () => Promise.resolve({ ok: true, data: { url } }) });
    },
  });
  const left = window[INLINE_READS] as Array<{ key: string; at: number; answer: Promise<unknown> }> | undefined;
  return { sent, left };
}

test.each([
  ['', 'pages/index/index', {}],
  ['#/pages/guides/index?category=hukou', 'pages/guides/index', { category: 'hukou' }],
  ['#/pages/guides/index?q=%E8%BF%81', 'pages/guides/index', { q: '%E8%BF%81' }],
  ['#/pages/guide/index?id=id-card-renewal', 'pages/guide/index', { id: 'id-card-renewal' }],
  ['#/packages/booking/book/index?business=id-card-renewal', 'packages/booking/book/index', { business: 'id-card-renewal' }],
  ['#/packages/booking/ticket/index?id=abc', 'packages/booking/ticket/index', { id: 'abc' }],
  ['#/pages/mine/index', 'pages/mine/index', {}],
])('at %j it sends the page’s first reads, as the app would, and keeps their answers', async (hash, route, params) => {
  const planned = firstReadPlan(route, params);
  expect(planned.length).toBeGreaterThan(0);
  const { sent, left } = run(hash, { [PERSONA_KEY]: JSON.stringify({ data: 'local-citizen' }) });
  expect(sent.map((s) => s.url)).toEqual(planned.map(([fn]) => `/fn/${fn}`));
  for (const [i, [, action, data]] of planned.entries()) {
    const body = JSON.parse(sent[i].init.body) as { action: string; data: object; requestId: string };
    expect(sent[i].init.method).toBe('POST');
    expect(sent[i].init.headers).toEqual({ 'content-type': 'application/json', 'X-Local-Openid': 'local-citizen' });
    expect(body.action).toBe(action);
    expect(body.data).toEqual(data);
    expect(body.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  }
  expect(left!.map((l) => l.key)).toEqual(planned.map(([fn, action, data]) => answerKey(fn, action, data, 'local-citizen')));
  await expect(left![0].answer).resolves.toEqual({ ok: true, data: { url: sent[0].url } });
});

test('with no persona chosen it asks as the default one; a page without first reads sends nothing', () => {
  const { sent, left } = run('#/pages/guide/index?id=x');
  expect(sent[0].init.headers['X-Local-Openid']).toBe(DEFAULT_PERSONA);
  expect(left![0].key).toBe(answerKey('guide', 'detail', { id: 'x' }, DEFAULT_PERSONA));
  expect(run('#/packages/officer/scan/index')).toEqual({ sent: [], left: [] });
});

test('a failure leaves nothing behind: the app then sends the reads itself', () => {
  const window: Record<string, unknown> = {};
  expect(() => runInNewContext(earlyReadsScript(), { window, location: { hash: '' }, localStorage: { getItem: () => null } })).not.toThrow();
  expect(window[INLINE_READS]).toBeUndefined();
});

test('the files index.html runs import nothing at run time; the script is minified and can sit in a <script>', () => {
  expect(SOURCES.length).toBeGreaterThan(0);
  const script = earlyReadsScript();
  expect(script).not.toMatch(/<\/script/i);
  expect(script).not.toMatch(/\n\s+/);
});
