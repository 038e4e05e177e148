import { collections, type CollectionDeclaration } from '../../config/collections';
import { bootstrapDatabase } from '../../scripts/db/bootstrap';
import { planBootstrap, renderBootstrapPlan, rulesMatch, type ExistingCollection } from '../../scripts/db/bootstrapPlan';
import { managerNodeAdmin } from '../../scripts/db/databaseAdmin';
import { FakeManagerNode } from './support/FakeManagerNode';

const closed = { read: false, write: false };
const declared: CollectionDeclaration[] = [
  { name: 'halls', indexes: [{ name: 'city_order', keys: { city: 1, order: 1 } }], rules: closed },
  { name: 'claims', indexes: [{ name: 'person_day', keys: { personKey: 1, day: -1 }, unique: true }], rules: closed },
  { name: 'audit', indexes: [], rules: closed },
];

async function bootstrap(manager: FakeManagerNode, opts: { dryRun?: boolean; replaceChanged?: boolean; decl?: CollectionDeclaration[] } = {}) {
  const lines: string[] = [];
  const plan = await bootstrapDatabase(managerNodeAdmin(manager, manager.envId), opts.decl ?? declared, {
    dryRun: opts.dryRun ?? false,
    replaceChanged: opts.replaceChanged,
    log: (l) => lines.push(l),
    header: 'plan',
  });
  return { plan, text: lines.join('\n') };
}

