/**
 * The local cloud's database emulator: answers @cloudbase/node-sdk's own database wire protocol
 * (actions.ts) and stores through @seald-io/nedb, so production code runs unchanged against it.
 *
 * Point the SDK at it with `init({ env, serviceUrl: 'http://127.0.0.1:<port>/admin' })` or the
 * environment `TCB_CONTEXT_CNFG='{"URL":"http://127.0.0.1:<port>/admin"}'`, and give it dummy
 * `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY` (the SDK refuses to sign without them).
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { CollectionDeclaration } from '../../config/collections';
import type { Engine } from './actions';
import { DirectOps } from './direct';
import { createHandler, type HandlerState, type OtherActions } from './httpHandler';
import { KeyedLocks } from './locks';
import { Mvcc } from './mvcc';
import { Store } from './store';
import { Transactions } from './transactions';
import { TxOps } from './txOps';

export interface DatabaseEmulatorOptions {
  /** Directory of the nedb data files (one `<collection>.db` each); undefined → in memory. */
  dataDir?: string;
  /** Collections and their indexes (unique ones enforced), normally config/collections.ts. */
  collections: CollectionDeclaration[];
  /** Clock for `db.serverDate()` and transaction expiry (tests); defaults to Date.now. */
  now?: () => number;
  /** Non-database actions the same endpoint answers (the local cloud's 云调用). */
  otherActions?: OtherActions;
}

export interface DatabaseEmulator {
  /** Node http request handler for the SDK's requests (mount at POST /admin, query string is env=..&seqId=..). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /**
   * The emulator's own plain (non-transactional) operations, called in this process without HTTP,
   * EJSON or the SDK: the same code path, collection locks and version history a wire request
   * reaches after decoding. For benchmarks (the store-level floor of `npm run bench`) and
   * diagnostics; production code never sees it (it talks the wire protocol through the SDK).
   */
  readonly direct: DirectOps;
  /** Remove every document of every collection (tests). */
  reset(): Promise<void>;
  /**
   * Resolves once no request is being served (tests): a write whose caller gave up waiting (an SDK
   * timeout on a busy machine) is still applied when its turn comes, and must not land in the next
   * test's data.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** The env id used in messages (MongoDB names the database in duplicate-key errors). */
const ENV_LABEL = 'local';

export async function createDatabaseEmulator(opts: DatabaseEmulatorOptions): Promise<DatabaseEmulator> {
  const store = await Store.open(opts.collections, opts.dataDir, ENV_LABEL);
  const mvcc = new Mvcc();
  const locks = new KeyedLocks();
  const txs = new Transactions(store, mvcc, locks, opts.now);
  const engine: Engine = {
    store,
    direct: new DirectOps(store, mvcc, locks),
    txs,
    txOps: new TxOps(store, mvcc, locks, txs),
    now: opts.now ?? Date.now,
  };
  const state: HandlerState = { engine, otherActions: opts.otherActions, closed: false, inFlight: new Set() };
  let closing: Promise<void> | undefined;

  return {
    handle: createHandler(state),
    direct: engine.direct,

    async reset(): Promise<void> {
      await locks.with(store.names(), async () => {
        txs.clear();
        mvcc.clear();
        await store.clear();
      });
    },

    async settled(): Promise<void> {
      // Requests still arriving on open sockets start in a later turn: look again after one.
      for (;;) {
        await Promise.allSettled([...state.inFlight]);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (state.inFlight.size === 0) return;
      }
    },

    close(): Promise<void> {
      closing ??= (async () => {
        state.closed = true;
        await Promise.allSettled([...state.inFlight]);
        await locks.with(store.names(), () => store.close());
      })();
      return closing;
    },
  };
}
