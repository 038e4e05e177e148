/**
 * Issue 16: the hours actions' guard against a booking taken while an edit is saved. The check
 * before the save finds no booking outside the new hours; a reserve that read the old hours books
 * one in between; the check after the save finds it, puts the previous periods back and refuses,
 * naming it. Nothing vanishes silently.
 */
import type { BookingDeps } from '../../core/booking/BookingDeps';
import type { SlotPlan } from '../../core/booking/slots';
import { deleteSpecialHours, saveSpecialHours } from '../../core/hallDuty/actions/hours';
import type { BookedPlace } from '../../core/hallDuty/bookingsOutside';
import { isDomainError } from '../../core/errors/DomainError';
import { NO_HOLIDAYS } from '../../core/time/WorkCalendar';
import { InMemoryHallDutyStore } from './support/InMemoryHallDutyStore';
import { InMemoryAuditLog } from './support/InMemoryIdentityPorts';
import { fixedClock, seedHall } from './support/InMemoryGuideRepository';

const HALL = 'haikou-longhua';
const DAY = '2026-12-09'; // a Wednesday: 09:00–12:00, 13:30–17:00
const schedule = {
  _id: HALL,
  hallId: HALL,
  businesses: ['id-card-renewal'],
  slotMinutes: 30,
  windows: 4,
  perWindow: 1,
  walkInShare: 0.3,
  bookingWindowDays: 7,
  releaseTime: '00:00',
  cancelDeadline: { kind: 'hoursBefore' as const, hours: 2 },
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
  limits: { perWeek: 2, noShowLimit: 3, noShowWindowDays: 180, noShowBlockDays: 30 },
};

function depsWith(booked: () => (BookedPlace & { hallId: string })[], placesHeld = () => 0) {
  const hallDuty = new InMemoryHallDutyStore(booked);
  const audit = new InMemoryAuditLog();
  /** The slot documents' closed marks (core/hallDuty/slotEdits.ts), as the booking store keeps them. */
  const closed = new Set<string>();
  const slotsWritten: string[] = [];
  const slots = {
    closeSlots: async (plans: readonly SlotPlan[]) => {
      plans.forEach((p) => closed.add(p.slotId));
      slotsWritten.push(...plans.map((p) => p.slotId));
      return placesHeld();
    },
    reopenSlots: async (ids: readonly string[]) => ids.forEach((id) => closed.delete(id)),
  };
  const deps = {
    caller: { openid: 'admin', clientIp: '203.0.113.9' },
    identities: { account: async () => ({ _id: 'admin', role: 'admin', halls: [], consents: [], createdAt: new Date(), updatedAt: new Date() }) },
    guides: { hall: async () => seedHall(HALL) },
    booking: { schedule: async () => schedule, ...slots },
    hallDuty,
    audit,
    calendar: NO_HOLIDAYS,
    clock: fixedClock('2026-12-07T02:00:00Z'),
  } as unknown as BookingDeps;
  return { deps, hallDuty, audit, closed, slotsWritten };
}

const morningOnly = { from: DAY, to: DAY, kind: 'holidayDuty' as const, label: '仅上午办公', sessions: [{ start: '09:00', end: '12:00' }] };
const afternoon: BookedPlace & { hallId: string } = {
  _id: 'a1',
  hallId: HALL,
  date: DAY,
  start: '14:00',
  end: '14:30',
  slotId: `${HALL}:${DAY}:1400`,
  status: 'booked',
  refNumber: '12345678',
};

test('a booking taken between the check and the save: the previous periods are put back and the edit refused, naming it', async () => {
  let reads = 0;
  // The first check sees no booking; by the second, a reserve that read the old hours took 14:00.
  const { deps, hallDuty, audit } = depsWith(() => (reads++ === 0 ? [] : [afternoon]));
  const before = seedHall(HALL).specialHours;
  const refused = await saveSpecialHours.run({ hallId: HALL, entry: morningOnly, expectedVersion: 0 }, deps).catch((e: unknown) => e);
  expect(isDomainError(refused) && refused.code).toBe('HOURS_STRAND_BOOKINGS');
  expect((refused as Error).message).toContain(`${DAY} 14:00 预约号12345678`);
  const stored = await hallDuty.hours(HALL);
  expect(stored?.specialHours).toEqual(before);
  expect(stored?.version).toBe(2);
  expect(audit.entries).toEqual([]);
});

test('without a booking in the way the edit is saved once and audited with before and after', async () => {
  const { deps, hallDuty, audit } = depsWith(() => []);
  const view = await saveSpecialHours.run({ hallId: HALL, entry: morningOnly, expectedVersion: 0 }, deps);
  expect(view.version).toBe(1);
  expect((await hallDuty.hours(HALL))?.specialHours).toContainEqual(morningOnly);
  expect(audit.entries).toEqual([expect.objectContaining({ action: 'hall.saveSpecialHours', hallId: HALL, change: { before: '无', after: `${DAY} 仅上午办公 09:00-12:00` } })]);
});

const afternoonSlots = ['1330', '1400', '1430', '1500', '1530', '1600', '1630'].map((t) => `${HALL}:${DAY}:${t}`);

test('the slots an edit removes are closed on their documents (a reserve planning from older hours is refused by them); deleting the period opens them again', async () => {
  const { deps, closed, slotsWritten } = depsWith(() => []);
  await saveSpecialHours.run({ hallId: HALL, entry: morningOnly, expectedVersion: 0 }, deps);
  expect([...closed].sort()).toEqual(afternoonSlots);
  await deleteSpecialHours.run({ hallId: HALL, from: DAY, expectedVersion: 1 }, deps);
  expect([...closed]).toEqual([]);
  // A date no booker can reach yet (past the next release) is left to the hours read by then.
  const later = { ...morningOnly, from: '2026-12-30', to: '2026-12-30' };
  slotsWritten.length = 0;
  await saveSpecialHours.run({ hallId: HALL, entry: later, expectedVersion: 2 }, deps);
  expect(slotsWritten).toEqual([]);
});

test('a place taken in a removed slot before it was closed (its appointment not stored yet): the edit is put back, slots reopened, and refused', async () => {
  const { deps, hallDuty, closed, audit } = depsWith(
    () => [],
    () => 1,
  );
  const refused = await saveSpecialHours.run({ hallId: HALL, entry: morningOnly, expectedVersion: 0 }, deps).catch((e: unknown) => e);
  expect(isDomainError(refused) && refused.code).toBe('HOURS_STRAND_BOOKINGS');
  expect((await hallDuty.hours(HALL))?.specialHours).toEqual(seedHall(HALL).specialHours);
  expect([...closed]).toEqual([]);
  expect(audit.entries).toEqual([]);
});

test('closing the slots fails halfway: the previous periods are put back and the failure is reported, not a half-applied edit', async () => {
  const { deps, hallDuty, closed } = depsWith(() => []);
  let calls = 0;
  const close = deps.booking.closeSlots.bind(deps.booking);
  deps.booking.closeSlots = async (plans) => {
    if (calls++ === 0) {
      await close(plans.slice(0, 2));
      throw new Error('the database did not answer');
    }
    return close(plans);
  };
  await expect(saveSpecialHours.run({ hallId: HALL, entry: morningOnly, expectedVersion: 0 }, deps)).rejects.toThrow('did not answer');
  expect((await hallDuty.hours(HALL))?.specialHours).toEqual(seedHall(HALL).specialHours);
  expect([...closed]).toEqual([]);
});
