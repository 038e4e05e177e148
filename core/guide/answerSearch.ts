import { elsewhereFor } from './elsewhereFor';
import type { Elsewhere, Hotline, SearchLexicon } from './SearchLexicon';
import { searchGuides, type GuideHit } from './searchGuides';
import type { ServiceGuide } from './ServiceGuide';

export interface SearchAnswer {
  hits: GuideHit[];
  /** The query names another office's business (护照): where to go instead. */
  elsewhere?: Elsewhere;
  /** Nothing was found: where to ask. */
  hotline?: Hotline;
}

/**
 * What a citizen is told for a query. When it names another office's business, only guides named
 * by their title or an alias stay: a guide that merely lists 护照 among its materials is not what
 * was asked for, and the pointer to the right office is the honest answer.
 */
export function answerSearch(guides: readonly ServiceGuide[], query: string, lexicon: SearchLexicon, limit = 20): SearchAnswer {
  const elsewhere = elsewhereFor(query, lexicon);
  const all = searchGuides(guides, query, limit, lexicon);
  const hits = elsewhere ? all.filter((h) => h.field === 'title' || h.field === 'alias') : all;
  return { hits, ...(elsewhere && { elsewhere }), ...(hits.length === 0 && { hotline: lexicon.hotline }) };
}
