import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod/mini';
import { Hall } from '../../core/guide/Hall';
import { SearchLexicon } from '../../core/guide/SearchLexicon';
import { GuideCategory, ServiceGuide } from '../../core/guide/ServiceGuide';
import { withPinyin } from './guidePinyin';

export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data');

export interface SeedContent {
  categories: GuideCategory[];
  guides: ServiceGuide[];
  halls: Hall[];
  /** Synonyms, pointers to other offices and the hotline of guide search (search-lexicon.json). */
  lexicon: SearchLexicon;
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Reads and validates data/: categories.json, guides/*.json (one guide each, given the pinyin of
 * its title and aliases for search), halls.json, search-lexicon.json.
 */
export function loadSeedContent(dir = DATA_DIR): SeedContent {
  const categories = (readJson(path.join(dir, 'categories.json')) as unknown[]).map((c, i) => parse(GuideCategory, c, `categories.json[${i}]`));
  const guideDir = path.join(dir, 'guides');
  const guides = readdirSync(guideDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => withPinyin(parse(ServiceGuide, readJson(path.join(guideDir, f)), `guides/${f}`)));
  const halls = (readJson(path.join(dir, 'halls.json')) as unknown[]).map((h, i) => parse(Hall, h, `halls.json[${i}]`));
  const lexicon = parse(SearchLexicon, readJson(path.join(dir, 'search-lexicon.json')), 'search-lexicon.json');
  return { categories, guides, halls, lexicon };
}
