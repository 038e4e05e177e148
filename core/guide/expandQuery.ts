import { isLatin, normalizeQuery } from './normalizeQuery';
import type { SearchLexicon } from './SearchLexicon';

/**
 * The normalized query as typed, then with the lexicon's synonyms replaced by what they mean
 * (身分证补办 → 居民身份证补办, ID card → 居民身份证), without duplicates. A Latin-letter term
 * must be the whole query, so `id` does not rewrite `video`; other terms are replaced wherever
 * they occur, longest first.
 */
export function expandQuery(query: string, lexicon: Pick<SearchLexicon, 'synonyms'>): string[] {
  const variants = [query];
  if (!query) return variants;
  const terms = lexicon.synonyms
    .flatMap((s) => s.terms.map((t) => ({ term: normalizeQuery(t), means: normalizeQuery(s.means) })))
    .filter((t) => t.term && t.means)
    .sort((a, b) => b.term.length - a.term.length);
  const whole = terms.find((t) => isLatin(t.term) && t.term === query);
  if (whole) variants.push(whole.means);
  else {
    let rewritten = query;
    for (const { term, means } of terms) if (!isLatin(term) && rewritten.includes(term)) rewritten = rewritten.split(term).join(means);
    if (rewritten !== query) variants.push(rewritten);
  }
  return variants;
}
