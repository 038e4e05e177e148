import type * as z from 'zod/mini';
import { DomainError, isDomainError } from '../errors/DomainError';
import { messageFor } from '../errors/catalogue';
import type { ActionMap } from './action';
import { canonicalJson } from './canonicalJson';
import { FunctionRequest, type FunctionResponse } from './envelope';
import { runOncePerRequest, type RequestLog } from './oncePerRequest';

/** What dispatch needs to run repeatable writes once (given by server/function/createMain). */
export interface RequestContext {
  fn: string;
  /** The caller, from the function context; a request id is the caller's own. */
  openid?: string;
  log: RequestLog;
  /** A one-way digest (e.g. SHA-256, hex) of a canonical input: the request's fingerprint. */
  digest(text: string): string;
}

export type DispatchOutcome = 'ok' | 'rejected' | 'failed';

export interface DispatchResult {
  response: FunctionResponse<unknown>;
  action?: string;
  /** ok: success; rejected: an expected catalogue error; failed: an unexpected exception. */
  outcome: DispatchOutcome;
  /** The unexpected exception, for the log (never returned to the caller). */
  cause?: unknown;
}

/** Describes where an input failed, by field path only (never echoing values, which may be personal). */
function describeIssues(error: z.core.$ZodError): string {
  const first = error.issues[0];
  const path = first && first.path.length ? first.path.join('.') : '';
  return path ? `字段 ${path}` : '请求内容';
}

/**
 * Parses the envelope and the action's input, runs the action (a repeatable write once per request
 * id), and maps every failure to a catalogue error. Never throws, never leaks a stack trace.
 */
export async function dispatch<Deps>(actions: ActionMap<Deps>, event: unknown, deps: Deps, requests?: RequestContext): Promise<DispatchResult> {
  const envelope = FunctionRequest.safeParse(event);
  if (!envelope.success) {
    return reject(new DomainError('INVALID_REQUEST'));
  }
  const { action: name, data, requestId } = envelope.data;
  const action = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
  if (!action) {
    return reject(new DomainError('UNKNOWN_ACTION'), name);
  }
  try {
    // Inside the try: a schema's refine or transform that throws is a bug, not a bad input.
    const input = action.input.safeParse(data ?? {});
    if (!input.success) {
      return reject(new DomainError('INVALID_INPUT', describeIssues(input.error)), name);
    }
    if (action.idempotent === 'required' && !requestId) {
      return reject(new DomainError('INVALID_INPUT', '字段 requestId'), name);
    }
    const work = (beforeWrites?: () => Promise<void>) => action.run(input.data, deps, beforeWrites ? { requestId, beforeWrites } : { requestId });
    // The envelope's requestId is the one idempotency key, bound to function, action and input.
    const result =
      action.idempotent && requestId && requests?.openid
        ? await runOncePerRequest(
            requests.log,
            `${requests.openid}:${requestId}`,
            { fn: requests.fn, action: name, fingerprint: requests.digest(canonicalJson(input.data)) },
            work,
            { readsFirst: action.readsFirst === true },
          )
        : await work();
    return { response: { ok: true, data: result }, action: name, outcome: 'ok' };
  } catch (e) {
    if (isDomainError(e)) return reject(e, name);
    return {
      response: { ok: false, error: { code: 'INTERNAL', message: messageFor('INTERNAL') } },
      action: name,
      outcome: 'failed',
      cause: e,
    };
  }
}

function reject(e: DomainError, action?: string): DispatchResult {
  return { response: { ok: false, error: { code: e.code, message: e.message } }, action, outcome: 'rejected' };
}
