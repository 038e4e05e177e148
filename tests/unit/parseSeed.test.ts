/**
 * The seed loaders' parse: a bad value names the file, the field and what is wrong in English, though
 * zod/mini loads no locale (this file loads no classic zod, which would set English for everyone).
 */
import * as z from 'zod/mini';
import { parseSeed } from '../../server/seed/parseSeed';

const Entry = z.object({ id: z.string().check(z.regex(/^[a-z-]+$/, 'lowercase letters and dashes')), minutes: z.int().check(z.gte(5), z.lte(120)) });

test('a value that parses is returned as parsed', () => {
  expect(parseSeed(Entry, { id: 'haikou', minutes: 15, extra: 1 }, 'schedules.json[0]')).toEqual({ id: 'haikou', minutes: 15 });
});

test('a problem names where, the field and zod’s English message', () => {
  expect(() => parseSeed(Entry, { id: 'haikou', minutes: 200 }, 'schedules.json[3]')).toThrow('schedules.json[3]: minutes: Too big: expected number to be <=120');
  expect(() => parseSeed(Entry, { id: 'haikou', minutes: '15' }, 'schedules.json[3]')).toThrow('schedules.json[3]: minutes: Invalid input: expected number, received string');
  expect(() => parseSeed(Entry, [], 'halls.json[0]')).toThrow('halls.json[0]: (root): Invalid input: expected object, received array');
});

test('a message the schema gives is kept', () => {
  expect(() => parseSeed(Entry, { id: 'Haikou', minutes: 15 }, 'guides/x.json')).toThrow('guides/x.json: id: lowercase letters and dashes');
});
