import type { ServiceGuide } from './ServiceGuide';

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
 * Added when the whole title is the query: the citizen named this guide, so it outranks guides
 * whose longer titles merely contain the words (at most 100 + 0.1 × (80 + 40 + 20) = 114).
 */
const EXACT_TITLE_BONUS = 50;

/** Lowercase, full-width → half-width, and drop spaces and punctuation (Chinese has no word spacing). */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

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
  const t = normalizeQuery(text);
  if (!query || !t) return 0;
  if (t.includes(query)) return 1;
  const qs = grams(query);
  if (qs.length < 2) return 0;
  const found = qs.filter((g) => t.includes(g)).length / qs.length;
  return found >= 0.5 ? found * 0.8 : 0;
}

function bestIn(query: string, field: MatchField, texts: string[]): { score: number; field: MatchField; text: string } | null {
  let best: { score: number; field: MatchField; text: string } | null = null;
  for (const text of texts) {
    const s = matchStrength(query, text) * FIELD_WEIGHT[field];
    if (s > 0 && (!best || s > best.score)) best = { score: s, field, text };
  }
  return best;
}

/**
 * Ranks guides for a citizen's keywords across title, aliases, material names and summary.
 * Ties keep catalogue order (category, then order), so results are stable.
 */
export function searchGuides(guides: readonly ServiceGuide[], rawQuery: string, limit = 20): GuideHit[] {
  const query = normalizeQuery(rawQuery);
  if (!query) return [];
  const hits: GuideHit[] = [];
  for (const guide of guides) {
    const candidates = [
      bestIn(query, 'title', [guide.title]),
      bestIn(query, 'alias', guide.aliases),
      bestIn(
        query,
        'material',
        guide.materials.map((m) => m.name),
      ),
      bestIn(query, 'summary', [guide.summary]),
    ].filter((c): c is NonNullable<typeof c> => c !== null);
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.score - a.score);
    const top = candidates[0];
    // Matching in several places makes a guide a little more relevant than matching in one.
    const bonus = candidates.slice(1).reduce((sum, c) => sum + c.score * 0.1, 0);
    const exact = normalizeQuery(guide.title) === query ? EXACT_TITLE_BONUS : 0;
    hits.push({ guide, score: top.score + bonus + exact, field: top.field, matchedText: top.text });
  }
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => b.hit.score - a.hit.score || a.index - b.index)
    .slice(0, limit)
    .map(({ hit }) => hit);
}
