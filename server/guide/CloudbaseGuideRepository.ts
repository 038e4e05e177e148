import type * as z from 'zod/mini';
import { GuideCategory, ServiceGuide } from '../../core/guide/ServiceGuide';
import { Hall } from '../../core/guide/Hall';
import { EMPTY_LEXICON, SEARCH_LEXICON_ID, SearchLexicon } from '../../core/guide/SearchLexicon';
import type { GuideRepository } from '../../core/guide/GuideRepository';
import type { Database } from '../cloudbase/app';
import { fetchAll } from '../cloudbase/fetchAll';
import { getDoc } from '../cloudbase/documents';
import { withEditedHours, type HallHoursDoc } from '../../core/hallDuty/hallHoursOverlay';
import { writeLog } from '../log/logLine';

/** Guide content changes rarely (it is imported by ops): a warm instance keeps it this long. */
const CACHE_MS = 60_000;

interface Snapshot {
  loadedAt: number;
  categories: GuideCategory[];
  guides: ServiceGuide[];
  halls: Hall[];
  lexicon: SearchLexicon;
}

/** Keeps documents that match the schema; a broken document is logged by id and left out. */
function valid<T>(schema: z.ZodMiniType<T>, docs: unknown[], collection: string): T[] {
  const out: T[] = [];
  for (const doc of docs) {
    const parsed = schema.safeParse(doc);
    if (parsed.success) out.push(parsed.data);
    else {
      const id = (doc as { _id?: unknown })?._id;
      writeLog({ fn: 'guide', outcome: 'failed', error: `invalid document in ${collection}: ${String(id).slice(0, 64)}` });
    }
  }
  return out;
}

/**
 * Reads guides, categories and halls from CloudBase. The whole catalogue is a few hundred small
 * documents, so it is loaded in three queries and searched in memory (see core/guide/searchGuides).
 */
export class CloudbaseGuideRepository implements GuideRepository {
  private snapshot?: Promise<Snapshot>;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
    /**
     * Whether `hall(id)` reads the hall's edited special hours (`hall_hours`, issue 16) fresh at
     * every call rather than as of the cached snapshot (which has them as of its load, at most
     * CACHE_MS old): the guide function's hall page shows an edit at once. One document read per
     * call. The booking function keeps the snapshot and reads the hours itself where they decide
     * (core/hallDuty/freshHours.ts), so its burst path pays the read only when it books.
     */
    private readonly freshHours = false,
  ) {}

  private load(): Promise<Snapshot> {
    const current = this.snapshot;
    if (current) return current.then((s) => (this.now() - s.loadedAt < CACHE_MS ? s : this.refresh()));
    return this.refresh();
  }

  private refresh(): Promise<Snapshot> {
    const loading = Promise.all([
      fetchAll(this.db, 'guide_categories', [['order', 'asc']]),
      fetchAll(this.db, 'guides', [['order', 'asc']]),
      fetchAll(this.db, 'halls', [['order', 'asc']]),
      fetchAll(this.db, 'search_lexicon', [], { _id: SEARCH_LEXICON_ID }),
      fetchAll(this.db, 'hall_hours', []),
    ]).then(([c, g, h, l, edited]) => {
      const categories = valid(GuideCategory, c, 'guide_categories');
      const rank = new Map(categories.map((cat, i) => [cat._id, i]));
      const guides = valid(ServiceGuide, g, 'guides').sort((a, b) => (rank.get(a.categoryId) ?? 99) - (rank.get(b.categoryId) ?? 99) || a.order - b.order);
      // Without an imported lexicon, search still works: no synonyms, the national hotline.
      const [lexicon = EMPTY_LEXICON] = valid(SearchLexicon, l, 'search_lexicon');
      // Special hours edited in the mini-program (issue 16) replace the data file's, as of this load.
      const byHall = new Map((edited as HallHoursDoc[]).map((d) => [d._id, d]));
      const halls = valid(Hall, h, 'halls').map((hall) => withEditedHours(hall, byHall.get(hall._id)));
      return { loadedAt: this.now(), categories, guides, halls, lexicon };
    });
    this.snapshot = loading;
    loading.catch(() => {
      if (this.snapshot === loading) this.snapshot = undefined;
    });
    return loading;
  }

  async categories() {
    return (await this.load()).categories;
  }

  async allGuides() {
    return (await this.load()).guides;
  }

  async guide(id: string) {
    return (await this.load()).guides.find((g) => g._id === id) ?? null;
  }

  async halls(city?: string) {
    const halls = (await this.load()).halls;
    return city ? halls.filter((h) => h.city === city) : halls;
  }

  async hall(id: string) {
    if (!this.freshHours) return (await this.load()).halls.find((h) => h._id === id) ?? null;
    // The edited hours are read beside the (usually cached) snapshot, not after it.
    const [snapshot, doc] = await Promise.all([this.load(), getDoc<HallHoursDoc>(this.db, 'hall_hours', id)]);
    const hall = snapshot.halls.find((h) => h._id === id);
    return hall ? withEditedHours(hall, doc) : null;
  }

  async hallsHandling(guideId: string) {
    return (await this.load()).halls.filter((h) => h.services.includes(guideId));
  }

  async lexicon() {
    return (await this.load()).lexicon;
  }
}
