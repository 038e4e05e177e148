/**
 * Errors the emulator answers with, using the codes CloudBase's database service returns.
 *
 * On the wire an error is an HTTP 200 whose JSON body carries `code` and `message`
 * (plus `requestId`); @cloudbase/node-sdk turns any body with a truthy `code` into a thrown
 * `TcbError { code, message, requestId }` (utils/tcbapirequester.ts → processReturn). A non-200
 * status would instead surface as a numeric code with a generic message, so the emulator never
 * uses HTTP status codes for business errors.
 */

export type DbErrorCode =
  /** Bad request parameters: malformed EJSON, unsupported operator, mixed projection, … */
  | 'INVALID_PARAM'
  /** The collection was never created. CloudBase does not auto-create collections on write. */
  | 'DATABASE_COLLECTION_NOT_EXIST'
  /** `createCollection` for a name that already exists. */
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  /** A write violated a unique index (including `_id`). */
  | 'DATABASE_DUPLICATE_WRITE'
  /** Write-write conflict between transactions; runTransaction retries on exactly this code. */
  | 'DATABASE_TRANSACTION_CONFLICT'
  /** Unknown, expired or already finished transaction. */
  | 'DATABASE_TRANSACTION_FAIL'
  /** Anything else that went wrong while executing the request. */
  | 'DATABASE_REQUEST_FAILED';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export function invalidParam(message: string): DbError {
  return new DbError('INVALID_PARAM', message);
}

/** CloudBase answers `[ResourceNotFound] Db or Table not exist` for an unknown collection. */
export function collectionNotExist(name: string): DbError {
  return new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: collection "${name}" does not exist. Create it first.`);
}

export function collectionAlreadyExist(name: string): DbError {
  return new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection "${name}" already exists`);
}

/**
 * Duplicate key. The code is CloudBase's `DATABASE_DUPLICATE_WRITE`; the message follows
 * MongoDB's `E11000 duplicate key error …` text so callers matching either marker detect it.
 */
export function duplicateKey(env: string, collection: string, indexName: string, key: Record<string, unknown>): DbError {
  const shown = Object.entries(key)
    .map(([field, value]) => `${field}: ${value === undefined ? 'null' : JSON.stringify(value)}`)
    .join(', ');
  return new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${env}.${collection} index: ${indexName} dup key: { ${shown} }`);
}

export function transactionConflict(detail: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${detail}`);
}

export function transactionFail(detail: string): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', `database transaction failed: ${detail}`);
}

export function requestFailed(detail: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', `database request failed: ${detail}`);
}

/** Any thrown value as a DbError (unexpected ones become DATABASE_REQUEST_FAILED). */
export function toDbError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return requestFailed(message);
}
