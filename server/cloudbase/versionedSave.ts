import type { Database } from './app';

/**
 * Writes a versioned document (an application) as one conditional update on `{ _id, version }`
 * (compare-and-set): of two writers that read the same version, exactly one updates the document
 * and the other learns it lost (false). Sub-documents are replaced whole (`set`), never merged
 * field by field.
 */
export async function saveVersioned<T extends { _id: string }>(db: Database, collection: string, doc: T, expectedVersion: number): Promise<boolean> {
  const { _id, ...body } = doc;
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    changes[k] = v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? db.command.set(v) : v;
  }
  const res = await db.collection(collection).where({ _id, version: expectedVersion }).update(changes);
  return res.updated === 1;
}
