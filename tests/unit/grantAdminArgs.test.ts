import { auditActionName } from '../../core/identity/auditActionNames';
import { describeGrant, GRANT_ADMIN_ACTION, openidProblem } from '../../scripts/admin/grantAdmin';
import { parseGrantArgs } from '../../scripts/admin/grantArgs';

const OPENID = 'oAbCdEfGhIjKlMnOpQrStUvWx-_1';

test('--env names a CloudBase environment; --url a local cloud; the openid is trimmed', () => {
  expect(parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid', OPENID])).toEqual({ target: { kind: 'env', envId: 'hukou-prod-1a2b' }, openid: OPENID, dryRun: false });
  expect(parseGrantArgs(['--openid', ` ${OPENID}\n`, '--url', 'http://127.0.0.1:8787/', '--dry-run', '--by', 'zhang.san'])).toEqual({
    target: { kind: 'url', url: 'http://127.0.0.1:8787' },
    openid: OPENID,
    dryRun: true,
    operator: 'zhang.san',
  });
});

test('exactly one target, a well-formed one', () => {
  expect(() => parseGrantArgs(['--openid', OPENID])).toThrow(/name one target/);
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--url', 'http://127.0.0.1:8787', '--openid', OPENID])).toThrow(/name one target/);
  expect(() => parseGrantArgs(['--env', 'Hukou_Prod', '--openid', OPENID])).toThrow(/not a CloudBase environment id/);
  expect(() => parseGrantArgs(['--env', '--openid', OPENID])).toThrow(/usage: npm run admin:grant/);
  expect(() => parseGrantArgs(['--url', 'ftp://x y', '--openid', OPENID])).toThrow(/not a local cloud address/);
});

test('the openid: required, and a WeChat openid (a local persona only against a local cloud)', () => {
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b'])).toThrow(/--openid is required/);
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid'])).toThrow(/--openid needs a value/);
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid', OPENID.slice(1)])).toThrow(/is not a WeChat openid/);
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid', 'local-admin'])).toThrow(/is not a WeChat openid/);
  expect(parseGrantArgs(['--url', 'http://127.0.0.1:8787', '--openid', 'local-admin']).openid).toBe('local-admin');
  expect(openidProblem('o1234567890123456789012345"7', { allowLocal: true })).toMatch(/我的用户标识/);
});

test('unknown or repeated flags are refused rather than ignored (a typo must not grant anything)', () => {
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid', OPENID, '--dryrun'])).toThrow(/unknown argument "--dryrun"/);
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid', OPENID, '--openid', 'oZZZZZZZZZZZZZZZZZZZZZZZZZZZ'])).toThrow(/--openid given twice/);
  expect(() => parseGrantArgs(['--env', 'hukou-prod-1a2b', '--openid', OPENID, '--by', 'a b'])).toThrow(/--by a b/);
});

test('what it prints names the outcome and never more than the openid and halls', () => {
  const base = { openid: OPENID, halls: [], verified: false, dryRun: false };
  expect(describeGrant({ ...base, outcome: 'promoted', previousRole: 'citizen', verified: true, auditId: 'a1' }, 'CloudBase environment e')).toBe(
    `made ${OPENID} an admin in CloudBase environment e (was citizen; verified identity kept); audit record a1`,
  );
  expect(describeGrant({ ...base, outcome: 'promoted', previousRole: 'officer', halls: ['h1'], dryRun: true }, 'e')).toBe(
    `dry run, nothing changed: would make ${OPENID} an admin in e (was officer; halls h1 kept)`,
  );
});

test('the audit log names the grant in Chinese', () => {
  expect(auditActionName(GRANT_ADMIN_ACTION)).toBe('授予管理员身份');
});
