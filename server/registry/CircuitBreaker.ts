/**
 * A circuit breaker for one outside service: after `failureThreshold` failures in a row it opens,
 * and while open every call fails at once (no request leaves, so a dead registry costs a citizen
 * no waiting and the registry no load). After `coolDownMs` it lets one call through (half-open):
 * its success closes the breaker, its failure opens it for another cool-down. Calls arriving while
 * that probe is under way fail at once too. Per warm function instance; the clock is injected.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  now?: () => number;
}

export class BreakerOpenError extends Error {
  constructor(readonly retryInMs: number) {
    super(`circuit open, next probe in ${retryInMs} ms`);
    this.name = 'BreakerOpenError';
  }
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /**
   * Runs `call` unless the breaker is open. `counts(error)` says whether a failure says something
   * about the service's health (a timeout, a 5xx) rather than about the request (a 4xx): only those
   * count towards opening.
   */
  async run<T>(call: () => Promise<T>, counts: (error: unknown) => boolean = () => true): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probing)) {
      throw new BreakerOpenError(Math.max(0, (this.openedAt ?? 0) + this.options.coolDownMs - this.now()));
    }
    const probe = state === 'half-open';
    if (probe) this.probing = true;
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = undefined;
      return result;
    } catch (e) {
      if (counts(e)) {
        this.failures += 1;
        if (probe || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
      } else if (probe) {
        // The service answered (with a complaint about the request): it is up.
        this.failures = 0;
        this.openedAt = undefined;
      }
      throw e;
    } finally {
      if (probe) this.probing = false;
    }
  }
}
