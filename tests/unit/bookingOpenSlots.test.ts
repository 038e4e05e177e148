/**
 * The openSlots timer: the slots of the day a hall releases within the next two hours are created
 * empty beforehand, so the release-time burst's first bookers take a place with one conditional
 * update instead of each racing to create the slot (an extra request each).
 */
import { ID_CARD, bookingWorld, storeProblems } from './support/bookingWorld';

/** A Shanghai wall-clock time as an instant. */
const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

it('creates the empty slots of the day released within two hours, once; the first booker then takes a place with one update', async () => {
  const w = bookingWorld();
  // 23:00 on Monday 23 November: Tuesday 1 December is released at midnight (7 days ahead at 00:00).
  w.clock.set(at('2026-11-23', '23:00'));
  const plans = w.slotsOf('2026-12-01');
  expect(plans.length).toBeGreaterThan(0);
  expect(await w.ok(undefined, 'openSlots')).toEqual({ halls: 1, slotsCreated: plans.length });
  for (const p of plans) expect(w.booking.slotDocs.get(p.slotId)).toMatchObject({ booked: 0, holders: [], capacity: p.capacity });
  expect(await w.ok(undefined, 'openSlots')).toEqual({ halls: 1, slotsCreated: 0 });

  w.clock.set(at('2026-11-24', '00:00'));
  const before = w.booking.ops.length;
  const r = await w.reserve('o-a', plans[0]!, ID_CARD);
  expect(r.ok).toBe(true);
  const ops = w.booking.ops.slice(before);
  expect(ops.filter((o) => o.startsWith('slots.'))).toEqual(['slots.get', 'slots.takePlace']);
  expect(storeProblems(w.booking)).toEqual([]);
});

it('leaves a stored slot as it is (its bookings kept) and creates only the missing ones', async () => {
  const w = bookingWorld();
  w.clock.set(at('2026-11-24', '00:01'));
  const plans = w.slotsOf('2026-12-01');
  expect((await w.reserve('o-a', plans[1]!, ID_CARD)).ok).toBe(true);
  // Later that day (within two hours of nothing new): the newest day, released already, is completed.
  expect(await w.ok(undefined, 'openSlots')).toEqual({ halls: 1, slotsCreated: plans.length - 1 });
  expect(w.booking.slotDocs.get(plans[1]!.slotId)).toMatchObject({ booked: 1 });
  expect(storeProblems(w.booking)).toEqual([]);
});
