/**
 * Transactions: `db.startTransaction()` / `db.runTransaction()` (actions
 * `database.startTransaction`, `database.commitTransaction`, `database.abortTransaction`; the
 * operations in between carry `transactionId`).
 *
 * Semantics mirrored from CloudBase (MongoDB underneath):
 * - snapshot isolation: reads see the database as of the start plus the transaction's own writes;
 * - writes are buffered and become visible to others only at commit, all at once;
 * - a write-write conflict fails with DATABASE_TRANSACTION_CONFLICT, the one code the SDK's
 *   `runTransaction` retries on (database/transaction/index.ts: up to 3 retries, each a new
 *   transaction). As in MongoDB the conflict is raised by the *write* when another open transaction
 *   already wrote the document or it changed since the snapshot, and the transaction is aborted.
 *   A plain (non-transactional) write to a document an open transaction wrote is not blocked here
 *   (MongoDB would make it wait); instead that transaction fails the check at commit, under the
 *   collection locks, with the same conflict code, so the invariant "first committer wins" holds;
 * - a transaction lives at most 30 seconds; after that it is aborted and its id is refused.
 */
import { randomBytes } from 'crypto';
import { DbError, transactionConflict, transactionFail } from './errors';
import type { KeyedLocks } from './locks';
import { docKey, type Mvcc } from './mvcc';
import type { Doc, DocId } from './nedbModel';
import type { Store } from './store';

export const TRANSACTION_TTL_MS = 30_000;
/** Finished transactions remembered for clear error messages (bounded). */
const REMEMBERED = 1000;

export interface TxWrite {
  collection: string;
  id: DocId;
  /** New content; `null` when the transaction deletes the document. */
  doc: Doc | null;
}

export interface Transaction {
  id: string;
  snapshotSeq: number;
  startedAt: number;
  state: 'active' | 'committing' | 'committed' | 'aborted';
  abortReason?: DbError;
  /** Buffered writes by document key, in first-write order. */
  writes: Map<string, TxWrite>;
  /** Keys of the documents this transaction claimed for writing. */
  claimed: Set<string>;
}

