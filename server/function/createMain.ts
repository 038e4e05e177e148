import type { VariableName } from '../../config/environment';
import { collections } from '../../config/collections';
import { defineAction, type ActionMap } from '../../core/function/action';
import { dispatch, type DispatchResult } from '../../core/function/dispatch';
import { FunctionRequest } from '../../core/function/envelope';
import { commonActions, type HealthReport } from '../../core/function/health';
import { messageFor } from '../../core/errors/catalogue';
import { describeProblems, loadEnvironment, type Environment, type EnvironmentResult } from '../config/loadEnvironment';
import { describeFailure, writeLog } from '../log/logLine';
import { buildInfo } from './buildInfo';
import { codeCacheState } from './codeCache';
import { callerFrom, type Caller } from './caller';
import { database } from '../cloudbase/app';
import { systemClock } from '../clock';
import type { RequestLog } from '../../core/function/oncePerRequest';
import { checkDatabase, type DatabaseCheck } from './checkDatabase';
import { CloudbaseRequestLog } from './CloudbaseRequestLog';
import { sha256Hex } from './requestDigest';
import { looksLikeTimer, platformTimerFrom } from './timerEvent';

export interface MainOptions<K extends VariableName> {
  /**
   * The environment variables the function reads (its declaration's `env` in config/functions.ts).
   * Validated once per instance before the first action; while any is missing or malformed every
   * action answers SERVICE_MISCONFIGURED (only `health` still runs, to say why).
   */
  env?: readonly K[];
  /** Actions that only timer triggers run (trigger name = action name); clients get UNKNOWN_ACTION. */
  timers?: readonly string[];
  /**
   * Where the function's repeatable writes (actions with `idempotent`) keep their first results: a
   * declared collection (config/collections.ts), or a log (tests). Required when any action is one.
   */
  requestLog?: string | (() => RequestLog);
  /** The collection the health check counts; the first declared one by default. */
  healthCollection?: string;
  /** Replaces the database probe of the health check (tests). */
  checkDatabase?: () => Promise<DatabaseCheck>;
  /** The readiness of the population registry's gateway, for functions that depend on it (server/registry). */
  checkRegistry?: () => Promise<NonNullable<HealthReport['checks']['registry']>>;
}

interface HealthDeps {
  report(): Promise<HealthReport>;
}

