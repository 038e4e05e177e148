import { randomBytes } from 'node:crypto';
import type { FunctionResponse } from '../../core/function/envelope';
import type { RequestBinding, RequestLog, RequestState } from '../../core/function/oncePerRequest';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { IDEMPOTENCY_WINDOW_MS, requestExpiresAt, type ExpiringRequests } from '../../core/function/requestExpiry';

interface StoredRequest {
  state: 'pending' | 'done';
  /** The attempt that holds a pending request (absent on records older than attempts). */
  attempt?: string;
  /** Absent on records written before requests were bound to what they promised. */
  fn?: string;
  action?: string;
  fingerprint?: string;
  response?: FunctionResponse<unknown>;
  createdAt: Date;
  /** When the record may be purged: the idempotency window after it was written (absent on older records). */
  expiresAt?: Date;
}

/**
 * How long a request stays 'pending' before a repeat may take it over: longer than any function
 * may run (config/functions.ts: 60 s at most), so the first call has surely ended by then.
 */
export const PENDING_LEASE_MS = 2 * 60_000;

const sameBinding = (stored: StoredRequest, binding: RequestBinding): boolean =>
  stored.fn === binding.fn && stored.action === binding.action && stored.fingerprint === binding.fingerprint;

/**
 * The first result of each repeatable write of one function, one document per `openid:requestId`
 * (the unique `_id` makes two concurrent first calls one), with what the id was first used for.
 *
 * A 'pending' record older than the lease belongs to a call that ended without finishing it: its
 * answer was lost after the record was written, or the instance died. The same request may then
 * take it over (a compare-and-set on its start, so only one repeat does) and run again; every
 * repeatable write resumes under ids that follow from the request, so running again is safe.
 * Without this, one lost answer of the first write left the request id refused for good.
 *
 * Each attempt marks the record with its own nonce, so an add that the SDK repeated, or that timed
 * out after it was applied, is known as this attempt's own and not taken for a concurrent one.
 */
export class CloudbaseRequestLog implements RequestLog, ExpiringRequests {
  constructor(
    private readonly db: Database,
    private readonly collection: string,
    private readonly now: () => Date,
    private readonly leaseMs: number = PENDING_LEASE_MS,
  ) {}

  async beginRequest(key: string, binding: RequestBinding): Promise<RequestState> {
    const attempt = randomBytes(9).toString('base64url');
    try {
      const createdAt = this.now();
      await this.db.collection(this.collection).add({ _id: key, state: 'pending', attempt, ...binding, createdAt, expiresAt: requestExpiresAt(createdAt) });
      return { state: 'new' };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const existing = await getDoc<StoredRequest>(this.db, this.collection, key);
    const first = existing?.fn !== undefined ? { fn: existing.fn, action: existing.action ?? '', fingerprint: existing.fingerprint ?? '' } : undefined;
    if (existing?.state === 'done' && existing.response) return { state: 'done', binding: first, response: existing.response };
    if (existing?.state === 'pending' && existing.attempt === attempt) return { state: 'new' };
    if (existing && (await this.takeOver(key, existing, binding, attempt))) return { state: 'new' };
    return { state: 'pending', binding: first };
  }

  private async takeOver(key: string, stored: StoredRequest, binding: RequestBinding, attempt: string): Promise<boolean> {
    const started = new Date(stored.createdAt);
    if (stored.state !== 'pending' || !sameBinding(stored, binding) || this.now().getTime() - started.getTime() < this.leaseMs) return false;
    const res = await this.db
      .collection(this.collection)
      .where({ _id: key, state: 'pending', createdAt: started })
      .update({ attempt, createdAt: this.now(), expiresAt: requestExpiresAt(this.now()) });
    return res.updated === 1;
  }

  /** One insert of a finished record; an existing record is read and handled as `beginRequest` does. */
  async recordAnswer(key: string, binding: RequestBinding, response: FunctionResponse<unknown>): Promise<RequestState> {
    try {
      const createdAt = this.now();
      await this.db
        .collection(this.collection)
        .add({ _id: key, state: 'done', attempt: randomBytes(9).toString('base64url'), ...binding, response, createdAt, expiresAt: requestExpiresAt(createdAt) });
      return { state: 'new' };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    // Recorded before (by another attempt, or by this insert applied before its answer was lost).
    const state = await this.beginRequest(key, binding);
    if (state.state === 'new') await this.finishRequest(key, response);
    return state;
  }

  async finishRequest(key: string, response: FunctionResponse<unknown>): Promise<void> {
    await this.db
      .collection(this.collection)
      .doc(key)
      .update({ state: 'done', response: this.db.command.set(response) });
  }

  /**
   * Removes records past the idempotency window, oldest first, in one bounded batch: those with an
   * expiry before `now`, then older ones written before records had one (by their start).
   */
  async removeExpired(now: Date, limit: number): Promise<number> {
    const _ = this.db.command;
    const collection = this.db.collection(this.collection);
    const expired = await collection
      .where({ expiresAt: _.lt(now) })
      .orderBy('expiresAt', 'asc')
      .limit(limit)
      .field({ _id: true })
      .get();
    const ids = ((expired.data ?? []) as { _id: string }[]).map((d) => d._id);
    if (ids.length < limit) {
      const legacy = await collection
        .where({ expiresAt: _.exists(false), createdAt: _.lt(new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)) })
        .limit(limit - ids.length)
        .field({ _id: true })
        .get();
      ids.push(...((legacy.data ?? []) as { _id: string }[]).map((d) => d._id));
    }
    if (ids.length === 0) return 0;
    // Only the records still expired: a take-over since the read moved their expiry on.
    const res = await collection.where({ _id: _.in(ids), createdAt: _.lt(new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)) }).remove();
    return res.deleted ?? 0;
  }

  async abandonRequest(key: string): Promise<void> {
    await this.db.collection(this.collection).doc(key).remove();
  }
}
