/**
 * Fair release (issue 17): a hall may release a day's places by application instead of first click.
 * Applications open for a window; when it closes, a seeded lottery orders them and places are
 * allocated in that order. The draw is auditable and reproducible:
 *  - when applications open, the hall publishes a commitment to a secret seed (`seedCommitment`);
 *  - when the window closes, it publishes the seed; anyone can check it against the commitment and
 *    recompute the order from the applications' ids alone (`drawOrder`), whatever order they were
 *    stored or read in;
 *  - an applicant's place in the order is the digest of seed and application id, so nobody, not even
 *    the hall, can place one application ahead without changing the seed, which the commitment fixes.
 * Priority groups the hall configures (e.g. the elderly, people with disabilities) come first, in the
 * hall's order; within a group the digest decides. Pure: the digest (SHA-256, hex) is given.
 */

/** A one-way digest, e.g. SHA-256 as hex (the functions give node's crypto). */
export type Digest = (text: string) => string;

export interface ReleaseApplication {
  /** One per person, hall-day and business: `releaseApplicationId`. */
  _id: string;
  /** Acceptable slots, most wanted first (at least one). */
  preferences: readonly string[];
  /** A priority group the hall configures, as verified when the application was taken. */
  group?: string;
}

export interface Allocation {
  /** Application id → the slot it got. */
  placed: Map<string, string>;
  /** Applications without a place, in draw order: they join the waiting list in this order. */
  waiting: string[];
}

/** The id of a person's application for a hall-day and business: the database refuses a second one. */
export function releaseApplicationId(hallId: string, date: string, business: string, subjectIdIndex: string): string {
  return `${hallId}:${date}:${business}:${subjectIdIndex}`;
}

/** What the hall publishes when applications open: the digest of the secret seed. */
export function seedCommitment(seed: string, digest: Digest): string {
  return digest(`hukou-fair-release-seed:${seed}`);
}

/** Whether a published seed is the one committed to. */
export function seedMatches(seed: string, commitment: string, digest: Digest): boolean {
  return seedCommitment(seed, digest) === commitment;
}

/**
 * The draw: applications ordered by priority group (the hall's order; no group last), then by the
 * digest of seed and id. Ids are unique, so the order is total and depends on nothing else.
 */
export function drawOrder<A extends ReleaseApplication>(applications: readonly A[], seed: string, digest: Digest, groups: readonly string[] = []): A[] {
  const rank = (a: ReleaseApplication) => {
    const i = a.group === undefined ? -1 : groups.indexOf(a.group);
    return i < 0 ? groups.length : i;
  };
  const keyed = applications.map((a) => ({ a, rank: rank(a), ticket: digest(`${seed}:${a._id}`) }));
  keyed.sort((x, y) => x.rank - y.rank || (x.ticket < y.ticket ? -1 : x.ticket > y.ticket ? 1 : x.a._id < y.a._id ? -1 : 1));
  return keyed.map((k) => k.a);
}

/**
 * Places in draw order: each application gets its most wanted slot that still has a place; one
 * that finds none waits. `capacity`: places per slot (slots absent have none).
 */
export function allocate(ordered: readonly ReleaseApplication[], capacity: ReadonlyMap<string, number>): Allocation {
  const left = new Map(capacity);
  const placed = new Map<string, string>();
  const waiting: string[] = [];
  for (const a of ordered) {
    const slot = a.preferences.find((s) => (left.get(s) ?? 0) > 0);
    if (slot === undefined) {
      waiting.push(a._id);
      continue;
    }
    left.set(slot, left.get(slot)! - 1);
    placed.set(a._id, slot);
  }
  return { placed, waiting };
}