function contextRequestId(context: unknown): string | undefined {
  const id = context && typeof context === 'object' ? (context as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

function envelopeRequestId(event: unknown): string | undefined {
  const id = event && typeof event === 'object' ? (event as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

function failure(code: 'SERVICE_MISCONFIGURED' | 'UNKNOWN_ACTION' | 'INTERNAL', action?: string, cause?: unknown): DispatchResult {
  return {
    response: { ok: false, error: { code, message: messageFor(code) } },
    action,
    outcome: code === 'UNKNOWN_ACTION' ? 'rejected' : 'failed',
    cause,
  };
}

/**
 * Turns a function's action map into CloudBase's `main(event, context)`: validates the function's
 * environment, reads the caller from the context, builds the ports, dispatches, answers `health`,
 * runs timer triggers, logs one allowlisted line per call, and always resolves with the
 * `{ ok, data | error }` envelope.
 */
export function createMain<Deps, K extends VariableName = never>(
  fn: string,
  actions: ActionMap<Deps>,
  makeDeps: (caller: Caller, env: Environment<K>) => Deps,
  options: MainOptions<K> = {},
) {
  if (Object.prototype.hasOwnProperty.call(actions, 'health')) throw new Error(`${fn}: "health" is answered by createMain`);
  const timers = new Set(options.timers ?? []);
  for (const t of timers) if (!Object.prototype.hasOwnProperty.call(actions, t)) throw new Error(`${fn}: timer action ${t} is not an action`);
  const repeatable = Object.entries(actions)
    .filter(([, a]) => a.idempotent)
    .map(([name]) => name);
  if (repeatable.length && !options.requestLog) throw new Error(`${fn}: idempotent actions (${repeatable.join(', ')}) need a requestLog`);
  let requestLog: RequestLog | undefined;
  const logOfRequests = (): RequestLog | undefined => {
    const source = options.requestLog;
    if (!source) return undefined;
    return (requestLog ??= typeof source === 'string' ? new CloudbaseRequestLog(database(), source, () => systemClock.now()) : source());
  };
  const probeCollection = options.healthCollection ?? collections[0]?.name ?? '';
  const probe = options.checkDatabase ?? (() => checkDatabase(probeCollection));

  let environment: EnvironmentResult<K> | undefined;
  const loadOnce = (): EnvironmentResult<K> => (environment ??= loadEnvironment(options.env ?? []));

  const health = {
    health: defineAction({
      ...commonActions.health,
      async run(_input: Record<string, never>, deps: HealthDeps) {
        return deps.report();
      },
    }),
  };
  const healthDeps: HealthDeps = {
    async report() {
      const env = loadOnce();
      const [database, registry] = await Promise.all([probe(), options.checkRegistry?.()]);
      const { version, builtAt } = buildInfo();
      return {
        function: fn,
        version,
        builtAt,
        codeCache: codeCacheState(),
        ready: env.ok && database === 'ok' && (registry === undefined || registry.status === 'ready'),
        checks: { environment: env.ok ? 'ok' : describeProblems(env.problems), database, ...(registry ? { registry } : {}) },
      };
    },
  };

  /** Logs only names this function knows, so nothing a client typed reaches the log. */
  const known = (name: string | undefined): string =>
    name === undefined ? '(none)' : name === 'health' || Object.prototype.hasOwnProperty.call(actions, name) ? name : '(unknown)';

  async function run(event: unknown, caller: Caller, trigger: string | undefined): Promise<DispatchResult> {
    const envelope = FunctionRequest.safeParse(event);
    const name = envelope.success ? envelope.data.action : undefined;
    if (name === 'health' && trigger === undefined) return dispatch(health, event, healthDeps);
    if (name !== undefined && timers.has(name) !== (trigger !== undefined)) return failure('UNKNOWN_ACTION', name);
    const env = loadOnce();
    if (!env.ok) return failure('SERVICE_MISCONFIGURED', name);
    let deps: Deps;
    let log: RequestLog | undefined;
    try {
      deps = makeDeps(caller, env.env);
      log = logOfRequests();
    } catch (e) {
      return failure('INTERNAL', name, e);
    }
    return dispatch(actions, event, deps, log ? { fn, openid: caller.openid, log, digest: sha256Hex } : undefined);
  }

  return async function main(event: unknown, context: unknown) {
    const started = Date.now();
    const caller = callerFrom(context);
    // Only the platform's timer (exact event shape, no client in the context: see timerEvent.ts).
    const timer = platformTimerFrom(event, context);
    const posing = !timer && looksLikeTimer(event);
    const request = timer ? { action: timer.trigger, data: {} } : event;
    // The client's requestId is typed by the client: the log gets a digest of it, never the value.
    const own = envelopeRequestId(event);

    // A timer-shaped body from a client runs nothing: timer actions do not exist for clients.
    const result = posing ? failure('UNKNOWN_ACTION') : await run(request, caller, timer?.trigger);
    const code = result.response.ok ? undefined : result.response.error.code;
    // A misconfigured call, or a health check that finds the environment wrong, names the variables.
    const environmentProblem =
      environment && !environment.ok && (code === 'SERVICE_MISCONFIGURED' || result.action === 'health') ? describeProblems(environment.problems) : undefined;
    writeLog({
      fn,
      action: known(result.action),
      trigger: timer?.trigger,
      requestId: contextRequestId(context),
      clientRequest: own === undefined ? undefined : sha256Hex(own).slice(0, 16),
      outcome: result.outcome,
      durationMs: Date.now() - started,
      errorCode: code,
      error: posing ? 'timer event from a client refused' : (environmentProblem ?? (result.cause === undefined ? undefined : describeFailure(result.cause))),
    });
    return result.response;
  };
}
