import { environmentVariables, variableNames } from '../../config/environment';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { loadEnvironment } from '../../server/config/loadEnvironment';

test('the dev environment satisfies every declared variable (and is marked insecure)', () => {
  const result = loadEnvironment(variableNames, devEnvironment);
  expect(result.ok).toBe(true);
  for (const name of ['HUKOU_DATA_KEYS', 'HUKOU_INDEX_KEY', 'HUKOU_TICKET_KEY'] as const) {
    expect(Buffer.from(devEnvironment[name].split(':').at(-1)!, 'base64').toString('ascii')).toMatch(/^INSECURE-DEV-ONLY/);
  }
});

test('only the asked-for variables are validated and returned', () => {
  const result = loadEnvironment(['WX_APPID'], { ...devEnvironment, HUKOU_INDEX_KEY: 'garbage' });
  expect(result).toEqual({ ok: true, env: { WX_APPID: devEnvironment.WX_APPID } });
});

test('unset and blank variables are missing', () => {
  expect(loadEnvironment(['HUKOU_INDEX_KEY', 'WX_APPID'], { WX_APPID: '  ' })).toEqual({
    ok: false,
    problems: ['missing HUKOU_INDEX_KEY', 'missing WX_APPID'],
  });
});

test('a malformed value is named with the expected form and never echoed', () => {
  const values = {
    HUKOU_DATA_KEYS: 'k1:dG9vLXNob3J0',
    HUKOU_INDEX_KEY: 'not base64 at all!',
    WX_APPSECRET: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
  };
  const result = loadEnvironment(['HUKOU_DATA_KEYS', 'HUKOU_INDEX_KEY', 'WX_APPSECRET'], values);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems).toEqual([
    'malformed HUKOU_DATA_KEYS (expected comma-separated id:base64key entries, each key 32 bytes)',
    expect.stringMatching(/^malformed HUKOU_INDEX_KEY \(expected /),
    'malformed WX_APPSECRET (expected 32 hex digits)',
  ]);
  for (const v of Object.values(values)) expect(result.problems.join('\n')).not.toContain(v);
});

test('every check says what it expects in its own words, not a default zod message', () => {
  expect(loadEnvironment(['HUKOU_SMS_SIGN_NAME'], { HUKOU_SMS_SIGN_NAME: '局' })).toEqual({
    ok: false,
    problems: ['malformed HUKOU_SMS_SIGN_NAME (expected at least 2 characters)'],
  });
  expect(loadEnvironment(['HUKOU_SMS_SIGN_NAME'], { HUKOU_SMS_SIGN_NAME: '某'.repeat(21) })).toEqual({
    ok: false,
    problems: ['malformed HUKOU_SMS_SIGN_NAME (expected at most 20 characters)'],
  });
  expect(loadEnvironment(['HUKOU_WXPAY_PUBLIC_KEY'], { HUKOU_WXPAY_PUBLIC_KEY: 'c2hvcnQ=' })).toEqual({
    ok: false,
    problems: ['malformed HUKOU_WXPAY_PUBLIC_KEY (expected at least 40 characters; a PEM public key (\\n-escaped, or base64 of the PEM))'],
  });
  const bad = ['x', '!!', 'x'.repeat(41), '='.repeat(100), 'a:b,c'];
  for (const name of variableNames) {
    for (const value of bad) {
      const result = loadEnvironment([name], { [name]: value });
      if (!result.ok) for (const problem of result.problems) expect(problem).not.toMatch(/Invalid input|Too small|Too big|Invalid string/);
    }
  }
});

test('the id of the current data key must name a key in the ring', () => {
  const result = loadEnvironment(['HUKOU_DATA_KEYS', 'HUKOU_DATA_KEY_ID'], { ...devEnvironment, HUKOU_DATA_KEY_ID: 'k9' });
  expect(result).toEqual({ ok: false, problems: ['malformed HUKOU_DATA_KEY_ID (expected the id of a key in HUKOU_DATA_KEYS)'] });
});

test('every variable has a description and an example that is not a real value', () => {
  for (const name of variableNames) {
    const v = environmentVariables[name];
    expect(v.description.length).toBeGreaterThan(10);
    if (v.secret) expect(v.schema.safeParse(v.example).success).toBe(false);
  }
});
