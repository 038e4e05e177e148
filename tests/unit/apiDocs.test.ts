import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderApiDocs } from '../../scripts/api-docs/renderApiDocs';
import { functions } from '../../config/functions';
import { errorCodes } from '../../core/errors/catalogue';

const docs = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'API.md'), 'utf8');

test('docs/API.md is current (regenerate with `npm run docs:api`)', () => {
  expect(docs).toBe(renderApiDocs());
});

test('docs/API.md names every function, action and error code', () => {
  for (const fn of functions) {
    for (const action of Object.keys(fn.actions)) expect(docs).toContain(`### \`${fn.name}.${action}\``);
  }
  for (const code of errorCodes) expect(docs).toContain(`| \`${code}\` |`);
});

test('every deployed function folder is declared, and every declaration has a folder', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { functionNames } = require('../../scripts/functionBundles') as typeof import('../../scripts/functionBundles');
  expect(functions.map((f) => f.name).sort()).toEqual(functionNames());
});
