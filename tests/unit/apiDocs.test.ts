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

describe('every input and output is documented exactly', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderSchema } = require('../../scripts/api-docs/renderSchema') as typeof import('../../scripts/api-docs/renderSchema');

  test('no field is documented as `unknown` (a union, a record, a bound the renderer dropped)', () => {
    // `unknown` appears only as a word in prose or as a field name, never as a field's type.
    expect(docs).not.toMatch(/:\s*unknown\b/);
    expect(docs).not.toMatch(/Array<unknown>/);
  });

  test('a discriminated union renders each member (reissue delivery)', () => {
    const rendered = renderSchema({
      oneOf: [
        { type: 'object', properties: { kind: { const: 'mail' } }, required: ['kind'] },
        { type: 'object', properties: { kind: { const: 'hall' } }, required: ['kind'] },
      ],
    });
    expect(rendered).toBe('{\n  kind: "mail";\n} | {\n  kind: "hall";\n}');
  });

  test('records and bounds render', () => {
    expect(renderSchema({ type: 'object', additionalProperties: { type: 'integer' } })).toBe('Record<string, integer>');
    expect(renderSchema({ type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 })).toBe('Array<string> /* 1–3 items */');
    expect(renderSchema({ type: ['number', 'null'] })).toBe('number | null');
  });

  test('a keyword the renderer does not know fails the generation instead of vanishing', () => {
    expect(() => renderSchema({ type: 'string', format: 'email' } as never)).toThrow(/format/);
    expect(() => renderSchema({ allOf: [{ type: 'string' }] } as never)).toThrow(/allOf/);
  });
});
