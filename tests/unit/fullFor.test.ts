/**
 * The "is it full?" check before claims (core/booking/fullFor.ts) only refuses where the guard
 * itself, the conditional update of takePlace (`booked < capacity`, holder not among the holders),
 * would refuse on the same stored state: so on any state it never changes an outcome.
 */
import fc from 'fast-check';
import { fullFor } from '../../core/booking/fullFor';
import type { SlotState } from '../../core/booking/ports';

/** What CloudbaseBookingStore.takePlace answers on a stored state (the conditional update, or "already holds"). */
function takePlaceAnswers(stored: SlotState | null, capacity: number, holder: string): boolean {
  if (!stored) return capacity > 0;
  if (stored.holders?.includes(holder)) return true;
  return stored.booked < capacity;
}

const holderIds = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const slotState = fc.option(
  fc.record({
    booked: fc.integer({ min: 0, max: 8 }),
    capacity: fc.integer({ min: 0, max: 8 }),
    holders: fc.option(fc.uniqueArray(holderIds, { maxLength: 5 }), { nil: undefined }),
  }),
  { nil: null },
);

const toState = (s: { booked: number; capacity: number; holders?: string[] } | null): SlotState | null =>
  s && { _id: 'h:2026-12-09:0900', hallId: 'h', date: '2026-12-09', start: '09:00', end: '09:30', ...s, ...(s.holders ? { booked: s.holders.length } : {}) };

test('refuses exactly where the conditional update would take nothing for that holder (any stored state, any plan capacity)', () => {
  fc.assert(
    fc.property(slotState, fc.integer({ min: 1, max: 8 }), holderIds, (s, capacity, holder) => {
      const stored = toState(s);
      expect(fullFor(stored, { capacity }, holder)).toBe(!takePlaceAnswers(stored, capacity, holder));
    }),
  );
});

test('a slot not stored yet is never full; a holder of a place in a full slot goes on (a retry of its own booking)', () => {
  expect(fullFor(null, { capacity: 1 }, 'a')).toBe(false);
  const full = toState({ booked: 2, capacity: 2, holders: ['a', 'b'] });
  expect(fullFor(full, { capacity: 2 }, 'a')).toBe(false);
  expect(fullFor(full, { capacity: 2 }, 'c')).toBe(true);
  // The plan's capacity counts, not the stored one: a schedule that grew opens places at once.
  expect(fullFor(full, { capacity: 3 }, 'c')).toBe(false);
});
