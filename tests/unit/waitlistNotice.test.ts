import { offerFreedPlace } from '../../core/waitlist/offerPlace';
import type { OfferNotice, WaitlistNotifier } from '../../core/waitlist/ports';
import { tellOffered } from '../../core/waitlist/tellOffered';
import type { WaitEntry } from '../../core/waitlist/WaitEntry';
import { FixedClock } from './support/InMemoryIdentityPorts';
import { InMemoryWaitlistStore } from './support/InMemoryWaitlistStore';

/**
 * The notice of a waiting-list offer (issue 17) is best effort: what it says comes from the entry
 * and the slot held; a refused or hanging message never undoes the offer nor holds the
 * cancellation that made it.
 */
const T0 = new Date('2026-12-01T02:00:00Z');
const SLOT = 'hall-a:2026-12-09:0930';
const entry: WaitEntry = {
  _id: 'hall-a:2026-12-09:id-card:p',
  hallId: 'hall-a',
  date: '2026-12-09',
  business: 'id-card',
  actorOpenid: 'o-parent',
  subject: { residentId: 'r-p', idIndex: 'p', nameEnc: 'x' },
  joinedAt: T0,
  state: 'waiting',
  version: 0,
  offers: 0,
};
const offer = { slotId: SLOT, holdId: 'h', until: new Date(T0.getTime() + 30 * 60_000) };
const guides = { guide: async () => ({ title: '到期换领居民身份证' }) as never };
const notifier = (offered: WaitlistNotifier['offered']): WaitlistNotifier => ({ offered });

test('the notice goes to the account that joined, naming the business, the slot held and until when', async () => {
  const sent: Array<[string, OfferNotice]> = [];
  expect(await tellOffered({ guides, waitlistNotifier: notifier(async (o, n) => void sent.push([o, n])) }, entry, offer)).toBe(true);
  expect(sent).toEqual([['o-parent', { entryId: entry._id, businessTitle: '到期换领居民身份证', date: '2026-12-09', start: '09:30', until: offer.until }]]);
});

test('a refused notice or one that does not answer in time is given up, quickly', async () => {
  expect(await tellOffered({ waitlistNotifier: notifier(async () => Promise.reject(new Error('43101'))) }, entry, offer)).toBe(false);
  const started = Date.now();
  expect(await tellOffered({ waitlistNotifier: notifier(() => new Promise<void>(() => {})) }, entry, offer, 20)).toBe(false);
  expect(Date.now() - started).toBeLessThan(1000);
});

test('a cancellation offers its place even when the notice fails', async () => {
  const waitlist = new InMemoryWaitlistStore();
  await waitlist.add(entry);
  const booking = { offerPlace: async () => true, passHold: async () => true, returnHold: async () => true };
  const deps = { waitlist, booking, clock: new FixedClock(T0), guides, waitlistNotifier: notifier(async () => Promise.reject(new Error('down'))) };
  const offered = await offerFreedPlace(deps, { _id: 'a1', hallId: 'hall-a', date: '2026-12-09', business: 'id-card', slotId: SLOT }, async () => 30);
  expect(offered?.state).toBe('offered');
  expect((await waitlist.entry(entry._id))?.state).toBe('offered');
});
