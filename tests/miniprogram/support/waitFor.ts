/**
 * Polls `probe` until it returns without throwing (and, if it returns a boolean, returns true).
 * Resolves with what it returned. On timeout, rejects with the last failure, so a failed
 * `expect` inside the probe reads as the test's failure.
 */
export async function waitFor<T>(probe: () => T, opts: { timeout?: number; interval?: number; what?: string } = {}): Promise<Exclude<T, false>> {
  // Generous: on a busy 2-core machine a first render through the local cloud took over 10 s.
  const timeout = opts.timeout ?? 25_000;
  const interval = opts.interval ?? 20;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value !== false) return value as Exclude<T, false>;
      lastError = new Error(`${opts.what ?? 'condition'} still false`);
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      if (lastError instanceof Error) {
        lastError.message = `waitFor(${opts.what ?? 'condition'}) timed out after ${timeout} ms: ${lastError.message}`;
        throw lastError;
      }
      throw new Error(`waitFor(${opts.what ?? 'condition'}) timed out after ${timeout} ms: ${String(lastError)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
