/**
 * Per-collection write locks.
 *
 * MongoDB makes every single-document write atomic; the emulator gets the same guarantee (and
 * more) by running each write request, each transactional operation and each commit of a
 * collection one at a time. That is what makes a conditional update such as
 * `where({ _id, booked: _.lt(cap) }).update({ booked: _.inc(1) })` race-free: the match and the
 * increment happen under the lock, so concurrent requests can never push `booked` past `cap`.
 */

export type Release = () => void;

export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Waits for the lock of `key`; resolves with the function that releases it. */
  async acquire(key: string): Promise<Release> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: Release;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      // Forget the chain once nobody queued behind us (keeps the map small).
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }

  /** Several locks at once, always taken in sorted order so two callers cannot deadlock. */
  async acquireAll(keys: Iterable<string>): Promise<Release> {
    const sorted = [...new Set(keys)].sort();
    const releases: Release[] = [];
    for (const key of sorted) releases.push(await this.acquire(key));
    return () => releases.reverse().forEach((r) => r());
  }

  /** Runs `fn` while holding the lock of every key. */
  async with<T>(keys: string | Iterable<string>, fn: () => Promise<T>): Promise<T> {
    const release = typeof keys === 'string' ? await this.acquire(keys) : await this.acquireAll(keys);
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
