import fc from 'fast-check';
import { ASSISTED_COUNTED, assistedByOfficer } from '../../core/statistics/assistedReport';

test('one row per officer, each act in its column, most bookings first; other audit codes are left out', () => {
  const rows = assistedByOfficer({
    byOfficer: [
      { officerOpenid: 'o1', action: 'assisted.open', count: 4 },
      { officerOpenid: 'o1', action: 'assisted.reserve', count: 1 },
      { officerOpenid: 'o2', action: 'assisted.reserve', count: 3 },
      { officerOpenid: 'o2', action: 'assisted.cancel', count: 1 },
      { officerOpenid: 'o2', action: 'assisted.close', count: 2 },
      { officerOpenid: 'o3', action: 'appointment.checkIn', count: 9 },
    ],
  });
  expect(rows).toEqual([
    { officerOpenid: 'o2', opened: 0, confirmed: 0, failed: 0, reserved: 3, cancelled: 1, rescheduled: 0, reissued: 0, materials: 0 },
    { officerOpenid: 'o1', opened: 4, confirmed: 0, failed: 0, reserved: 1, cancelled: 0, rescheduled: 0, reissued: 0, materials: 0 },
  ]);
});

test('every counted act is kept: the columns add up to the counts given', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ officerOpenid: fc.constantFrom('a', 'b', 'c'), action: fc.constantFrom(...ASSISTED_COUNTED), count: fc.integer({ min: 1, max: 50 }) })),
      (byOfficer) => {
        const rows = assistedByOfficer({ byOfficer });
        const total = rows.reduce((n, r) => n + r.opened + r.confirmed + r.failed + r.reserved + r.cancelled + r.rescheduled + r.reissued + r.materials, 0);
        expect(total).toBe(byOfficer.reduce((n, r) => n + r.count, 0));
        expect(new Set(rows.map((r) => r.officerOpenid)).size).toBe(rows.length);
      },
    ),
  );
});
