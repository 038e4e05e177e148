/**
 * Fault injection for multi-step actions: wraps ports (objects of async methods, such as a store)
 * so that one chosen call, counted across every wrapped port in the order the action makes them,
 * fails, times out after being applied, is repeated (as an SDK retry would), or is delayed.
 *
 * Use: run an action once with no fault to learn its calls; then, for every call index and every
 * fault, rebuild the state, run it again with that fault, and check the invariants (see
 * `faultMatrix`).
 */

/** What happens to the chosen call. */
export type Fault =
  /** Throws before the call reaches the database: nothing applied. */
  | 'failBefore'
  /** The call is applied, then the caller sees a timeout (the answer was lost). */
  | 'failAfter'
  /** The call is applied twice (the SDK or network retried it); the caller sees the second answer. */
  | 'repeat'
  /** The call completes later than usual (other work may run in between). */
  | 'delay';

export const FAULTS: readonly Fault[] = ['failBefore', 'failAfter', 'repeat', 'delay'];

export interface FaultPlan {
  /** Index of the call (0-based, across all wrapped ports) that misbehaves. */
  step: number;
  fault: Fault;
}

/** The error a faulted call throws: looks like an SDK timeout, never a domain error. */
export class InjectedFault extends Error {
  constructor(
    readonly call: string,
    readonly fault: Fault,
  ) {
    super(`injected ${fault} at ${call}`);
    this.name = 'InjectedFault';
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FaultInjector {
  /** Every call made through the wrapped ports, in order, as `port.method`. */
  readonly calls: string[] = [];
  private plan: FaultPlan | undefined;
  /** Whether the planned fault has fired (a plan past the last call never fires). */
  fired = false;

  constructor(plan?: FaultPlan) {
    this.plan = plan;
  }

  /** Stops injecting (for the checks and repairs that run after the action). */
  disarm(): void {
    this.plan = undefined;
  }

  /** A view of `target` whose methods are counted and may misbehave; other properties pass through. */
  wrap<T extends object>(port: string, target: T): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        return (...args: unknown[]) => this.call(`${port}.${prop}`, () => (value as (...a: unknown[]) => unknown).apply(obj, args));
      },
    });
  }

  private async call(name: string, invoke: () => unknown): Promise<unknown> {
    const index = this.calls.length;
    this.calls.push(name);
    const plan = this.plan;
    if (!plan || plan.step !== index) return invoke();
    this.fired = true;
    switch (plan.fault) {
      case 'failBefore':
        throw new InjectedFault(name, plan.fault);
      case 'failAfter':
        await invoke();
        throw new InjectedFault(name, plan.fault);
      case 'repeat':
        try {
          await invoke();
        } catch {
          // The first attempt's answer is lost either way; the caller sees the retry's.
        }
        return invoke();
      case 'delay': {
        await nextTurn();
        const result = await invoke();
        await nextTurn();
        return result;
      }
    }
  }
}

export interface FaultCase {
  step: number;
  call: string;
  fault: Fault;
}

/**
 * Every (step, fault) of an action whose fault-free run made `calls`: the whole matrix, not a sample.
 */
export function faultMatrix(calls: readonly string[]): FaultCase[] {
  return calls.flatMap((call, step) => FAULTS.map((fault) => ({ step, call, fault })));
}
