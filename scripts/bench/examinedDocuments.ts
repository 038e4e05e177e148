/**
 * Counts the documents nedb examines (its candidates: what an index handed it, or the whole
 * collection) under every query of the database emulator, bench only. A query served by an index
 * whose leading fields match examines about as many documents as it returns; one that falls back
 * to a scan examines the whole collection, which at a million documents is what makes it slow.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import Datastore from '@seald-io/nedb';
import { Store } from '../../devcloud/db/store';

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
  // Queries the emulator answers from the leading fields of a compound index (devcloud/db/prefixIndex.ts) bypass nedb's candidates.
  const store = Store as unknown as { matching: (collection: unknown, ids: readonly unknown[], query: unknown) => unknown[] };
  const matching = store.matching;
  store.matching = (collection, ids, query) => {
    queries++;
    examined += ids.length;
    largest = Math.max(largest, ids.length);
    return matching.call(Store, collection, ids, query);
  };
  return {
    take() {
      const out = { queries, examined, largest };
      queries = examined = largest = 0;
      return out;
    },
    stop() {
      proto._getCandidatesAsync = original;
      store.matching = matching;
    },
  };
}

/**
 * Garbage-collection pauses of this process (the bench, the functions, the SDK and the emulator
 * share it): with a million documents on the heap, a full collection is long whatever the query.
 */
export function watchGarbageCollection(): { take(): { totalMs: number; longestMs: number }; stop(): void } {
  let totalMs = 0;
  let longestMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      totalMs += entry.duration;
      longestMs = Math.max(longestMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    take() {
      const out = { totalMs, longestMs };
      totalMs = longestMs = 0;
      return out;
    },
    stop: () => observer.disconnect(),
  };
}
