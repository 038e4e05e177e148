import type { ReferenceNumberStore, ReferenceTarget } from '../../../core/reference/ports';

/** Reference numbers in memory: one claim per hall and number, as the `reference_numbers` collection's `_id` enforces. */
export class InMemoryReferenceNumbers implements ReferenceNumberStore {
  readonly claims = new Map<string, ReferenceTarget>();
  readonly counters = new Map<string, number>();

  async claim(number: string, target: ReferenceTarget, _at?: Date): Promise<boolean> {
    const key = `${target.hallId}:${number}`;
    const held = this.claims.get(key);
    if (!held) {
      this.claims.set(key, { ...target });
      return true;
    }
    return held.kind === target.kind && held.id === target.id;
  }

  async holder(hallId: string, number: string): Promise<ReferenceTarget | null> {
    return this.claims.get(`${hallId}:${number}`) ?? null;
  }

  async countFailure(key: string): Promise<number> {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  async failures(key: string): Promise<number> {
    return this.counters.get(key) ?? 0;
  }
}
