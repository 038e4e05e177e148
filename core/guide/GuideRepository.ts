import type { Hall } from './Hall';
import type { SearchLexicon } from './SearchLexicon';
import type { GuideCategory, ServiceGuide } from './ServiceGuide';

/** Port: where guides, categories and halls are read from (CloudBase in production). */
export interface GuideRepository {
  categories(): Promise<GuideCategory[]>;
  /** Every guide, in catalogue order (category order, then order within the category). */
  allGuides(): Promise<ServiceGuide[]>;
  guide(id: string): Promise<ServiceGuide | null>;
  /** Halls, by city when given, in list order. */
  halls(city?: string): Promise<Hall[]>;
  hall(id: string): Promise<Hall | null>;
  hallsHandling(guideId: string): Promise<Hall[]>;
  /** Synonyms, pointers to other offices and the hotline of search; the empty lexicon when none is imported. */
  lexicon(): Promise<SearchLexicon>;
}
