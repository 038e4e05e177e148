/**
 * The database actions of @cloudbase/node-sdk 3.18.3 (through @cloudbase/database 1.4.3).
 *
 * Every request is `POST <serviceUrl>?env=<env>&seqId=<id>` with a JSON body
 * `{ action, collectionName, …action fields, envName, wxCloudApiToken, … }` and a TC3 signature
 * in `Authorization` (accepted without verification here). Response bodies are
 * `{ requestId, data: {…} }`, except `startTransaction` which answers `{ requestId, transactionId }`
 * at the top level; an error is `{ requestId, code, message }` (see errors.ts).
 *
 * | action                      | SDK call                                   | data in the response        |
 * |-----------------------------|--------------------------------------------|-----------------------------|
 * | database.getDocument        | where().get(), doc().get()                 | { list: [EJSON string] }    |
 * | database.calculateDocument  | count()                                    | { total }                   |
 * | database.insertDocument     | add(), transaction add()                   | { insertedIds: [id] }       |
 * | database.modifyDocument     | doc().set/update(), where().update()       | { updated, upsert_id }      |
 * | database.modifyAndReturnDoc | where().updateAndReturn()                  | { updated, doc: EJSON|null }|
 * | database.removeDocument     | doc().remove(), where().remove()           | { deleted }                 |
 * | database.aggregateDocuments | aggregate()….end() (aggregate.ts)          | { list: [EJSON string] }    |
 * | database.addCollection      | db.createCollection()                      | {}                          |
 * | database.start/commit/abortTransaction | transactions                    | (transactionId) / {}        |
 */
import { aggregate, parseStages } from './aggregate';
import type { DirectOps, ReadSpec } from './direct';
import { parseEjson, stringifyEjson } from './ejson';
import { invalidParam } from './errors';
import { isPlainObject } from './nedbModel';
import { translateQuery } from './query';
import { effectiveLimit, parseOrder } from './results';
import type { Store } from './store';
import type { Transactions } from './transactions';
import type { TxOps } from './txOps';
import type { ModifySpec } from './writes';

/** The request body fields the database actions use. */
export interface DbRequest {
  action?: unknown;
  collectionName?: unknown;
  query?: unknown;
  queryType?: unknown;
  data?: unknown;
  multi?: unknown;
  merge?: unknown;
  upsert?: unknown;
  order?: unknown;
  offset?: unknown;
  limit?: unknown;
  projection?: unknown;
  transactionId?: unknown;
  stages?: unknown;
}

/** What goes next to `requestId` in a successful response. */
export type ActionResult = { data: Record<string, unknown> } | { transactionId: string } | Record<string, never>;

export interface Engine {
  store: Store;
  direct: DirectOps;
  txs: Transactions;
  txOps: TxOps;
  /** Server clock (resolves `db.serverDate()`). */
  now: () => number;
}

function collectionOf(body: DbRequest): string {
  if (typeof body.collectionName !== 'string' || body.collectionName === '') {
    throw invalidParam('collectionName is required');
  }
  return body.collectionName;
}

function txIdOf(body: DbRequest): string | undefined {
  return typeof body.transactionId === 'string' && body.transactionId !== '' ? body.transactionId : undefined;
}

function requiredTxId(body: DbRequest): string {
  const id = txIdOf(body);
  if (!id) throw invalidParam('transactionId is required');
  return id;
}

function readSpec(body: DbRequest, query: unknown): ReadSpec {
  return {
    nedbQuery: translateQuery(query),
    order: parseOrder(parseEjson(body.order, 'order')),
    offset: body.offset,
    limit: effectiveLimit(body.limit),
    projection: parseEjson(body.projection, 'projection'),
  };
}

function modifySpec(body: DbRequest, query: unknown, single: boolean, now: () => number): ModifySpec {
  const update = parseEjson(body.data, 'data', now);
  if (!isPlainObject(update)) throw invalidParam('data must be an object');
  return {
    query,
    nedbQuery: translateQuery(query),
    update,
    replace: body.merge === false,
    multi: !single && body.multi === true,
    upsert: !single && body.upsert === true,
  };
}

/** `data` of an insert: an array of EJSON strings (one per document) or a single one. */
function insertData(body: DbRequest, now: () => number): unknown[] {
  const raw = Array.isArray(body.data) ? body.data : [body.data];
  if (raw.length === 0) throw invalidParam('data must not be empty');
  return raw.map((item) => parseEjson(item, 'data', now));
}

export async function runAction(engine: Engine, body: DbRequest): Promise<ActionResult> {
  const { store, direct, txs, txOps, now } = engine;
  const txId = txIdOf(body);
  switch (body.action) {
    case 'database.getDocument': {
      const collection = collectionOf(body);
      const query = parseEjson(body.query, 'query', now);
      const spec = readSpec(body, query);
      const docs = txId ? await txOps.get(txId, collection, query, spec) : await direct.get(collection, spec);
      return { data: { list: docs.map(stringifyEjson) } };
    }
    case 'database.calculateDocument': {
      const collection = collectionOf(body);
      const query = parseEjson(body.query, 'query', now);
      const nedbQuery = translateQuery(query);
      const total = txId ? await txOps.count(txId, collection, query, nedbQuery) : await direct.count(collection, nedbQuery);
      return { data: { total } };
    }
    case 'database.insertDocument': {
      const collection = collectionOf(body);
      const data = insertData(body, now);
      const ids = txId ? await txOps.insert(txId, collection, data) : await direct.insert(collection, data);
      return { data: { insertedIds: ids } };
    }
    case 'database.modifyDocument': {
      const collection = collectionOf(body);
      const spec = modifySpec(body, parseEjson(body.query, 'query', now), false, now);
      const result = txId ? await txOps.modify(txId, collection, spec) : await direct.modify(collection, spec);
      return { data: { updated: result.updated, upsert_id: result.upsertedId, matched: result.matched } };
    }
    case 'database.modifyAndReturnDoc': {
      // findOneAndUpdate: one document, the new version returned.
      const collection = collectionOf(body);
      const spec = modifySpec(body, parseEjson(body.query, 'query', now), true, now);
      const result = txId ? await txOps.modify(txId, collection, spec) : await direct.modify(collection, spec);
      return { data: { updated: result.updated, doc: result.doc ? stringifyEjson(result.doc) : null } };
    }
    case 'database.removeDocument': {
      const collection = collectionOf(body);
      const query = parseEjson(body.query, 'query', now);
      const nedbQuery = translateQuery(query);
      const multi = body.multi === true;
      const deleted = txId ? await txOps.remove(txId, collection, query, nedbQuery, multi) : await direct.remove(collection, nedbQuery, multi);
      return { data: { deleted } };
    }
    case 'database.aggregateDocuments': {
      const collection = collectionOf(body);
      const docs = await aggregate(store, collection, parseStages(body.stages, now));
      return { data: { list: docs.map(stringifyEjson) } };
    }
    case 'database.addCollection':
      await store.createCollection(collectionOf(body));
      return { data: {} };
    case 'database.startTransaction':
      return { transactionId: txs.start() };
    case 'database.commitTransaction':
      await txs.commit(requiredTxId(body));
      return {};
    case 'database.abortTransaction':
      txs.abort(requiredTxId(body));
      return {};
    default:
      throw invalidParam(`action ${String(body.action)} is not supported by the local database emulator`);
  }
}
