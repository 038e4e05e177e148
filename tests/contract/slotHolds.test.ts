/**
 * Issue 17's waiting list rests on moving a place between holders in one update of the slot
 * document (docs/WAITLIST.md): a cancelled appointment's place becomes an offer's hold, a hold
 * becomes an accepted booking or the next offer, or goes back to the public. These are the
 * database operations it needs, tried against the emulator through the real SDK.
 */
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

let e: EmulatedDatabase;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

const ID = 'hall-a:2026-12-02:0900';
const slot = async () => (await e.db.collection('slots').doc(ID).get()).data[0] as { booked: number; holders: string[]; holds?: Record<string, unknown> };

test('a place moves between an appointment, holds and another appointment in single updates of two paths; the conditions refuse a repeated or stale move', async () => {
  const _ = e.db.command;
  await e.db.collection('slots').add({ _id: ID, booked: 2, capacity: 2, holders: ['a1', 'a2'] });
  // A cancellation offers its place: the appointment leaves holders, the hold appears; booked unchanged.
  const offer = () =>
    e.db
      .collection('slots')
      .where({ _id: ID, holders: 'a1' })
      .update({ holders: _.pull('a1'), 'holds.h1': { entryId: 'w1', until: new Date(0) } });
  expect((await offer()).updated).toBe(1);
  expect((await offer()).updated).toBe(0);
  expect(await slot()).toMatchObject({ booked: 2, holders: ['a2'], holds: { h1: { entryId: 'w1' } } });
  // The offer passes on to the next in line.
  const pass = () =>
    e.db
      .collection('slots')
      .where({ _id: ID, 'holds.h1': _.exists(true) })
      .update({ 'holds.h1': _.remove(), 'holds.h2': { entryId: 'w2', until: new Date(0) } });
  expect((await pass()).updated).toBe(1);
  expect((await pass()).updated).toBe(0);
  expect(Object.keys((await slot()).holds ?? {})).toEqual(['h2']);
  // Accepted: the hold becomes the booking.
  const accept = () =>
    e.db
      .collection('slots')
      .where({ _id: ID, 'holds.h2': _.exists(true), holders: _.neq('a3') })
      .update({ 'holds.h2': _.remove(), holders: _.push('a3') });
  expect((await accept()).updated).toBe(1);
  expect((await accept()).updated).toBe(0);
  expect(await slot()).toMatchObject({ booked: 2, holders: ['a2', 'a3'], holds: {} });
  // Nobody waiting: a hold gives its place back to the public.
  await e.db
    .collection('slots')
    .where({ _id: ID, holders: 'a2' })
    .update({ holders: _.pull('a2'), 'holds.h3': { entryId: 'w3', until: new Date(0) } });
  expect(
    (
      await e.db
        .collection('slots')
        .where({ _id: ID, 'holds.h3': _.exists(true) })
        .update({ 'holds.h3': _.remove(), booked: _.inc(-1) })
    ).updated,
  ).toBe(1);
  expect(await slot()).toMatchObject({ booked: 1, holders: ['a3'], holds: {} });
});
