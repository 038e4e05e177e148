import type { FunctionResponse } from '../../../core/function/envelope';
import type { RequestBinding, RequestLog, RequestState } from '../../../core/function/oncePerRequest';

/** The request log as the database keeps it (one record per key, the first one wins), counting its writes. */
export class MemoryRequestLog implements RequestLog {
  readonly records = new Map<string, { binding: RequestBinding; response?: FunctionResponse<unknown> }>();
  readonly writes: string[] = [];
  async beginRequest(key: string, binding: RequestBinding): Promise<RequestState> {
    this.writes.push('begin');
    const r = this.records.get(key);
    if (!r) {
      this.records.set(key, { binding });
      return { state: 'new' };
    }
    return r.response ? { state: 'done', binding: r.binding, response: r.response } : { state: 'pending', binding: r.binding };
  }
  async finishRequest(key: string, response: FunctionResponse<unknown>): Promise<void> {
    this.writes.push('finish');
    this.records.get(key)!.response = response;
  }
  async abandonRequest(key: string): Promise<void> {
    this.writes.push('abandon');
    this.records.delete(key);
  }
  async recordAnswer(key: string, binding: RequestBinding, response: FunctionResponse<unknown>): Promise<RequestState> {
    this.writes.push('record');
    const r = this.records.get(key);
    if (!r) {
      this.records.set(key, { binding, response });
      return { state: 'new' };
    }
    return r.response ? { state: 'done', binding: r.binding, response: r.response } : { state: 'pending', binding: r.binding };
  }
}
