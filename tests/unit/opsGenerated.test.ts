import { readFileSync } from 'node:fs';
import path from 'node:path';
import { variableNames } from '../../config/environment';
import { functions, type FunctionDeclaration } from '../../config/functions';
import { cloudbasercText, renderCloudbaserc } from '../../scripts/deploy/cloudbaserc';
import { renderEnvExample } from '../../scripts/deploy/envExample';
import { validateDeclarations } from '../../scripts/deploy/validateDeclarations';
import { planFunction, renderPlan } from '../../scripts/deploy/plan';
import { keyedActions } from '../fixtures/functions/keyed';

const ROOT = path.resolve(__dirname, '..', '..');

test('cloudbaserc.json is current (regenerate with `npm run generate:ops`)', () => {
  expect(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')).toBe(cloudbasercText(functions));
});

test('.env.example is current and documents every variable (regenerate with `npm run generate:ops`)', () => {
  const text = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  expect(text).toBe(renderEnvExample(functions));
  for (const name of variableNames) expect(text).toMatch(new RegExp(`^${name}=$`, 'm'));
});

test('the declarations are deployable: names, timeouts ≤ 60 s, memory, variables, triggers', () => {
  expect(validateDeclarations(functions)).toEqual([]);
});

test('cloudbaserc.json names every variable of every function and holds no value', () => {
  const rc = renderCloudbaserc(functions);
  expect(rc.envId).toBe('{{env.ENV_ID}}');
  for (const fn of functions) {
    const entry = rc.functions.find((f) => f.name === fn.name)!;
    expect(Object.keys(entry.envVariables).sort()).toEqual([...fn.env].sort());
    for (const [name, value] of Object.entries(entry.envVariables)) expect(value).toBe(`{{env.${name}}}`);
    expect(entry.timeout).toBeLessThanOrEqual(60);
    expect(entry.installDependency).toBe(false);
  }
});

const fixture: FunctionDeclaration = {
  name: 'keyed',
  description: 'fixture',
  caller: 'timer',
  actions: keyedActions as FunctionDeclaration['actions'],
  env: ['HUKOU_INDEX_KEY', 'WX_APPID'],
  triggers: [{ name: 'sweep', cron: '0 5 16 * * * *' }],
  timeoutSeconds: 60,
  memoryMB: 512,
};

test('timer triggers become CloudBase timer triggers in cloudbaserc.json', () => {
  expect(renderCloudbaserc([fixture]).functions[0]).toEqual({
    name: 'keyed',
    handler: 'index.main',
    runtime: 'Nodejs18.15',
    timeout: 60,
    memorySize: 512,
    installDependency: false,
    ignore: ['node_modules', 'node_modules/**/*', '*.map'],
    envVariables: { HUKOU_INDEX_KEY: '{{env.HUKOU_INDEX_KEY}}', WX_APPID: '{{env.WX_APPID}}' },
    triggers: [{ name: 'sweep', type: 'timer', config: '0 5 16 * * * *' }],
  });
  expect(validateDeclarations([fixture])).toEqual([]);
});

test('what the platform would refuse is found before anything is uploaded', () => {
  const bad: FunctionDeclaration = {
    ...fixture,
    timeoutSeconds: 90,
    memoryMB: 300 as 256,
    env: ['HUKOU_INDEX_KEY', 'NOT_DECLARED' as 'WX_APPID'],
    triggers: [
      { name: 'nightly', cron: '0 0 2 * * *' },
      { name: '9lives', cron: '0 0 2 * * * *' },
    ],
  };
  expect(validateDeclarations([bad, fixture])).toEqual([
    'keyed: timeout 90 s is outside 1–60 s',
    'keyed: memory 300 MB is not one of 128, 256, 512, 1024, 2048',
    'keyed: variable NOT_DECLARED is not in config/environment.ts',
    'keyed: trigger nightly names no action of the function',
    'keyed: trigger nightly cron "0 0 2 * * *" needs 7 fields (second minute hour day month weekday year)',
    'keyed: trigger 9lives needs a letter then up to 59 letters, digits, - or _',
    'keyed: trigger 9lives names no action of the function',
    'keyed: declared twice',
  ]);
});

test('a function polling shipments reads the Kuaidi100 account (the business function mails results too)', () => {
  const pollers = functions.filter((f) => f.triggers?.some((t) => t.name === 'pollShipments')).map((f) => f.name);
  expect(pollers).toEqual(['reissue', 'business']);
  const business = functions.find((f) => f.name === 'business')!;
  expect(validateDeclarations([{ ...business, env: business.env.filter((v) => v !== 'HUKOU_KUAIDI100_KEY') }])).toEqual([
    "business: polls shipments but does not read HUKOU_KUAIDI100_KEY (the courier's tracking account)",
  ]);
});

describe('WeChat Pay keys (issue 13, blocker 5)', () => {
  const reissue = functions.find((f) => f.name === 'reissue')!;
  const payNotify = functions.find((f) => f.name === 'payNotify')!;

  test('every function that signs WeChat Pay requests reads the public key that verifies the answers', () => {
    for (const fn of functions.filter((f) => f.env.includes('HUKOU_WXPAY_PRIVATE_KEY'))) {
      expect(fn.env).toEqual(expect.arrayContaining(['HUKOU_WXPAY_PUBLIC_KEY', 'HUKOU_WXPAY_PUBLIC_KEY_ID']));
    }
    const without = { ...reissue, env: reissue.env.filter((v) => v !== 'HUKOU_WXPAY_PUBLIC_KEY_ID') };
    expect(validateDeclarations([without])).toEqual([
      'reissue: reads HUKOU_WXPAY_PRIVATE_KEY but not HUKOU_WXPAY_PUBLIC_KEY_ID (WeChat Pay answers are verified with its public key)',
    ]);
  });

  test('a deploy without the public key, its id or the APIv3 key stops: they are required in production', () => {
    const unset = new Set(['HUKOU_WXPAY_PUBLIC_KEY', 'HUKOU_WXPAY_PUBLIC_KEY_ID', 'HUKOU_WXPAY_APIV3_KEY']);
    const sourceOf = (name: string) => (unset.has(name) ? undefined : ('environment' as const));
    expect(planFunction(reissue, { bundleBytes: 1, zipBytes: 1 }, sourceOf).problems).toEqual([
      'HUKOU_WXPAY_PUBLIC_KEY is not set (export it or put it in .env.local)',
      'HUKOU_WXPAY_PUBLIC_KEY_ID is not set (export it or put it in .env.local)',
    ]);
    expect(planFunction(payNotify, { bundleBytes: 1, zipBytes: 1 }, sourceOf).problems).toEqual([
      'HUKOU_WXPAY_PUBLIC_KEY is not set (export it or put it in .env.local)',
      'HUKOU_WXPAY_PUBLIC_KEY_ID is not set (export it or put it in .env.local)',
      'HUKOU_WXPAY_APIV3_KEY is not set (export it or put it in .env.local)',
    ]);
  });

  test('the notification path is declared once, on payNotify, which verifies and decrypts; the plan prints how to bind it', () => {
    expect(functions.flatMap((f) => (f.httpPaths ?? []).map((p) => [f.name, p]))).toEqual([['payNotify', '/wxpay/notify']]);
    expect(validateDeclarations([{ ...payNotify, env: payNotify.env.filter((v) => v !== 'HUKOU_WXPAY_APIV3_KEY') }])).toEqual([
      'payNotify: has HTTP access but does not read HUKOU_WXPAY_APIV3_KEY (WeChat Pay notifications are verified and decrypted)',
    ]);
    expect(validateDeclarations([payNotify, { ...fixture, name: 'other', httpPaths: ['/wxpay/notify', 'wxpay'] }])).toEqual(
      expect.arrayContaining(["other: HTTP access path /wxpay/notify is already payNotify's", 'other: HTTP access path "wxpay" must be / then letters, digits, - _ . segments']),
    );
    const plan = planFunction(payNotify, { bundleBytes: 1, zipBytes: 1 }, () => 'environment');
    const text = renderPlan({ envId: 'hukou-prod-1', dryRun: true, functions: [plan], problems: [] });
    expect(text).toContain('http      /wxpay/notify (HTTP access, public; once per environment: tcb service create -e hukou-prod-1 -p /wxpay/notify -f payNotify)');
  });
});
