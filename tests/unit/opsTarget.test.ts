import { parseBootstrapArgs } from '../../scripts/db-bootstrap';
import { opsTarget } from '../../scripts/deploy/opsTarget';

test('an ops command acts on one CloudBase environment or one local cloud, never both or neither', () => {
  expect(opsTarget(['--env', 'hukou-prod-1a2b'], 'u')).toEqual({ kind: 'env', envId: 'hukou-prod-1a2b' });
  expect(opsTarget(['--url', 'http://127.0.0.1:8787/'], 'u')).toEqual({ kind: 'url', url: 'http://127.0.0.1:8787' });
  expect(() => opsTarget([], 'u')).toThrow(/name one target/);
  expect(() => opsTarget(['--env', 'hukou-prod-1a2b', '--url', 'http://127.0.0.1:8787'], 'u')).toThrow(/name one target/);
  expect(() => opsTarget(['--url'], 'u')).toThrow(/--url needs a value/);
  expect(() => opsTarget(['--url', 'http://a/b'], 'u')).toThrow(/not a local cloud address/);
});

test('db:bootstrap takes --url as well (the first-day rehearsal against an empty local cloud)', () => {
  expect(parseBootstrapArgs(['--url', 'http://127.0.0.1:9000', '--dry-run'])).toEqual({
    target: { kind: 'url', url: 'http://127.0.0.1:9000' },
    dryRun: true,
    replaceChanged: false,
  });
  expect(parseBootstrapArgs(['--env', 'hukou-ci-1a2b', '--replace-changed-indexes'])).toEqual({
    target: { kind: 'env', envId: 'hukou-ci-1a2b' },
    dryRun: false,
    replaceChanged: true,
  });
  expect(() => parseBootstrapArgs(['--dry-run'])).toThrow(/usage: npm run db:bootstrap/);
});
