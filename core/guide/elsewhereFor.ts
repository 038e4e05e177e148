import { isLatin, normalizeQuery } from './normalizeQuery';
import type { Elsewhere, SearchLexicon } from './SearchLexicon';

/**
 * The office that handles what the citizen asked for when it is not a household-registration
 * business (护照 → 出入境管理部门), so the answer is an honest pointer rather than a wrong guide.
 * Latin-letter terms must be the whole query; others may be part of it.
 */
export function elsewhereFor(rawQuery: string, lexicon: Pick<SearchLexicon, 'elsewhere'>): Elsewhere | undefined {
  const query = normalizeQuery(rawQuery);
  if (!query) return undefined;
  return lexicon.elsewhere.find((e) =>
    e.terms.some((t) => {
      const term = normalizeQuery(t);
      return term !== '' && (isLatin(term) ? term === query : query.includes(term));
    }),
  );
}
