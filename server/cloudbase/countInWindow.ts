import type { Database } from './app';
import { getDoc, isDuplicateKey } from './documents';

/**
 * Counts one more lookup of `key` in the window starting at `windowStart` and returns the count so
 * far: one document per key and window in `collection`, counted up by an atomic increment (created
 * on its first lookup; a racing creator is counted by the increment instead). For rate limits.
 */
export async function countInWindow(db: Database, collection: string, key: string, windowStart: Date): Promise<number> {
  const id = `${key}:${windowStart.getTime()}`;
  const res = await db
    .collection(collection)
    .where({ _id: id })
    .update({ count: db.command.inc(1) });
  if (res.updated === 1) return (await getDoc<{ count: number }>(db, collection, id))?.count ?? 1;
  try {
    await db.collection(collection).add({ _id: id, count: 1, windowStart });
    return 1;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    return countInWindow(db, collection, key, windowStart);
  }
}
