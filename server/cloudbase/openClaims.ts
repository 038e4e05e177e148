import type { Database } from './app';
import { getDoc, isDuplicateKey } from './documents';

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(typeof v === 'object' && v && '$date' in v ? (v as { $date: string | number }).$date : (v as string)));

/**
 * The claim that keeps one open application per key (a person, or a person and a business): a
 * document with the deterministic id `open:<key>`, so the database itself refuses a second claim.
 * Taken, or who holds it (and since when, where the claim says).
 */
export async function claimOpen(
  db: Database,
  collection: string,
  key: string,
  applicationId: string,
  at: Date,
): Promise<{ taken: true } | { taken: false; holder: string; since?: Date }> {
  try {
    await db.collection(collection).add({ _id: `open:${key}`, applicationId, at });
    return { taken: true };
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const held = await getDoc<{ applicationId: string; at?: unknown }>(db, collection, `open:${key}`);
    if (!held) return { taken: false, holder: '' };
    return { taken: false, holder: held.applicationId, ...(held.at ? { since: asDate(held.at) } : {}) };
  }
}

/** Releases the claim if `applicationId` still holds it (releasing twice is harmless). */
export async function releaseOpen(db: Database, collection: string, key: string, applicationId: string): Promise<void> {
  await db
    .collection(collection)
    .where({ _id: `open:${key}`, applicationId })
    .remove();
}
