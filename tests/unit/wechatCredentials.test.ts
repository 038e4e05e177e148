import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bookingEnvironment } from '../../config/bookingEnvironment';
import { functions } from '../../config/functions';
import { identityEnvironment } from '../../config/identityEnvironment';
import { reissueEnvironment } from '../../config/reissueEnvironment';

/**
 * Issue 13, blocker 4: WeChat's API IP whitelist refuses an access token fetched from CloudBase's
 * changing egress IPs, so WeChat APIs go through 云调用 (server/wechat/wxOpenApi.ts), which needs
 * no AppSecret. The one exception is face verification, which WeChat does not offer through 云调用:
 * only the identity function may reach the AppSecret and `cgi-bin/token`, and only for that.
 */
const root = path.resolve(__dirname, '..', '..');
const ACCESS_TOKEN = 'server/wechat/accessToken.ts';

/** Repository files a TypeScript file imports, transitively (relative imports only). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(root, file), 'utf8');
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const base = path.relative(root, path.resolve(root, path.dirname(file), spec));
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(path.join(root, f)));
    if (target) closure(target, seen);
  }
  return seen;
}

/** Who in `files` imports `target` directly. */
function importersOf(target: string, files: Iterable<string>): string[] {
  return [...files].filter((f) => f !== target && directImports(f).includes(target));
}

function directImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(([, spec]) => `${path.relative(root, path.resolve(root, path.dirname(file), spec))}.ts`);
}

test.each(['server/booking/bookingAdapters.ts', 'server/reissue/reissueAdapters.ts'])('%s builds no adapter that reaches the AppSecret or cgi-bin/token', (builder) => {
  const reached = closure(builder);
  expect([...reached].filter((f) => f === ACCESS_TOKEN || readFileSync(path.join(root, f), 'utf8').includes('cgi-bin/token'))).toEqual([]);
});

test('in the identity function, only the face verifier reaches cgi-bin/token (WeChat offers no 云调用 for face verification)', () => {
  const reached = closure('server/identity/identityAdapters.ts');
  expect(reached.has(ACCESS_TOKEN)).toBe(true);
  expect(importersOf(ACCESS_TOKEN, reached)).toEqual(['server/wechat/WeChatFaceVerifier.ts']);
  // No other file of any function's adapters asks for a token.
  const everything = new Set([...closure('server/booking/bookingAdapters.ts'), ...reached, ...closure('server/reissue/reissueAdapters.ts')]);
  expect([...everything].filter((f) => readFileSync(path.join(root, f), 'utf8').includes('cgi-bin/token'))).toEqual([ACCESS_TOKEN]);
});

test('WX_APPSECRET is given to the identity function only', () => {
  expect(identityEnvironment).toContain('WX_APPSECRET');
  expect(bookingEnvironment as readonly string[]).not.toContain('WX_APPSECRET');
  expect(reissueEnvironment as readonly string[]).not.toContain('WX_APPSECRET');
  expect(functions.filter((f) => f.env.includes('WX_APPSECRET')).map((f) => f.name)).toEqual(['identity']);
});

test('the reminder goes through 云调用, declared in the booking function’s permissions', () => {
  const reached = closure('server/booking/bookingAdapters.ts');
  expect(reached.has('server/wechat/CloudCallSubscribeNotifier.ts')).toBe(true);
  expect(reached.has('server/wechat/wxOpenApi.ts')).toBe(true);
  expect(functions.find((f) => f.name === 'booking')?.openapi).toEqual(['subscribeMessage.send']);
});
