import type { FunctionResponse } from '../../core/function/envelope';
import type { RequestBinding, RequestLog, RequestState } from '../../core/function/idempotent';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';

interface StoredRequest {
  state: 'pending' | 'done';
  /** Absent on records written before requests were bound to what they promised. */
  fn?: string;
  action?: string;
  fingerprint?: string;
  response?: FunctionResponse<unknown>;
  createdAt: Date;
}

/**
 * The first result of each repeatable write of one function, one document per `openid:requestId`
 * (the unique `_id` makes two concurrent first calls one), with what the id was first used for.
 */
export class CloudbaseRequestLog implements RequestLog {
  constructor(
    private readonly db: Database,
    private readonly collection: string,
    private readonly now: () => Date,
  ) {}

  async beginRequest(key: string, binding: RequestBinding): Promise<RequestState> {
    try {
      await this.db.collection(this.collection).add({ _id: key, state: 'pending', ...binding, createdAt: this.now() });
      return { state: 'new' };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const existing = await getDoc<StoredRequest>(this.db, this.collection, key);
    const first = existing?.fn !== undefined ? { fn: existing.fn, action: existing.action ?? '', fingerprint: existing.fingerprint ?? '' } : undefined;
    if (existing?.state === 'done' && existing.response) return { state: 'done', binding: first, response: existing.response };
    return { state: 'pending', binding: first };
  }

  async finishRequest(key: string, response: FunctionResponse<unknown>): Promise<void> {
    await this.db.collection(this.collection).doc(key).update({ state: 'done', response: this.db.command.set(response) });
  }

  async abandonRequest(key: string): Promise<void> {
    await this.db.collection(this.collection).doc(key).remove();
  }
}
