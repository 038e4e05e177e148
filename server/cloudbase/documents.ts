import type { Database } from './app';

/** Small helpers over the SDK's document API: one place that knows its result shapes. */

export async function getDoc<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  const list = (res.data ?? []) as T[];
  return list[0] ?? null;
}

/** Replaces (or creates) a document by id. */
export async function putDoc<T extends { _id: string }>(db: Database, collection: string, doc: T): Promise<void> {
  const { _id, ...body } = doc;
  await db.collection(collection).doc(_id).set(body);
}

/** True for the error CloudBase returns when a unique index (or _id) is already taken. */
export function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | undefined;
  return err?.code === 'DATABASE_DUPLICATE_WRITE' || /E11000|duplicate key/i.test(err?.message ?? '');
}
