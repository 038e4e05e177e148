import type { FunctionResponse } from '../../core/function/envelope';
import type { Appointment } from '../../core/booking/Appointment';
import { HallSchedule } from '../../core/booking/HallSchedule';
import type { BookingStore, SlotState } from '../../core/booking/ports';
import type { RequestState } from '../../core/function/idempotent';
import type { SlotPlan } from '../../core/booking/slots';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { writeLog } from '../log/logLine';

/** Booking data in CloudBase. Every write that guards a limit is a single atomic operation. */
export class CloudbaseBookingStore implements BookingStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  private get _() {
    return this.db.command;
  }

  /** Read on every use (one small document), so a change of a hall's schedule applies at once. */
  async schedule(hallId: string): Promise<HallSchedule | null> {
    const doc = await getDoc<unknown>(this.db, 'hall_schedules', hallId);
    const parsed = doc ? HallSchedule.safeParse(doc) : undefined;
    if (parsed && !parsed.success) writeLog({ fn: 'appointment', outcome: 'failed', error: `invalid schedule of hall ${hallId}` });
    return parsed?.success ? parsed.data : null;
  }

  async slots(hallId: string, date: string): Promise<SlotState[]> {
    const res = await this.db.collection('slots').where({ hallId, date }).limit(1000).get();
    return (res.data ?? []) as SlotState[];
  }

  private async createSlot(plan: SlotPlan): Promise<void> {
    try {
      await this.db.collection('slots').add({ _id: plan.slotId, hallId: plan.hallId, date: plan.date, start: plan.start, end: plan.end, capacity: plan.capacity, booked: 0 });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }

  /**
   * One conditional update takes a place only while `booked` is below the plan's capacity. The
   * slot document is created on the first booking of the slot (a racing creator is harmless).
   */
  async takePlace(plan: SlotPlan): Promise<boolean> {
    const take = () =>
      this.db
        .collection('slots')
        .where({ _id: plan.slotId, booked: this._.lt(plan.capacity) })
        .update({ booked: this._.inc(1), capacity: plan.capacity, lastTakenAt: new Date(this.now()) });
    if ((await take()).updated === 1) return true;
    if (await getDoc<SlotState>(this.db, 'slots', plan.slotId)) return false;
    await this.createSlot(plan);
    return (await take()).updated === 1;
  }

  async releasePlace(slotId: string): Promise<void> {
    await this.db.collection('slots').where({ _id: slotId, booked: this._.gt(0) }).update({ booked: this._.inc(-1) });
  }

  async quietSlots(fromDate: string, quietSince: Date, limit: number): Promise<SlotState[]> {
    const res = await this.db
      .collection('slots')
      .where({ date: this._.gte(fromDate), booked: this._.gt(0), lastTakenAt: this._.lt(quietSince) })
      .limit(limit)
      .get();
    return (res.data ?? []) as SlotState[];
  }

  async countHolding(slotId: string): Promise<number> {
    const res = await this.db.collection('appointments').where({ slotId, status: this._.in(['booked', 'checkedIn']) }).count();
    return res.total ?? 0;
  }

  async correctPlaces(slotId: string, from: number, to: number): Promise<boolean> {
    const res = await this.db.collection('slots').where({ _id: slotId, booked: from }).update({ booked: to });
    return res.updated === 1;
  }

  async orphanClaims(before: Date, limit: number): Promise<string[]> {
    const res = await this.db.collection('booking_claims').where({ at: this._.lt(before) }).orderBy('at', 'desc').limit(limit).get();
    const claims = (res.data ?? []) as Array<{ _id: string; appointmentId: string }>;
    if (!claims.length) return [];
    const ids = [...new Set(claims.map((c) => c.appointmentId))];
    const found = await this.db.collection('appointments').where({ _id: this._.in(ids) }).field({ _id: true }).limit(1000).get();
    const existing = new Set(((found.data ?? []) as Array<{ _id: string }>).map((a) => a._id));
    return claims.filter((c) => !existing.has(c.appointmentId)).map((c) => c._id);
  }

  async takeClaim(id: string, appointmentId: string): Promise<boolean> {
    try {
      await this.db.collection('booking_claims').add({ _id: id, appointmentId, at: new Date(this.now()) });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async releaseClaims(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.db.collection('booking_claims').where({ _id: this._.in([...ids]) }).remove();
  }

  async addAppointment(a: Appointment): Promise<void> {
    await this.db.collection('appointments').add(a);
  }

  appointment(id: string) {
    return getDoc<Appointment>(this.db, 'appointments', id);
  }

  async changeStatus(id: string, from: Appointment['status'], changes: Partial<Appointment>): Promise<boolean> {
    const res = await this.db.collection('appointments').where({ _id: id, status: from }).update(changes);
    return res.updated === 1;
  }

  async appointmentsOf(actorOpenid: string, limit: number): Promise<Appointment[]> {
    const res = await this.db.collection('appointments').where({ actorOpenid }).orderBy('createdAt', 'desc').limit(limit).get();
    return (res.data ?? []) as Appointment[];
  }

  async noShowDates(subjectIdIndex: string, since: string): Promise<string[]> {
    const res = await this.db.collection('appointments').where({ subjectIdIndex, status: 'noShow', date: this._.gt(since) }).field({ date: true }).limit(100).get();
    return ((res.data ?? []) as Array<{ date: string }>).map((a) => a.date);
  }

  async appointmentsOfHall(hallId: string, from: string, to: string): Promise<Appointment[]> {
    const res = await this.db
      .collection('appointments')
      .where({ hallId, date: this._.gte(from).and(this._.lte(to)) })
      .orderBy('date', 'asc')
      .orderBy('start', 'asc')
      .limit(1000)
      .get();
    return (res.data ?? []) as Appointment[];
  }

  /** Atomic increment of the day's counter; the first check-in of a day creates it. */
  async nextQueueNumber(hallId: string, date: string): Promise<number> {
    const id = `${hallId}:${date}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.db.collection('queue_counters').where({ _id: id }).updateAndReturn({ next: this._.inc(1) });
      const doc = (res as { doc?: { next?: number } | null }).doc;
      if (res.updated === 1 && doc?.next !== undefined) return doc.next;
      try {
        await this.db.collection('queue_counters').add({ _id: id, next: 1 });
        return 1;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw new Error('could not take a queue number');
  }

  async bookedBefore(date: string, limit: number): Promise<Appointment[]> {
    const res = await this.db.collection('appointments').where({ status: 'booked', date: this._.lt(date) }).orderBy('date', 'asc').limit(limit).get();
    return (res.data ?? []) as Appointment[];
  }

  async unremindedOn(date: string, limit: number): Promise<Appointment[]> {
    const res = await this.db.collection('appointments').where({ status: 'booked', date, remindedAt: this._.exists(false) }).limit(limit).get();
    return (res.data ?? []) as Appointment[];
  }

  async beginRequest(key: string): Promise<RequestState> {
    try {
      await this.db.collection('booking_requests').add({ _id: key, state: 'pending', createdAt: new Date(this.now()) });
      return { state: 'new' };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const existing = await getDoc<{ state: string; response?: FunctionResponse<unknown> }>(this.db, 'booking_requests', key);
    if (existing?.state === 'done' && existing.response) return { state: 'done', response: existing.response };
    return { state: 'pending' };
  }

  async finishRequest(key: string, response: FunctionResponse<unknown>): Promise<void> {
    await this.db.collection('booking_requests').doc(key).update({ state: 'done', response });
  }

  async abandonRequest(key: string): Promise<void> {
    await this.db.collection('booking_requests').doc(key).remove();
  }
}
