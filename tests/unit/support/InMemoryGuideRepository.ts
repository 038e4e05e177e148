import type { GuideRepository } from '../../../core/guide/GuideRepository';
import type { Hall } from '../../../core/guide/Hall';
import { EMPTY_LEXICON } from '../../../core/guide/SearchLexicon';
import type { GuideCategory, ServiceGuide } from '../../../core/guide/ServiceGuide';
import type { Clock } from '../../../core/time/Clock';
import { loadSeedContent, type SeedContent } from '../../../server/seed/loadSeedContent';

/**
 * Test double of the GuideRepository port over in-memory content, ordered as the CloudBase
 * repository orders it: categories and halls by `order`, guides by category order then `order`.
 */
export class InMemoryGuideRepository implements GuideRepository {
  private readonly cats: GuideCategory[];
  private readonly guides: ServiceGuide[];
  private readonly hallList: Hall[];

  constructor(private readonly content: Omit<SeedContent, 'lexicon'> & { lexicon?: SeedContent['lexicon'] }) {
    this.cats = [...content.categories].sort((a, b) => a.order - b.order);
    const rank = new Map(this.cats.map((c, i) => [c._id, i]));
    this.guides = [...content.guides].sort((a, b) => (rank.get(a.categoryId) ?? 99) - (rank.get(b.categoryId) ?? 99) || a.order - b.order);
    this.hallList = [...content.halls].sort((a, b) => a.order - b.order);
  }

  async categories() {
    return this.cats;
  }

  async allGuides() {
    return this.guides;
  }

  async guide(id: string) {
    return this.guides.find((g) => g._id === id) ?? null;
  }

  async halls(city?: string) {
    return city ? this.hallList.filter((h) => h.city === city) : this.hallList;
  }

  async hall(id: string) {
    return this.hallList.find((h) => h._id === id) ?? null;
  }

  async hallsHandling(guideId: string) {
    return this.hallList.filter((h) => h.services.includes(guideId));
  }

  async lexicon() {
    return this.content.lexicon ?? EMPTY_LEXICON;
  }
}

/** The real seed content in data/, loaded once per test file. */
let cached: SeedContent | undefined;
export function seedContent(): SeedContent {
  cached ??= loadSeedContent();
  return cached;
}

/** The seed guides in catalogue order (as the repository returns them). */
export function catalogueGuides(): ServiceGuide[] {
  const content = seedContent();
  const rank = new Map([...content.categories].sort((a, b) => a.order - b.order).map((c, i) => [c._id, i]));
  return [...content.guides].sort((a, b) => (rank.get(a.categoryId) ?? 99) - (rank.get(b.categoryId) ?? 99) || a.order - b.order);
}

export function seedHall(id: string): Hall {
  const hall = seedContent().halls.find((h) => h._id === id);
  if (!hall) throw new Error(`no hall ${id} in data/halls.json`);
  return hall;
}

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}
