/**
 * The local cloud's database emulator: answers @cloudbase/node-sdk's own database wire protocol
 * (actions.ts) and stores through @seald-io/nedb, so production code runs unchanged against it.
 *
 * Point the SDK at it with `init({ env, serviceUrl: 'http://127.0.0.1:<port>/admin' })` or the
 * environment `TCB_CONTEXT_CNFG='{"URL":"http://127.0.0.1:<port>/admin"}'`, and give it dummy
 * `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY` (the SDK refuses to sign without them).
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { CollectionDeclaration, IndexDeclaration, SecurityRules } from '../../config/collections';
import type { Engine } from './actions';
import { DirectOps } from './direct';
import { createHandler, type HandlerState, type OtherActions } from './httpHandler';
import { KeyedLocks } from './locks';
import { Mvcc } from './mvcc';
import { Store, type CollectionInfo } from './store';

export type { CollectionInfo } from './store';
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

/**
 * The database administration a CloudBase environment offers through its management API (and the
 * ops bootstrap uses through @cloudbase/manager-node), for the emulator: what scripts/db/ adapts to
 * its DatabaseAdmin port, so the bootstrap can make an empty local cloud match the declaration.
 */
export interface EmulatorAdmin {
  listCollections(): string[];
  describeCollection(name: string): CollectionInfo;
  /** Creates it unless it exists. */
  createCollection(name: string): Promise<void>;
  createIndexes(collection: string, indexes: readonly IndexDeclaration[]): Promise<void>;
  dropIndexes(collection: string, names: readonly string[]): Promise<void>;
  setRules(collection: string, rules: SecurityRules): Promise<void>;
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
  /** Collections, indexes and rules, as the management API changes them (the ops bootstrap). */
  readonly admin: EmulatorAdmin;
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
    admin: {
      listCollections: () => store.names(),
      describeCollection: (name) => store.describe(name),
      // A new collection is not locked by anyone yet; an existing one is left alone.
      createCollection: (name) => store.ensureCollection(name),
      createIndexes: (collection, indexes) => locks.with([collection], () => store.createIndexes(collection, indexes)),
      dropIndexes: (collection, names) => locks.with([collection], () => store.dropIndexes(collection, names)),
      setRules: async (collection, rules) => store.setRules(collection, rules),
    },

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
