/**
 * Contract: the hall's own documents (edited hours `hall_hours`, settings `hall_settings`) against the
 * emulator through the real SDK, and the same answers from the in-memory stand-in: created at version
 * 1, then changed only on the version seen; of two saves on one version exactly one applies.
 */
import type { HallDutyStore } from '../../core/hallDuty/ports';
import { CloudbaseHallDutyStore } from '../../server/hallDuty/CloudbaseHallDutyStore';
import { InMemoryHallDutyStore } from '../unit/support/InMemoryHallDutyStore';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

let e: EmulatedDatabase;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

const NOW = new Date('2026-12-01T02:00:00Z');

describe.each([
  ['CloudBase (emulator)', () => new CloudbaseHallDutyStore(e.db) as HallDutyStore],
  ['in memory', () => new InMemoryHallDutyStore() as HallDutyStore],
])('the hall duty store: %s', (_name, make) => {
  test('settings: none, then created at version 1, then changed only on the version seen; one of two racing saves wins', async () => {
    const store = make();
    expect(await store.settings('hall-a')).toBeNull();
    expect(await store.saveSettings('hall-a', { waitlistHoldMinutes: 45 }, 0, 'o-lead', NOW)).toBe(true);
    expect(await store.saveSettings('hall-a', { waitlistHoldMinutes: 50 }, 0, 'o-other', NOW)).toBe(false);
    expect(await store.settings('hall-a')).toMatchObject({ _id: 'hall-a', hallId: 'hall-a', waitlistHoldMinutes: 45, version: 1, updatedBy: 'o-lead', updatedAt: NOW });
    const raced = await Promise.all([20, 25].map((m) => store.saveSettings('hall-a', { waitlistHoldMinutes: m }, 1, 'o-lead', NOW)));
    expect(raced.filter(Boolean)).toHaveLength(1);
    const after = (await store.settings('hall-a'))!;
    expect(after.version).toBe(2);
    expect([20, 25]).toContain(after.waitlistHoldMinutes);
    expect(await store.settings('hall-b')).toBeNull();
  });

  test('edited hours keep their compare-and-set beside the settings (one document each)', async () => {
    const store = make();
    const closed = [{ from: '2026-12-24', to: '2026-12-24', kind: 'closed' as const, label: '临时闭厅', sessions: [] }];
    expect(await store.saveHours('hall-a', closed, 0, 'o-lead', NOW)).toBe(true);
    expect(await store.saveHours('hall-a', [], 0, 'o-lead', NOW)).toBe(false);
    expect(await store.saveHours('hall-a', [], 1, 'o-lead', NOW)).toBe(true);
    expect(await store.hours('hall-a')).toMatchObject({ specialHours: [], version: 2 });
    expect(await store.settings('hall-a')).toBeNull();
  });
});
