/**
 * Issue 17, fair release: the seeded lottery is reproducible from the published seed and the
 * applications' ids alone, never gives a slot more places than it has or anyone two, keeps the
 * hall's priority groups first, and within a group gives everyone the same chance.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { allocate, drawOrder, releaseApplicationId, seedCommitment, seedMatches, type ReleaseApplication } from '../../core/fairRelease/draw';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const SLOTS = ['0900', '0930', '1000', '1030'];
const GROUPS = ['elderly', 'disabled'];

const application = fc.record({
  person: fc.stringMatching(/^[0-9a-f]{8}$/),
  preferences: fc.uniqueArray(fc.constantFrom(...SLOTS), { minLength: 1, maxLength: SLOTS.length }),
  group: fc.option(fc.constantFrom(...GROUPS, 'unknown-group'), { nil: undefined }),
});
const applications = fc.uniqueArray(application, { selector: (a) => a.person, maxLength: 40 }).map((list) =>
  list.map(({ person, preferences, group }): ReleaseApplication => ({
    _id: releaseApplicationId('hall-a', '2026-12-09', 'id-card', person),
    preferences,
    ...(group ? { group } : {}),
  })),
);
const capacity = fc.tuple(...SLOTS.map(() => fc.nat({ max: 6 }))).map((caps) => new Map(SLOTS.map((s, i) => [s, caps[i]!])));
const seed = fc.stringMatching(/^[0-9a-f]{16,32}$/);

const rankOf = (a: ReleaseApplication) => (a.group && GROUPS.includes(a.group) ? GROUPS.indexOf(a.group) : GROUPS.length);

describe('the fair-release draw', () => {
  it('is reproducible: the same seed and applications, read in any order, give the same order and places', () => {
    fc.assert(
      fc.property(applications, capacity, seed, fc.nat(), (apps, caps, s, shift) => {
        const shuffled = apps.map((_, i) => apps[(i + shift) % apps.length]!).reverse();
        const one = drawOrder(apps, s, sha256, GROUPS);
        const two = drawOrder(shuffled, s, sha256, GROUPS);
        expect(two.map((a) => a._id)).toEqual(one.map((a) => a._id));
        const [x, y] = [allocate(one, caps), allocate(two, caps)];
        expect([...y.placed]).toEqual([...x.placed]);
        expect(y.waiting).toEqual(x.waiting);
      }),
    );
  });

  it('never gives a slot more places than it has, or anyone a slot they did not ask for; everyone is placed or waits, once', () => {
    fc.assert(
      fc.property(applications, capacity, seed, (apps, caps, s) => {
        const { placed, waiting } = allocate(drawOrder(apps, s, sha256, GROUPS), caps);
        for (const slot of SLOTS) expect([...placed.values()].filter((p) => p === slot).length).toBeLessThanOrEqual(caps.get(slot)!);
        for (const a of apps) if (placed.has(a._id)) expect(a.preferences).toContain(placed.get(a._id));
        expect([...placed.keys(), ...waiting].sort()).toEqual(apps.map((a) => a._id).sort());
      }),
    );
  });

  it('someone waiting finds every slot they asked for full, and none of it held by a lower priority group or a later draw', () => {
    fc.assert(
      fc.property(applications, capacity, seed, (apps, caps, s) => {
        const order = drawOrder(apps, s, sha256, GROUPS);
        const position = new Map(order.map((a, i) => [a._id, i]));
        const { placed, waiting } = allocate(order, caps);
        for (const id of waiting) {
          const a = apps.find((x) => x._id === id)!;
          for (const slot of a.preferences) {
            const holders = apps.filter((h) => placed.get(h._id) === slot);
            expect(holders).toHaveLength(caps.get(slot)!);
            for (const h of holders) {
              expect(rankOf(h)).toBeLessThanOrEqual(rankOf(a));
              expect(position.get(h._id)!).toBeLessThan(position.get(id)!);
            }
          }
        }
        // The waiting list keeps the draw's order.
        expect(waiting).toEqual(order.filter((a) => !placed.has(a._id)).map((a) => a._id));
      }),
    );
  });

  it('the published seed is checked against the commitment made when applications opened', () => {
    fc.assert(
      fc.property(seed, seed, (s, other) => {
        const commitment = seedCommitment(s, sha256);
        expect(seedMatches(s, commitment, sha256)).toBe(true);
        if (other !== s) expect(seedMatches(other, commitment, sha256)).toBe(false);
      }),
    );
  });

  it('within a group, everyone has the same chance: one slot of 3 places among 12 applicants, over 3000 seeds', () => {
    const apps = Array.from({ length: 12 }, (_, i): ReleaseApplication => ({ _id: releaseApplicationId('hall-a', '2026-12-09', 'id-card', `p${i}`), preferences: ['0900'] }));
    const wins = new Map(apps.map((a) => [a._id, 0]));
    const runs = 3000;
    for (let k = 0; k < runs; k++) {
      for (const id of allocate(drawOrder(apps, `seed-${k}`, sha256), new Map([['0900', 3]])).placed.keys()) wins.set(id, wins.get(id)! + 1);
    }
    // Expected 750 each (3/12 of 3000); the standard deviation is about 24, so ±120 is five of them.
    for (const n of wins.values()) expect(Math.abs(n - (runs * 3) / 12)).toBeLessThan(120);
  });
});
