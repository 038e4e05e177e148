import fc from 'fast-check';
import { hallLines } from '../../core/waitlist/hallLines';
import { HOLD_MINUTES, holdMinutesOf, holdMinutesProblem } from '../../core/waitlist/holdTime';
import { hallHoldMinutes } from '../../core/waitlist/offerPlace';

describe('the hold time a hall sets', () => {
  test('10 to 120 whole minutes; 30 until the lead sets one', () => {
    expect(holdMinutesProblem(10)).toBeUndefined();
    expect(holdMinutesProblem(120)).toBeUndefined();
    for (const bad of [9, 121, 30.5, Number.NaN]) expect(holdMinutesProblem(bad)).toMatch(/10至120分钟/);
    expect(holdMinutesOf(null)).toBe(HOLD_MINUTES.byDefault);
    expect(holdMinutesOf({ waitlistHoldMinutes: 45 })).toBe(45);
  });

  test('read once per hall in one call, only when asked (nobody waiting: no read)', async () => {
    const reads: string[] = [];
    const settings = async (hallId: string) => (
      reads.push(hallId),
      hallId === 'a' ? { _id: 'a', hallId: 'a', waitlistHoldMinutes: 45, version: 1, updatedAt: new Date(), updatedBy: 'o' } : null
    );
    const minutes = hallHoldMinutes({ hallDuty: { settings } });
    expect(reads).toEqual([]);
    expect([await minutes('a'), await minutes('a'), await minutes('b')]).toEqual([45, 45, 30]);
    expect(reads).toEqual(['a', 'b']);
    expect(await hallHoldMinutes({})('a')).toBe(30);
  });
});

describe("the hall's view of its waiting lists", () => {
  const entry = fc.record({
    date: fc.constantFrom('2026-03-03', '2026-03-04', '2026-03-05'),
    business: fc.constantFrom('id-card-renewal', 'household-certificate'),
    state: fc.constantFrom('waiting', 'offered', 'booked', 'lapsed', 'left') as fc.Arbitrary<'waiting' | 'offered' | 'booked' | 'lapsed' | 'left'>,
  });
  test('property: every open entry counted once, in its line; closed ones not at all; lines by date, then business', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const lines = hallLines(entries);
        for (const l of lines) {
          const mine = entries.filter((e) => e.date === l.date && e.business === l.business);
          expect(l.waiting).toBe(mine.filter((e) => e.state === 'waiting').length);
          expect(l.offered).toBe(mine.filter((e) => e.state === 'offered').length);
          expect(l.waiting + l.offered).toBeGreaterThan(0);
        }
        expect(lines.reduce((n, l) => n + l.waiting + l.offered, 0)).toBe(entries.filter((e) => e.state === 'waiting' || e.state === 'offered').length);
        const keys = lines.map((l) => `${l.date} ${l.business}`);
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });
});
