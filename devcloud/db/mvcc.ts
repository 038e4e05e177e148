/**
 * Per-document versions and before-images: what transactions need for snapshot isolation.
 *
 * Every committed write (plain or transactional) takes the next sequence number. While at least
 * one transaction is open, the emulator remembers for each changed document the sequence of its
 * last change (its version) and its content before each change. A transaction that started at
 * sequence S then
 * - reads a document as it was at S (the before-image of the first change after S, if any);
 * - conflicts when it writes a document whose version is newer than S (first committer wins).
 * When no transaction is open nothing is remembered, so plain traffic costs nothing.
 * Callers hold the collection lock while they write and record, and while they read snapshots.
 */
import { deepCopy, type Doc, type DocId } from './nedbModel';

interface Change {
  seq: number;
  before: Doc | null;
}

export function docKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${String(id)}`;
}

export class Mvcc {
  private seq = 0;
  private readonly versions = new Map<string, number>();
  private readonly history = new Map<string, { collection: string; changes: Change[] }>();
  /** Snapshot sequence of every open transaction. */
  private readonly snapshots = new Map<string, number>();

  get currentSeq(): number {
    return this.seq;
  }

  /** Registers an open transaction; returns its snapshot sequence. */
  openSnapshot(txId: string): number {
    this.snapshots.set(txId, this.seq);
    return this.seq;
  }

  closeSnapshot(txId: string): void {
    this.snapshots.delete(txId);
    this.collectGarbage();
  }

  /** Takes the sequence number for one commit (a plain write or a whole transaction). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Records that `id` changed at `seq`; `before` is its content before (null: did not exist). */
  recordChange(collection: string, id: DocId, seq: number, before: Doc | null): void {
    if (this.snapshots.size === 0) return;
    const key = docKey(collection, id);
    this.versions.set(key, seq);
    const entry = this.history.get(key) ?? { collection, changes: [] };
    entry.changes.push({ seq, before: before && deepCopy(before) });
    this.history.set(key, entry);
  }

  /** Sequence of the last change of a document seen while transactions were open (0: none). */
  versionOf(collection: string, id: DocId): number {
    return this.versions.get(docKey(collection, id)) ?? 0;
  }

  /** The document as it was at `snapshotSeq`, given its current committed content. */
  snapshotOf(collection: string, id: DocId, current: Doc | null, snapshotSeq: number): Doc | null {
    const entry = this.history.get(docKey(collection, id));
    const first = entry?.changes.find((c) => c.seq > snapshotSeq);
    if (!first) return current;
    return first.before && deepCopy(first.before);
  }

  /** The whole collection as it was at `snapshotSeq`, given its current committed documents. */
  snapshotCollection(collection: string, current: Doc[], snapshotSeq: number): Doc[] {
    const byKey = new Map<string, Doc>();
    for (const doc of current) byKey.set(docKey(collection, doc._id), doc);
    for (const [key, entry] of this.history) {
      if (entry.collection !== collection) continue;
      const first = entry.changes.find((c) => c.seq > snapshotSeq);
      if (!first) continue;
      if (first.before) byKey.set(key, deepCopy(first.before));
      else byKey.delete(key);
    }
    return [...byKey.values()];
  }

  /** Drops what no open transaction can still need. */
  private collectGarbage(): void {
    if (this.snapshots.size === 0) {
      this.versions.clear();
      this.history.clear();
      return;
    }
    const oldest = Math.min(...this.snapshots.values());
    for (const [key, entry] of this.history) {
      entry.changes = entry.changes.filter((c) => c.seq > oldest);
      if (entry.changes.length === 0) {
        this.history.delete(key);
        this.versions.delete(key);
      }
    }
  }

  /** Forgets everything (emulator reset). */
  clear(): void {
    this.snapshots.clear();
    this.versions.clear();
    this.history.clear();
  }
}