export class Transactions {
  private readonly txs = new Map<string, Transaction>();
  /** Document key → id of the open transaction that wrote it. */
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly mvcc: Mvcc,
    private readonly locks: KeyedLocks,
    private readonly now: () => number = Date.now,
  ) {}

  start(): string {
    const id = randomBytes(16).toString('hex');
    const snapshotSeq = this.mvcc.openSnapshot(id);
    this.txs.set(id, { id, snapshotSeq, startedAt: this.now(), state: 'active', writes: new Map(), claimed: new Set() });
    this.forgetOldTransactions();
    return id;
  }

  /** The open transaction `id`, or the error an operation on it must fail with. */
  active(id: string): Transaction {
    const tx = this.txs.get(id);
    if (!tx) throw transactionFail(`transaction ${id} does not exist`);
    this.expireIfStale(tx);
    if (tx.state === 'committed') throw transactionFail(`transaction ${id} is already committed`);
    if (tx.state === 'committing') throw transactionFail(`transaction ${id} is being committed`);
    if (tx.state === 'aborted') {
      // After a conflict the transaction stays failed with the retryable code, as MongoDB's
      // TransientTransactionError does, so a later commit still makes runTransaction retry.
      if (tx.abortReason?.code === 'DATABASE_TRANSACTION_CONFLICT') throw tx.abortReason;
      throw transactionFail(`transaction ${id} was aborted${tx.abortReason ? `: ${tx.abortReason.message}` : ''}`);
    }
    return tx;
  }

  /**
   * Claims a document for a transactional write; throws (and aborts the transaction) on a
   * write-write conflict. Caller holds the collection lock.
   */
  claim(tx: Transaction, collection: string, id: DocId): void {
    const key = docKey(collection, id);
    const ownerId = this.owners.get(key);
    if (ownerId && ownerId !== tx.id) {
      const owner = this.txs.get(ownerId);
      if (owner) this.expireIfStale(owner);
      if (owner && (owner.state === 'active' || owner.state === 'committing')) {
        throw this.fail(tx, transactionConflict(`document ${String(id)} of ${collection} is being written by another transaction`));
      }
      this.owners.delete(key);
    }
    if (this.mvcc.versionOf(collection, id) > tx.snapshotSeq) {
      throw this.fail(tx, transactionConflict(`document ${String(id)} of ${collection} changed after the transaction started`));
    }
    this.owners.set(key, tx.id);
    tx.claimed.add(key);
  }

  /** Aborts `tx` with `reason` and returns the reason (for `throw`). */
  fail(tx: Transaction, reason: DbError): DbError {
    if (tx.state === 'active' || tx.state === 'committing') this.finish(tx, 'aborted', reason);
    return reason;
  }

  async commit(id: string): Promise<void> {
    const tx = this.active(id);
    const collections = new Set([...tx.writes.values()].map((w) => w.collection));
    await this.locks.with(collections, async () => {
      this.active(id); // it may have expired or been aborted while waiting for the locks
      tx.state = 'committing'; // from here on neither abort nor expiry can interleave
      const writes = [...tx.writes.values()];
      if (writes.some((w) => !collections.has(w.collection))) {
        throw this.fail(tx, transactionFail(`transaction ${id} was still writing while it was committed`));
      }
      for (const write of writes) {
        if (this.mvcc.versionOf(write.collection, write.id) > tx.snapshotSeq) {
          throw this.fail(tx, transactionConflict(`document ${String(write.id)} of ${write.collection} was changed by another write`));
        }
      }
      const applied: Array<{ write: TxWrite; before: Doc | null }> = [];
      try {
        for (const write of writes) {
          const before = await this.store.getById(write.collection, write.id);
          if (write.doc === null) {
            if (before) await this.store.remove(write.collection, write.id);
          } else if (before) {
            await this.store.replace(write.collection, write.doc);
          } else {
            await this.store.insert(write.collection, write.doc);
          }
          applied.push({ write, before });
        }
      } catch (err) {
        await this.undo(applied);
        throw this.fail(tx, err instanceof DbError ? err : transactionFail(String(err)));
      }
      const seq = this.mvcc.nextSeq();
      for (const { write, before } of applied) this.mvcc.recordChange(write.collection, write.id, seq, before);
      this.finish(tx, 'committed');
    });
  }

  /** Abort is idempotent for a transaction that already failed (the SDK may roll back after a conflict). */
  abort(id: string): void {
    const tx = this.txs.get(id);
    if (!tx) throw transactionFail(`transaction ${id} does not exist`);
    if (tx.state === 'committed') throw transactionFail(`transaction ${id} is already committed`);
    if (tx.state === 'committing') throw transactionFail(`transaction ${id} is being committed`);
    if (tx.state === 'active') this.finish(tx, 'aborted');
  }

  /** Forgets every transaction (emulator reset). */
  clear(): void {
    this.txs.clear();
    this.owners.clear();
  }

  private async undo(applied: Array<{ write: TxWrite; before: Doc | null }>): Promise<void> {
    for (const { write, before } of [...applied].reverse()) {
      if (before === null) await this.store.remove(write.collection, write.id);
      else if (write.doc === null) await this.store.insert(write.collection, before);
      else await this.store.replace(write.collection, before);
    }
  }

  private expireIfStale(tx: Transaction): void {
    if (tx.state === 'active' && this.now() - tx.startedAt > TRANSACTION_TTL_MS) {
      this.finish(tx, 'aborted', transactionFail(`transaction ${tx.id} expired after ${TRANSACTION_TTL_MS / 1000} s`));
    }
  }

  private finish(tx: Transaction, state: 'committed' | 'aborted', reason?: DbError): void {
    tx.state = state;
    tx.abortReason = reason;
    for (const key of tx.claimed) {
      if (this.owners.get(key) === tx.id) this.owners.delete(key);
    }
    tx.claimed.clear();
    tx.writes.clear();
    this.mvcc.closeSnapshot(tx.id);
  }

  private forgetOldTransactions(): void {
    for (const tx of this.txs.values()) this.expireIfStale(tx);
    if (this.txs.size <= REMEMBERED) return;
    for (const [id, tx] of this.txs) {
      if (this.txs.size <= REMEMBERED) break;
      if (tx.state === 'committed' || tx.state === 'aborted') this.txs.delete(id);
    }
  }
}
