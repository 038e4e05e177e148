import type * as z from 'zod/mini';
import type { ErrorCode } from '../errors/catalogue';

/**
 * An action's input or output schema: zod/mini's, which parses with its own methods (classic zod is
 * not bundled: a fraction of the code to compile at each cold start, docs/PERFORMANCE.md).
 */
export type ActionSchema = z.ZodMiniType;

/**
 * One action of a cloud function: its input and output schemas, the catalogue errors it may
 * return, and the use case it runs. `Deps` are the ports the function wires in.
 */
export interface Action<Deps, In extends ActionSchema = ActionSchema, Out extends ActionSchema = ActionSchema> {
  summary: string;
  input: In;
  output: Out;
  errors: readonly ErrorCode[];
  /**
   * A repeatable write: run once per (caller, envelope `requestId`), bound to this action and its
   * input (core/function/oncePerRequest.ts). 'required': a call without a requestId is INVALID_INPUT.
   */
  idempotent?: 'required' | 'optional';
  /**
   * A repeatable write whose refusals mostly come from reads alone (e.g. a full slot at a release):
   * its request is recorded only when it calls `request.beforeWrites()`, which it must do before its
   * first write. An answer found without writing is recorded in one write (oncePerRequest.ts).
   */
  readsFirst?: true;
  run(input: z.infer<In>, deps: Deps, request?: ActionRequest): Promise<z.infer<Out>>;
}

/** What an action may know of its request besides the input: the envelope's request id, once validated. */
export interface ActionRequest {
  /** Present on a repeatable write the client keyed (always, when `idempotent` is 'required'). */
  requestId?: string;
  /** Given to a `readsFirst` action run once per request: call it before the first write (it may end the run with the request's recorded answer). */
  beforeWrites?: () => Promise<void>;
}

/** Every action of one function. Each keeps its own schemas; seen from the map, input and output are unknown until parsed. */
export type ActionMap<Deps> = Record<string, Action<Deps>>;

/** Identity helper that keeps each action's input and output types tied together. */
export function defineAction<Deps, In extends ActionSchema, Out extends ActionSchema>(action: Action<Deps, In, Out>): Action<Deps, In, Out> {
  return action;
}
