/**
 * Early answers for a page's first reads (issue 14, "A phone"): kept once, for a while, per exact
 * call; the route table reads addresses as Taro's router does; the H5 route preload's table and
 * script pick the opening page's chunks. The browser side: tests/e2e/firstReads.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { FIRST_PAGE as PRELOAD_FIRST_PAGE, preloadScript, routeOf } from '../../config/routePreload';
import { EARLY_ANSWER_MS, answerKey, askEarly, askingEarly, forgetEarlyAnswers, keepEarly, takeEarly } from '../../src/services/earlyAnswers';
import { FIRST_PAGE, routeOfHash } from '../../src/services/routeOfHash';

afterEach(() => forgetEarlyAnswers());

describe('early answers', () => {
  test('a kept answer is taken once, by the same call only', async () => {
    const key = answerKey('guide', 'detail', { id: 'a' }, 'local-citizen');
    keepEarly(key, Promise.resolve('answer'), 1000);
    expect(takeEarly(answerKey('guide', 'detail', { id: 'b' }, 'local-citizen'), 1000)).toBeUndefined();
    expect(takeEarly(answerKey('guide', 'detail', { id: 'a' }, 'local-visitor'), 1000)).toBeUndefined();
    await expect(takeEarly(key, 1001)).resolves.toBe('answer');
    expect(takeEarly(key, 1002)).toBeUndefined();
  });

  test('an answer that waited longer than EARLY_ANSWER_MS is not used', () => {
    const key = answerKey('identity', 'status', {});
    keepEarly(key, Promise.resolve('old'), 0);
    expect(takeEarly(key, EARLY_ANSWER_MS + 1)).toBeUndefined();
  });

  test('a failed early read does not go unhandled; the page taking it gets the failure', async () => {
    const key = answerKey('identity', 'status', {});
    keepEarly(key, Promise.reject(new Error('offline')));
    await new Promise((r) => setImmediate(r));
    await expect(takeEarly(key)).rejects.toThrow('offline');
  });

  test('askEarly marks only the calls made inside it', () => {
    const seen: boolean[] = [];
    askEarly(() => {
      seen.push(askingEarly());
      return [Promise.reject(new Error('ignored here'))];
    });
    seen.push(askingEarly());
    expect(seen).toEqual([true, false]);
  });
});

describe('routes', () => {
  test('both tables open on src/app.config.ts first page when the address has no route', () => {
    const appConfig = readFileSync(path.join(__dirname, '..', '..', 'src', 'app.config.ts'), 'utf8');
    const first = /pages:\s*\[\s*'([^']+)'/.exec(appConfig)?.[1];
    expect(FIRST_PAGE).toBe(first);
    expect(PRELOAD_FIRST_PAGE).toBe(first);
  });

  test('an address gives the route and its raw query', () => {
    expect(routeOfHash('#/pages/guide/index?id=id-card-renewal')).toEqual({ route: 'pages/guide/index', params: { id: 'id-card-renewal' } });
    expect(routeOfHash('#/pages/guides/index?q=%E8%BF%81&focus=1')).toEqual({ route: 'pages/guides/index', params: { q: '%E8%BF%81', focus: '1' } });
    expect(routeOfHash('')).toEqual({ route: FIRST_PAGE, params: {} });
    expect(routeOfHash('#/')).toEqual({ route: FIRST_PAGE, params: {} });
  });

  test('the preload knows page chunk groups by their request', () => {
    expect(routeOf('./pages/guide/index')).toBe('pages/guide/index');
    expect(routeOf('./packages/reissue/review/detail')).toBe('packages/reissue/review/detail');
    expect(routeOf('./shadow-css.js')).toBeUndefined();
    expect(routeOf(undefined)).toBeUndefined();
  });

  test.each([
    ['#/pages/guide/index?id=x', ['/js/shared.js', '/css/guide.css', '/js/guide.js']],
    ['', ['/js/shared.js', '/js/home.js']],
    ['#/pages/unknown/index', []],
  ])('the preload script at %j asks for that page’s chunks', (hash, expected) => {
    const routes = { 'pages/index/index': ['js/shared.js', 'js/home.js'], 'pages/guide/index': ['js/shared.js', 'css/guide.css', 'js/guide.js'] };
    const links: Array<{ rel: string; as: string; href: string }> = [];
    const document = { createElement: () => ({}) as { rel: string; as: string; href: string }, head: { appendChild: (l: (typeof links)[0]) => links.push(l) } };
    runInNewContext(preloadScript('/', routes, 'pages/index/index'), { location: { hash }, document });
    expect(links.map((l) => l.href)).toEqual(expected);
    expect(links.map((l) => l.as)).toEqual(expected.map((f) => (f.endsWith('.css') ? 'style' : 'script')));
    expect(links.every((l) => l.rel === 'preload')).toBe(true);
  });
});
