import type { Database } from '../cloudbase/app';
import { SEARCH_LEXICON_ID } from '../../core/guide/SearchLexicon';
import type { SeedContent } from './loadSeedContent';

export interface ImportReport {
  collection: string;
  written: number;
  /** Ids stored in the collection that the seed no longer has (left in place, reported). */
  stale: string[];
}

const BATCH = 10;

/**
 * Writes each document by its stable id (`doc(id).set`), so importing again replaces instead of
 * duplicating. Documents no longer in the seed are reported, not deleted.
 */
export async function importCollection(db: Database, collection: string, docs: ReadonlyArray<{ _id: string }>): Promise<ImportReport> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(docs.slice(i, i + BATCH).map(({ _id, ...body }) => db.collection(collection).doc(_id).set(body)));
  }
  const wanted = new Set(docs.map((d) => d._id));
  const stored = await db.collection(collection).field({ _id: true }).limit(1000).get();
  const stale = ((stored.data ?? []) as Array<{ _id: string }>).map((d) => d._id).filter((id) => !wanted.has(id));
  return { collection, written: docs.length, stale };
}

export async function importContent(db: Database, content: SeedContent): Promise<ImportReport[]> {
  return [
    await importCollection(db, 'guide_categories', content.categories),
    await importCollection(db, 'guides', content.guides),
    await importCollection(db, 'halls', content.halls),
    await importCollection(db, 'search_lexicon', [{ _id: SEARCH_LEXICON_ID, ...content.lexicon }]),
  ];
}
