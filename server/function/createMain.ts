import { dispatch } from '../../core/function/dispatch';
import type { ActionMap } from '../../core/function/action';
import { describeFailure, writeLog } from '../log/logLine';
import { callerFrom, type Caller } from './caller';

/**
 * Turns a function's action map into CloudBase's `main(event, context)`: reads the caller from
 * the context, builds the ports, dispatches, logs one allowlisted line, and always resolves
 * with the `{ ok, data | error }` envelope.
 */
export function createMain<Deps>(fn: string, actions: ActionMap<Deps>, makeDeps: (caller: Caller) => Deps) {
  return async function main(event: unknown, context: unknown) {
    const started = Date.now();
    const requestId =
      event && typeof event === 'object' && typeof (event as { requestId?: unknown }).requestId === 'string'
        ? ((event as { requestId: string }).requestId.slice(0, 64))
        : undefined;
    const result = await dispatch(actions, event, makeDeps(callerFrom(context)));
    writeLog({
      fn,
      action: result.action,
      requestId,
      outcome: result.outcome,
      durationMs: Date.now() - started,
      errorCode: result.response.ok ? undefined : result.response.error.code,
      error: result.cause === undefined ? undefined : describeFailure(result.cause),
    });
    return result.response;
  };
}
