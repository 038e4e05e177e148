import { MAX_OPEN_WAITING, PLACE_GRACE_MS, takeWaitPlace } from '../../core/waitlist/openPlaces';
import type { WaitEntry, WaitState } from '../../core/waitlist/WaitEntry';
import { FixedClock } from './support/InMemoryIdentityPorts';
import { InMemoryWaitlistStore } from './support/InMemoryWaitlistStore';

/**
 * A person waits on at most MAX_OPEN_WAITING lists (core/waitlist/openPlaces.ts): no step gives a
 * place back, so a join frees the places of entries no longer open, but only those taken more than
 * a minute ago (a join in flight holds its place before its entry is stored or reopened), and only
 * as read (a place its entry renewed meanwhile stays).
 */
const T0 = new Date('2026-12-01T02:00:00Z');
const entry = (id: string, state: WaitState): WaitEntry => ({
  _id: id,
  hallId: 'hall-a',
  date: '2026-12-09',
  business: 'id-card',
  actorOpenid: 'o-p',
  subject: { residentId: 'r-p', idIndex: 'p', nameEnc: 'x' },
  joinedAt: T0,
  state,
  version: 0,
  offers: 0,
});

async function world(states: WaitState[]) {
  const waitlist = new InMemoryWaitlistStore();
  const clock = new FixedClock(T0);
  for (const [i, state] of states.entries()) {
    await waitlist.add(entry(`e${i}`, state));
    expect(await takeWaitPlace({ waitlist, clock }, 'p', `e${i}`)).toBe(true);
  }
  return { waitlist, clock };
}

test('the cap is 3', () => expect(MAX_OPEN_WAITING).toBe(3));

test('while all places are open entries, a 4th is refused, however long after', async () => {
  const { waitlist, clock } = await world(['waiting', 'offered', 'waiting']);
  clock.advance(60 * 60_000);
  expect(await takeWaitPlace({ waitlist, clock }, 'p', 'e9')).toBe(false);
});

test("a closed entry's place is freed for a new one once the grace has passed, not before", async () => {
  const { waitlist, clock } = await world(['waiting', 'waiting', 'waiting']);
  await waitlist.change('e1', 0, { state: 'left' });
  expect(await takeWaitPlace({ waitlist, clock }, 'p', 'e9')).toBe(false);
  clock.advance(PLACE_GRACE_MS + 1);
  expect(await takeWaitPlace({ waitlist, clock }, 'p', 'e9')).toBe(true);
  expect((await waitlist.placesOf('p')).map((x) => x.entryId).sort()).toEqual(['e0', 'e2', 'e9']);
});

test("a place whose entry was never stored (a join cut off) is freed after the grace; booked and lapsed entries' too", async () => {
  const { waitlist, clock } = await world(['booked', 'lapsed']);
  expect(await waitlist.claimPlace('p', 'never-stored', clock.now())).toBe(true);
  clock.advance(PLACE_GRACE_MS + 1);
  expect(await takeWaitPlace({ waitlist, clock }, 'p', 'e9')).toBe(true);
  expect((await waitlist.placesOf('p')).map((x) => x.entryId)).toEqual(['e9']);
});

test('a place its entry renewed (joined again) after the sweep read it stays with it', async () => {
  const { waitlist, clock } = await world(['left', 'waiting', 'waiting']);
  clock.advance(PLACE_GRACE_MS + 1);
  const [read] = (await waitlist.placesOf('p')).filter((x) => x.entryId === 'e0');
  // e0 is joined again: its place renewed before the sweep's release lands.
  expect(await waitlist.claimPlace('p', 'e0', clock.now())).toBe(true);
  await waitlist.releasePlace(read!);
  expect((await waitlist.placesOf('p')).map((x) => x.entryId)).toContain('e0');
});