test('on an empty environment it creates every collection, index (unique ones included) and closed rule', async () => {
  const manager = new FakeManagerNode('hukou-test-1');
  await bootstrap(manager);
  expect(manager.calls.map((c) => c.method)).toEqual([
    'listCollections',
    'createCollectionIfNotExists',
    'updateCollection',
    'ModifySafeRule',
    'createCollectionIfNotExists',
    'updateCollection',
    'ModifySafeRule',
    'createCollectionIfNotExists',
    'ModifySafeRule',
  ]);
  expect(manager.calls[5].args).toEqual([
    'claims',
    {
      CreateIndexes: [
        {
          IndexName: 'person_day',
          MgoKeySchema: {
            MgoIndexKeys: [
              { Name: 'personKey', Direction: '1' },
              { Name: 'day', Direction: '-1' },
            ],
            MgoIsUnique: true,
          },
        },
      ],
    },
  ]);
  expect(manager.calls[3].args).toEqual([{ EnvId: 'hukou-test-1', CollectionName: 'halls', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' }]);
});

test('a second run only reads, and reports everything as present', async () => {
  const manager = new FakeManagerNode('hukou-test-1');
  await bootstrap(manager);
  manager.calls.length = 0;
  const { plan, text } = await bootstrap(manager);
  expect(plan.operations).toEqual([]);
  expect(manager.writes()).toEqual([]);
  expect(manager.calls.map((c) => c.method)).toEqual([
    'listCollections',
    'describeCollection',
    'DescribeSafeRule',
    'describeCollection',
    'DescribeSafeRule',
    'describeCollection',
    'DescribeSafeRule',
  ]);
  expect(text).toContain('nothing to do: every collection, index and rule is as declared');
  expect(text).toContain('= index claims.person_day');
});

test('on a partly set-up environment it creates only what is missing', async () => {
  const manager = new FakeManagerNode('hukou-test-1');
  manager.seed(
    'halls',
    [
      {
        name: 'city_order',
        keys: [
          ['city', '1'],
          ['order', '1'],
        ],
      },
    ],
    'ADMINONLY',
  );
  manager.seed('claims', [], 'READONLY');
  manager.seed('someone_elses', [], 'READONLY');
  await bootstrap(manager);
  expect(manager.writes()).toEqual([
    expect.stringMatching(/^updateCollection \["claims",\{"CreateIndexes":\[\{"IndexName":"person_day"/),
    'ModifySafeRule [{"EnvId":"hukou-test-1","CollectionName":"claims","AclTag":"CUSTOM","Rule":"{\\"read\\":false,\\"write\\":false}"}]',
    'createCollectionIfNotExists ["audit"]',
    'ModifySafeRule [{"EnvId":"hukou-test-1","CollectionName":"audit","AclTag":"CUSTOM","Rule":"{\\"read\\":false,\\"write\\":false}"}]',
  ]);
  // Collections it does not declare are never described, let alone touched.
  expect(manager.calls.some((c) => JSON.stringify(c.args).includes('someone_elses'))).toBe(false);
});

test('the dry run reads and prints the plan but changes nothing', async () => {
  const manager = new FakeManagerNode('hukou-test-1');
  manager.seed('halls', [], 'ADMINONLY');
  const { text } = await bootstrap(manager, { dryRun: true });
  expect(manager.writes()).toEqual([]);
  expect(text).toBe(
    [
      'plan',
      '',
      '6 steps:',
      '  + create index halls.city_order (city:1, order:1)',
      '  + create collection claims',
      '  + create index claims.person_day (personKey:1, day:-1 unique)',
      '  + set rules claims {"read":false,"write":false}',
      '  + create collection audit',
      '  + set rules audit {"read":false,"write":false}',
      '',
      'already present (2):',
      '  = collection halls',
      '  = rules halls',
    ].join('\n'),
  );
});

test('a changed index is reported and left alone unless replacing is asked for; extra indexes stay', async () => {
  const manager = new FakeManagerNode('hukou-test-1');
  manager.seed(
    'claims',
    [
      {
        name: 'person_day',
        keys: [
          ['personKey', '1'],
          ['day', '-1'],
        ],
        unique: false,
      },
      { name: 'old', keys: [['x', '1']] },
    ],
    'ADMINONLY',
  );
  const decl = [declared[1]];
  const first = await bootstrap(manager, { decl, dryRun: true });
  expect(first.plan.operations).toEqual([]);
  expect(first.text).toContain(
    '! index claims.person_day is (personKey:1, day:-1) but is declared (personKey:1, day:-1 unique): rerun with --replace-changed-indexes to replace it',
  );
  expect(first.text).toContain('! index claims.old is not declared (left in place)');
  await bootstrap(manager, { decl, replaceChanged: true });
  expect(manager.writes()).toEqual([
    'updateCollection ["claims",{"DropIndexes":[{"IndexName":"person_day"}]}]',
    expect.stringMatching(/^updateCollection \["claims",\{"CreateIndexes":\[\{"IndexName":"person_day".*"MgoIsUnique":true/),
  ]);
  expect((await bootstrap(manager, { decl })).plan.operations).toEqual([]);
});

test('listing pages through every collection', async () => {
  const manager = new FakeManagerNode('hukou-test-1');
  manager.pageSize = 2;
  for (const name of ['a1', 'a2', 'a3', 'a4', 'halls'])
    manager.seed(name, [
      {
        name: 'city_order',
        keys: [
          ['city', '1'],
          ['order', '1'],
        ],
      },
    ]);
  const { plan } = await bootstrap(manager, { decl: [declared[0]] });
  expect(plan.operations).toEqual([]);
  expect(manager.calls.filter((c) => c.method === 'listCollections').length).toBe(3);
});

test('rules: ADMINONLY and the same custom rule count as closed; anything else is set', () => {
  expect(rulesMatch({ aclTag: 'ADMINONLY' }, closed)).toBe(true);
  expect(rulesMatch({ aclTag: 'CUSTOM', rule: '{ "read": false, "write": false }' }, closed)).toBe(true);
  expect(rulesMatch({ aclTag: 'CUSTOM', rule: '{"read":true,"write":false}' }, closed)).toBe(false);
  expect(rulesMatch({ aclTag: 'CUSTOM', rule: '{"read":false,"write":false,"create":true}' }, closed)).toBe(false);
  expect(rulesMatch({ aclTag: 'PRIVATE' }, closed)).toBe(false);
  expect(rulesMatch(undefined, closed)).toBe(false);
});

test('the real declaration plans every collection closed, with its unique indexes', () => {
  const plan = planBootstrap(collections, new Map<string, ExistingCollection>());
  const text = renderBootstrapPlan(plan, 'plan');
  for (const c of collections) {
    expect(text).toContain(`+ create collection ${c.name}\n`);
    expect(text).toContain(`+ set rules ${c.name} {"read":false,"write":false}`);
    for (const i of c.indexes) expect(text).toContain(`+ create index ${c.name}.${i.name} (`);
  }
});
