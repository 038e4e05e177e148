/**
 * src/components/themeVarName.ts stands in for lodash.kebabcase in the weapp build: NutUI's
 * ConfigProvider names each theme key's CSS variable with it, so every key NutUI declares (and the
 * shapes of identifier lodash splits) must come out as lodash writes it, or a themed colour would
 * silently fall back to NutUI's default.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import kebabCase from '../../src/components/themeVarName';

// The real one (NutUI's dependency; it ships no types).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lodashKebabCase = require('lodash.kebabcase') as (value: string) => string;

const TYPES = path.join(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/es/packages/configprovider/types.d.ts');

test('every theme key NutUI declares gets the CSS variable name lodash gives it', () => {
  const keys = [...readFileSync(TYPES, 'utf8').matchAll(/'(nutui[A-Za-z0-9]*)'/g)].map((m) => m[1]!);
  expect(keys.length).toBeGreaterThan(800);
  expect(keys.filter((k) => kebabCase(k) !== lodashKebabCase(k))).toEqual([]);
  expect(kebabCase('nutuiColorPrimaryStop1')).toBe('nutui-color-primary-stop-1');
  expect(kebabCase('nutuiBadgeZIndex')).toBe('nutui-badge-z-index');
});

test('other identifier shapes as lodash splits them', () => {
  for (const s of ['fooBAR', 'fooBarBaz2x', 'nutui-color', 'FooBar', 'abc12Def', 'XMLHttpRequest', 'HTMLParser2Go', 'ABC', 'a', '', 'snake_case key']) {
    expect(kebabCase(s)).toBe(lodashKebabCase(s));
  }
});
