import type { SpecialHours } from '../../../core/guide/Hall';
import type { BookedPlace } from '../../../core/hallDuty/bookingsOutside';
import { dutyDayId, type DutyDay } from '../../../core/hallDuty/DutyDay';
import type { HallHoursDoc } from '../../../core/hallDuty/hallHoursOverlay';
import type { HallDutyStore } from '../../../core/hallDuty/ports';
import type { HallSettings, HallSettingsChange } from '../../../core/hallDuty/HallSettings';

/** Edited hours and duty days in memory; `booked` answers bookedBetween (empty unless given). */
export class InMemoryHallDutyStore implements HallDutyStore {
  readonly docs = new Map<string, HallHoursDoc>();
  readonly days = new Map<string, DutyDay>();
  readonly settingsDocs = new Map<string, HallSettings>();
  constructor(private readonly booked: () => (BookedPlace & { hallId?: string })[] = () => []) {}

  async hours(hallId: string) {
    const d = this.docs.get(hallId);
    return d ? structuredClone(d) : null;
  }

  async saveHours(hallId: string, specialHours: SpecialHours[], expectedVersion: number, by: string, now: Date) {
    if ((this.docs.get(hallId)?.version ?? 0) !== expectedVersion) return false;
    this.docs.set(hallId, { _id: hallId, hallId, specialHours: structuredClone(specialHours), version: expectedVersion + 1, updatedAt: now, updatedBy: by });
    return true;
  }

  async bookedBetween(hallId: string, from: string, to: string, limit: number) {
    return this.booked()
      .filter((a) => a.hallId === hallId && a.status === 'booked' && a.date >= from && a.date <= to)
      .slice(0, limit);
  }

  async dutyDays(hallId: string, from: string, to: string) {
    return [...this.days.values()].filter((d) => d.hallId === hallId && d.date >= from && d.date <= to).sort((a, b) => a.date.localeCompare(b.date));
  }

  async saveDutyDay(day: DutyDay) {
    this.days.set(day._id, structuredClone(day));
  }

  async deleteDutyDay(hallId: string, date: string) {
    return this.days.delete(dutyDayId(hallId, date));
  }

  async settings(hallId: string) {
    const d = this.settingsDocs.get(hallId);
    return d ? structuredClone(d) : null;
  }

  async saveSettings(hallId: string, change: HallSettingsChange, expectedVersion: number, by: string, now: Date) {
    const stored = this.settingsDocs.get(hallId);
    if ((stored?.version ?? 0) !== expectedVersion) return false;
    this.settingsDocs.set(hallId, { ...stored, _id: hallId, hallId, ...change, version: expectedVersion + 1, updatedAt: now, updatedBy: by });
    return true;
  }
}
