/**
 * Counts the documents nedb examines (its candidates: what an index handed it, or the whole
 * collection) under every query of the database emulator, bench only. A query served by an index
 * whose leading fields match examines about as many documents as it returns; one that falls back
 * to a scan examines the whole collection, which at a million documents is what makes it slow.
 */
import Datastore from '@seald-io/nedb';

export interface ExaminedCounter {
  /** Documents examined since the last `take()`, and the queries that examined them. */
  take(): { queries: number; examined: number; largest: number };
  stop(): void;
}

type Candidates = (this: Datastore, query: unknown, dontExpire?: boolean) => Promise<unknown[]>;

export function countExaminedDocuments(): ExaminedCounter {
  const proto = Datastore.prototype as unknown as { _getCandidatesAsync: Candidates };
  const original = proto._getCandidatesAsync;
  let queries = 0;
  let examined = 0;
  let largest = 0;
  proto._getCandidatesAsync = async function (this: Datastore, query: unknown, dontExpire?: boolean) {
    const docs = await original.call(this, query, dontExpire);
    queries++;
    examined += docs.length;
    largest = Math.max(largest, docs.length);
    return docs;
  };
  return {
    take() {
      const out = { queries, examined, largest };
      queries = examined = largest = 0;
      return out;
    },
    stop() {
      proto._getCandidatesAsync = original;
    },
  };
}
