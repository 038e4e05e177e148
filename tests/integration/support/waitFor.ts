/**
 * Polls `read` until `check` holds, and returns what it read. No fixed sleeps: a busy machine only
 * makes it slower. On timeout, fails naming what it waited for and the last value.
 */
export async function waitFor<T>(read: () => Promise<T>, check: (v: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
