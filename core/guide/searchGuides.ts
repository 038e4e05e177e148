import { expandQuery } from './expandQuery';
import { fuzzyIndexOf } from './fuzzyIndex';
import { isLatin, normalizeQuery } from './normalizeQuery';
import { pinyinMatch } from './pinyinMatch';
import { EMPTY_LEXICON, type SearchLexicon } from './SearchLexicon';
import type { ServiceGuide } from './ServiceGuide';

export { normalizeQuery } from './normalizeQuery';

/** Where a search hit was found, strongest first. */
export type MatchField = 'title' | 'alias' | 'material' | 'summary';

export interface GuideHit {
  guide: ServiceGuide;
  score: number;
  field: MatchField;
  /** The text that matched (a title, an alias or a material name), to show the citizen why. */
  matchedText: string;
}

const FIELD_WEIGHT: Record<MatchField, number> = { title: 100, alias: 80, material: 40, summary: 20 };

/**
 * Added when the whole title is the query (as typed, through a synonym, or spelled in pinyin):
 * the citizen named this guide, so it outranks guides whose longer titles merely contain the
 * words (at most 100 + 0.1 × (80 + 40 + 20) = 114).
 */
const EXACT_TITLE_BONUS = 50;

/** Character bigrams of a normalized string; a single character is its own gram. */
function grams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * How well `query` matches `text`, in [0, 1]: 1 for a substring, otherwise the share of the
 * query's bigrams found in the text (so 迁户口 still finds 户口迁移 through 户口). Shares under
 * one half count as no match, so a single common character does not flood the results.
 */
export function matchStrength(query: string, text: string): number {
  return strengthIn(query, normalizeQuery(text));
}

/** matchStrength on a text already normalized. */
function strengthIn(query: string, t: string): number {
  if (!query || !t) return 0;
  if (t.includes(query)) return 1;
  const qs = grams(query);
  if (qs.length < 2) return 0;
  const found = qs.filter((g) => t.includes(g)).length / qs.length;
  return found >= 0.5 ? found * 0.8 : 0;
}

interface NormalizedTexts {
  title: string;
  aliases: Array<[raw: string, normalized: string]>;
  materials: Array<[raw: string, normalized: string]>;
  summary: string;
}

const normalizedCache = new WeakMap<ServiceGuide, NormalizedTexts>();

/** A guide's searchable texts normalized once per guide object (the repository keeps them while it caches). */
function normalizedTexts(guide: ServiceGuide): NormalizedTexts {
  let texts = normalizedCache.get(guide);
  if (!texts) {
    texts = {
      title: normalizeQuery(guide.title),
      aliases: guide.aliases.map((a) => [a, normalizeQuery(a)]),
      materials: guide.materials.map((m) => [m.name, normalizeQuery(m.name)]),
      summary: normalizeQuery(guide.summary),
    };
    normalizedCache.set(guide, texts);
  }
  return texts;
}

/** The best match of one guide in each field, across the query's variants and the ways of matching. */
class Candidates {
  private readonly best = new Map<MatchField, { score: number; text: string }>();
  exact = false;

  offer(field: MatchField, strength: number, text: string): void {
    const score = strength * FIELD_WEIGHT[field];
    const current = this.best.get(field);
    if (score > 0 && (!current || score > current.score)) this.best.set(field, { score, text });
  }

  /** Top field, plus a tenth of every other field that matched, plus the exact-title bonus. */
  hit(guide: ServiceGuide): GuideHit | null {
    const fields = [...this.best.entries()].sort((a, b) => b[1].score - a[1].score);
    if (fields.length === 0) return null;
    const [[field, top], ...others] = fields;
    // Matching in several places makes a guide a little more relevant than matching in one.
    const bonus = others.reduce((sum, [, c]) => sum + c.score * 0.1, 0);
    return { guide, score: top.score + bonus + (this.exact ? EXACT_TITLE_BONUS : 0), field, matchedText: top.text };
  }
}

/**
 * Ranks guides for a citizen's keywords across title, aliases, material names and summary:
 * substrings and shared bigrams of the query as typed and with the lexicon's synonyms
 * (身分证 → 身份证), pinyin and initials of titles and aliases (shenfenzheng, sfz), and small typos
 * (fuse.js, below exact matches). Ties keep catalogue order (category, then order).
 */
export function searchGuides(guides: readonly ServiceGuide[], rawQuery: string, limit = 20, lexicon: Pick<SearchLexicon, 'synonyms'> = EMPTY_LEXICON): GuideHit[] {
  const query = normalizeQuery(rawQuery);
  if (!query) return [];
  const variants = expandQuery(query, lexicon);
  const found = guides.map(() => new Candidates());
  guides.forEach((guide, i) => {
    const c = found[i];
    const texts = normalizedTexts(guide);
    for (const v of variants) {
      c.offer('title', strengthIn(v, texts.title), guide.title);
      for (const [alias, n] of texts.aliases) c.offer('alias', strengthIn(v, n), alias);
      for (const [name, n] of texts.materials) c.offer('material', strengthIn(v, n), name);
      c.offer('summary', strengthIn(v, texts.summary), guide.summary);
      if (texts.title === v) c.exact = true;
      if (!isLatin(v)) continue;
      for (const p of guide.searchPinyin ?? []) {
        const { strength, whole } = pinyinMatch(v, p);
        c.offer(p.field, strength, p.text);
        if (whole && p.field === 'title') c.exact = true;
      }
    }
  });
  const index = fuzzyIndexOf(guides);
  for (const v of variants) for (const f of index.search(v)) found[f.guide].offer(f.field, f.strength, f.text);

  const hits: GuideHit[] = [];
  guides.forEach((guide, i) => {
    const hit = found[i].hit(guide);
    if (hit) hits.push(hit);
  });
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => b.hit.score - a.hit.score || a.index - b.index)
    .slice(0, limit)
    .map(({ hit }) => hit);
}
