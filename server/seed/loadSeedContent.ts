import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { Hall } from '../../core/guide/Hall';
import { GuideCategory, ServiceGuide } from '../../core/guide/ServiceGuide';

export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data');

export interface SeedContent {
  categories: GuideCategory[];
  guides: ServiceGuide[];
  halls: Hall[];
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
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

/** Reads and validates data/: categories.json, guides/*.json (one guide each), halls.json. */
export function loadSeedContent(dir = DATA_DIR): SeedContent {
  const categories = (readJson(path.join(dir, 'categories.json')) as unknown[]).map((c, i) => parse(GuideCategory, c, `categories.json[${i}]`));
  const guideDir = path.join(dir, 'guides');
  const guides = readdirSync(guideDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parse(ServiceGuide, readJson(path.join(guideDir, f)), `guides/${f}`));
  const halls = (readJson(path.join(dir, 'halls.json')) as unknown[]).map((h, i) => parse(Hall, h, `halls.json[${i}]`));
  return { categories, guides, halls };
}
