import type { Database } from './app';

/** CloudBase returns at most 1000 documents per `get()`: page through a whole (small) collection. */
const PAGE = 1000;

export async function fetchAll(
  db: Database,
  collection: string,
  orderBy: ReadonlyArray<[string, 'asc' | 'desc']>,
  where: Record<string, unknown> = {},
  /** Only these fields come back (and `_id`). */
  fields?: Record<string, true>,
): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let query = db.collection(collection).where(where);
    if (fields) query = query.field(fields);
    for (const [field, dir] of orderBy) query = query.orderBy(field, dir);
    const page = await query.skip(skip).limit(PAGE).get();
    const docs = (page.data ?? []) as unknown[];
    out.push(...docs);
    if (docs.length < PAGE) return out;
  }
}
