import type { SpecialHours } from '../../core/guide/Hall';
import type { BookedPlace } from '../../core/hallDuty/bookingsOutside';
import { dutyDayId, type DutyDay } from '../../core/hallDuty/DutyDay';
import type { HallHoursDoc } from '../../core/hallDuty/hallHoursOverlay';
import type { HallDutyStore } from '../../core/hallDuty/ports';
import type { HallSettings, HallSettingsChange } from '../../core/hallDuty/HallSettings';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey, putDoc } from '../cloudbase/documents';

/** Edited hours (`hall_hours`, one document per hall), duty days (`duty_rosters`) and the hall's settings (`hall_settings`) in CloudBase. */
export class CloudbaseHallDutyStore implements HallDutyStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  hours(hallId: string): Promise<HallHoursDoc | null> {
    return getDoc<HallHoursDoc>(this.db, 'hall_hours', hallId);
  }

  saveHours(hallId: string, specialHours: SpecialHours[], expectedVersion: number, by: string, now: Date): Promise<boolean> {
    return this.saveVersioned('hall_hours', hallId, { specialHours }, { specialHours: this._.set(specialHours) }, expectedVersion, by, now);
  }

  async settings(hallId: string): Promise<HallSettings | null> {
    const doc = await getDoc<HallSettings>(this.db, 'hall_settings', hallId);
    return doc && { ...doc, updatedAt: new Date(doc.updatedAt) };
  }

  saveSettings(hallId: string, change: HallSettingsChange, expectedVersion: number, by: string, now: Date): Promise<boolean> {
    return this.saveVersioned('hall_settings', hallId, change, change, expectedVersion, by, now);
  }

  /**
   * The hall's one document in `collection`, created at version 1 (a second creator meets the
   * duplicate id) or changed only while the stored version is still `expectedVersion`. `update` is
   * `fields` as the update writes them (arrays set whole).
   */
  private async saveVersioned(collection: string, hallId: string, fields: object, update: object, expectedVersion: number, by: string, now: Date): Promise<boolean> {
    const stamp = { version: expectedVersion + 1, updatedAt: now, updatedBy: by };
    if (expectedVersion === 0) {
      try {
        await this.db.collection(collection).add({ _id: hallId, hallId, ...fields, ...stamp });
        return true;
      } catch (e) {
        if (isDuplicateKey(e)) return false;
        throw e;
      }
    }
    const res = await this.db
      .collection(collection)
      .where({ _id: hallId, version: expectedVersion })
      .update({ ...update, ...stamp });
    return res.updated === 1;
  }

  async bookedBetween(hallId: string, from: string, to: string, limit: number): Promise<BookedPlace[]> {
    const res = await this.db
      .collection('appointments')
      .where({ hallId, date: this._.gte(from).and(this._.lte(to)), status: 'booked' })
      .field({ date: true, start: true, end: true, slotId: true, status: true, refNumber: true })
      .orderBy('date', 'asc')
      .orderBy('start', 'asc')
      .limit(limit)
      .get();
    return (res.data ?? []) as BookedPlace[];
  }

  async dutyDays(hallId: string, from: string, to: string): Promise<DutyDay[]> {
    const res = await this.db
      .collection('duty_rosters')
      .where({ hallId, date: this._.gte(from).and(this._.lte(to)) })
      .orderBy('date', 'asc')
      .limit(100)
      .get();
    return (res.data ?? []) as DutyDay[];
  }

  saveDutyDay(day: DutyDay): Promise<void> {
    return putDoc(this.db, 'duty_rosters', day);
  }

  async deleteDutyDay(hallId: string, date: string): Promise<boolean> {
    const res = await this.db.collection('duty_rosters').doc(dutyDayId(hallId, date)).remove();
    return (res as { deleted?: number }).deleted === 1;
  }
}
