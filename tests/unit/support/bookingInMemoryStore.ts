/**
 * Test double of the BookingStore port with the semantics of server/booking/CloudbaseBookingStore.ts,
 * one database operation at a time:
 * - every operation the CloudBase store sends to the database is one atomic step here (a
 *   conditional update, an insert that fails on a duplicate id, a read, a filtered remove), made in
 *   the same order, with the same fallbacks (a missed take reads the slot, creates it, tries again;
 *   a duplicate claim is read back and an orphan taken over by compare-and-set);
 * - before each step it awaits `turn(label)`: a fast-check scheduler passed there decides which
 *   pending operation of which concurrent request runs next, so a test can explore interleavings;
 * - documents are copied in and out, as a database round trip does (Dates stay Dates).
 */
import type { Appointment } from '../../../core/booking/Appointment';
import type { HallSchedule } from '../../../core/booking/HallSchedule';
import { NUMBER_TAKEN, type BookingStore, type ClaimRef, type Page, type PlaceHold, type SlotState } from '../../../core/booking/ports';
import type { SlotPlan } from '../../../core/booking/slots';
import { ORPHAN_CLAIM_AFTER_MS } from '../../../server/booking/CloudbaseBookingStore';

/** A slot as it is first stored: no place taken (as server/booking/CloudbaseBookingStore.ts stores it). */
export function emptySlot(plan: SlotPlan): SlotState {
  return { _id: plan.slotId, hallId: plan.hallId, date: plan.date, start: plan.start, end: plan.end, capacity: plan.capacity, booked: 0, holders: [] };
}

const copy = <T>(value: T): T => structuredClone(value);

function duplicateKey(collection: string): Error {
  return Object.assign(new Error(`E11000 duplicate key in ${collection}`), { code: 'DATABASE_DUPLICATE_WRITE' });
}

export interface StoredClaim {
  appointmentId: string;
  at: Date;
}

/** Waits for the operation's turn; the default runs every operation at once. */
export type Turn = (label: string) => Promise<void>;

export class InMemoryBookingStore implements BookingStore {
  readonly schedules = new Map<string, HallSchedule>();
  readonly slotDocs = new Map<string, SlotState>();
  readonly claims = new Map<string, StoredClaim>();
  readonly appointments = new Map<string, Appointment>();
  readonly queueCounters = new Map<string, number>();
  /** Database operations run, by label (e.g. to see that a path took one conditional update). */
  readonly ops: string[] = [];

  constructor(
    private readonly now: () => number,
    private readonly turn: Turn = async () => {},
  ) {}

  /** One database operation: waits for its turn, then applies atomically (nothing else runs meanwhile). */
  protected async op<T>(label: string, apply: () => T): Promise<T> {
    await this.turn(label);
    this.ops.push(label);
    return apply();
  }

  async schedule(hallId: string) {
    return this.op('schedule.get', () => {
      const s = this.schedules.get(hallId);
      return s ? copy(s) : null;
    });
  }

  async slots(hallId: string, date: string) {
    return this.op('slots.get', () =>
      [...this.slotDocs.values()]
        .filter((s) => s.hallId === hallId && s.date === date)
        .slice(0, 1000)
        .map(copy),
    );
  }

  async slot(slotId: string) {
    return this.op('slots.get', () => {
      const s = this.slotDocs.get(slotId);
      return s ? copy(s) : null;
    });
  }

  private createSlot(plan: SlotPlan) {
    return this.op('slots.add', () => {
      if (this.slotDocs.has(plan.slotId)) return false; // a duplicate key: a racing creator, harmless
      this.slotDocs.set(plan.slotId, emptySlot(plan));
      return true;
    });
  }

  async openSlots(plans: readonly SlotPlan[]) {
    const first = plans[0];
    if (!first) return 0;
    const stored = new Set((await this.slots(first.hallId, first.date)).map((s) => s._id));
    let created = 0;
    for (const plan of plans) if (!stored.has(plan.slotId) && (await this.createSlot(plan))) created++;
    return created;
  }

  async takePlace(plan: SlotPlan, holder: string, readBefore?: SlotState | null, forDraw = false): Promise<boolean> {
    // where({ _id, booked < capacity, holders != holder }).update({ booked + 1, holders push, capacity, lastTakenAt })
    const take = () =>
      this.op('slots.takePlace', () => {
        const s = this.slotDocs.get(plan.slotId);
        if (!s || !(s.booked < plan.capacity) || s.holders?.includes(holder) || s.closed === true || (s.releaseDraw === true && !forDraw)) return false;
        s.booked += 1;
        s.holders = [...(s.holders ?? []), holder];
        s.capacity = plan.capacity;
        s.lastTakenAt = new Date(this.now());
        return true;
      });
    if (readBefore === null) await this.createSlot(plan);
    if (await take()) return true;
    const stored = await this.op('slots.get', () => {
      const s = this.slotDocs.get(plan.slotId);
      return s ? copy(s) : null;
    });
    if (stored?.holders?.includes(holder)) {
      await this.op('slots.touch', () => {
        const s = this.slotDocs.get(plan.slotId);
        if (s?.holders?.includes(holder)) s.lastTakenAt = new Date(this.now());
      });
      return true;
    }
    if (!stored) await this.createSlot(plan);
    else if (stored.booked >= plan.capacity || stored.closed || (stored.releaseDraw && !forDraw)) return false;
    if (await take()) return true;
    return this.op('slots.get', () => Boolean(this.slotDocs.get(plan.slotId)?.holders?.includes(holder)));
  }

  async markReleaseDraw(plans: readonly SlotPlan[]) {
    await this.op('slots.markReleaseDraw', () => {
      for (const plan of plans) {
        const s = this.slotDocs.get(plan.slotId);
        if (s) s.releaseDraw = true;
        else this.slotDocs.set(plan.slotId, { ...emptySlot(plan), releaseDraw: true });
      }
    });
  }

  async endReleaseDraw(hallId: string, date: string) {
    await this.op('slots.endReleaseDraw', () => {
      for (const s of this.slotDocs.values()) if (s.hallId === hallId && s.date === date && s.releaseDraw) s.releaseDraw = false;
    });
  }

  async closeSlots(plans: readonly SlotPlan[]) {
    return this.op('slots.close', () => {
      let held = 0;
      for (const plan of plans) {
        const s = this.slotDocs.get(plan.slotId);
        if (s) s.closed = true;
        else this.slotDocs.set(plan.slotId, { ...emptySlot(plan), closed: true });
        held += this.slotDocs.get(plan.slotId)!.booked;
      }
      return held;
    });
  }

  async reopenSlots(slotIds: readonly string[]) {
    return this.op('slots.reopen', () => {
      for (const id of slotIds) {
        const s = this.slotDocs.get(id);
        if (s?.closed) s.closed = false;
      }
    });
  }

  async offerPlace(slotId: string, appointmentId: string, holdId: string, hold: PlaceHold) {
    return this.op('slots.offerPlace', () => {
      const s = this.slotDocs.get(slotId);
      if (s?.holders?.includes(appointmentId)) {
        s.holders = s.holders.filter((h) => h !== appointmentId);
        s.holds = { ...s.holds, [holdId]: { ...hold } };
      }
      return Boolean(s?.holds?.[holdId]);
    });
  }

  async passHold(slotId: string, fromHoldId: string, toHoldId: string, hold: PlaceHold) {
    return this.op('slots.passHold', () => {
      const s = this.slotDocs.get(slotId);
      if (s?.holds?.[fromHoldId]) {
        const { [fromHoldId]: _passed, ...rest } = s.holds;
        s.holds = { ...rest, [toHoldId]: { ...hold } };
      }
      return Boolean(s?.holds?.[toHoldId]);
    });
  }

  async acceptHold(slotId: string, holdId: string, appointmentId: string) {
    return this.op('slots.acceptHold', () => {
      const s = this.slotDocs.get(slotId);
      if (s?.holds?.[holdId] && !s.holders?.includes(appointmentId)) {
        const { [holdId]: _accepted, ...rest } = s.holds;
        s.holds = rest;
        s.holders = [...(s.holders ?? []), appointmentId];
        s.lastTakenAt = new Date(this.now());
      }
      return Boolean(s?.holders?.includes(appointmentId));
    });
  }

  async returnHold(slotId: string, holdId: string) {
    return this.op('slots.returnHold', () => {
      const s = this.slotDocs.get(slotId);
      if (!s?.holds?.[holdId] || !(s.booked > 0)) return false;
      const { [holdId]: _returned, ...rest } = s.holds;
      s.holds = rest;
      s.booked -= 1;
      return true;
    });
  }

  async releasePlace(slotId: string, holder: string) {
    return this.op('slots.releasePlace', () => {
      const s = this.slotDocs.get(slotId);
      if (!s || !s.holders?.includes(holder) || !(s.booked > 0)) return false;
      s.booked -= 1;
      s.holders = s.holders.filter((h) => h !== holder);
      return true;
    });
  }

  async quietSlots(fromDate: string, quietSince: Date, limit: number) {
    return this.op('slots.quiet', () =>
      [...this.slotDocs.values()]
        .filter((s) => s.date >= fromDate && s.booked > 0 && s.lastTakenAt !== undefined && s.lastTakenAt.getTime() < quietSince.getTime())
        .sort((a, b) => (a._id < b._id ? -1 : 1))
        .slice(0, limit)
        .map(copy),
    );
  }

  async holdingIn(slotId: string) {
    return this.op('appointments.holding', () =>
      [...this.appointments.values()]
        .filter((a) => a.slotId === slotId && ['booked', 'checkedIn', 'noShow'].includes(a.status))
        .map((a) => a._id)
        .sort(),
    );
  }

  async correctPlaces(slotId: string, from: number, to: number) {
    return this.op('slots.correct', () => {
      const s = this.slotDocs.get(slotId);
      if (!s || s.booked !== from || s.holders !== undefined) return false;
      s.booked = to;
      return true;
    });
  }

  async staleClaims(before: Date, limit: number): Promise<ClaimRef[]> {
    return this.op('claims.stale', () => {
      const stale: ClaimRef[] = [];
      const old = [...this.claims.entries()]
        .filter(([id, c]) => c.at.getTime() < before.getTime() && !id.startsWith('cancel:'))
        .sort(([ia, a], [ib, b]) => a.at.getTime() - b.at.getTime() || (ia < ib ? -1 : 1));
      for (const [id, c] of old) {
        const s = this.appointments.get(c.appointmentId)?.status;
        if (s === undefined || s === 'cancelled' || (s !== 'booked' && id.startsWith('active:'))) stale.push({ id, appointmentId: c.appointmentId });
      }
      return stale.slice(0, limit);
    });
  }

  claimHolder(id: string) {
    return this.op('claims.get', () => this.claims.get(id)?.appointmentId ?? null);
  }

  async takeClaim(id: string, appointmentId: string, again = true): Promise<boolean> {
    const added = await this.op('claims.add', () => {
      if (this.claims.has(id)) return false;
      this.claims.set(id, { appointmentId, at: new Date(this.now()) });
      return true;
    });
    if (added) return true;
    const held = await this.op('claims.get', () => {
      const c = this.claims.get(id);
      return c ? copy(c) : null;
    });
    if (!held) return again ? this.takeClaim(id, appointmentId, false) : false;
    if (held.appointmentId === appointmentId) return true;
    // An orphan (older than any run, its appointment never stored) is taken over by compare-and-set.
    if (this.now() - held.at.getTime() < ORPHAN_CLAIM_AFTER_MS) return false;
    if (await this.appointment(held.appointmentId)) return false;
    return this.op('claims.takeOver', () => {
      const c = this.claims.get(id);
      if (!c || c.appointmentId !== held.appointmentId) return false;
      this.claims.set(id, { appointmentId, at: new Date(this.now()) });
      return true;
    });
  }

  /** As the emulator's multi-document insert: in order, stopping at the first id that exists (MongoDB's ordered insertMany). */
  async takeClaims(ids: readonly string[], appointmentId: string): Promise<boolean> {
    if (!ids.length) return true;
    return this.op('claims.addMany', () => {
      for (const id of ids) {
        if (this.claims.has(id)) return false;
        this.claims.set(id, { appointmentId, at: new Date(this.now()) });
      }
      return true;
    });
  }

  async releaseClaims(ids: readonly string[], appointmentId: string) {
    if (!ids.length) return;
    await this.op('claims.remove', () => {
      for (const id of ids) if (this.claims.get(id)?.appointmentId === appointmentId) this.claims.delete(id);
    });
  }

  async transferClaims(ids: readonly string[], from: string, to: string) {
    if (!ids.length) return;
    await this.op('claims.transfer', () => {
      for (const id of ids) {
        const c = this.claims.get(id);
        if (c?.appointmentId === from) c.appointmentId = to;
      }
    });
  }

  /** As the database: `_id` and (hallId, refNumber) are unique (a missing number counts as null). */
  async addAppointment(a: Appointment) {
    const added = await this.op('appointments.add', () => {
      if (this.appointments.has(a._id)) return false;
      for (const other of this.appointments.values()) if (other.hallId === a.hallId && (other.refNumber ?? null) === (a.refNumber ?? null)) return false;
      this.appointments.set(a._id, copy(a));
      return true;
    });
    if (added) return null;
    const stored = await this.appointment(a._id);
    if (!stored && a.refNumber !== undefined) return NUMBER_TAKEN;
    if (!stored || stored.actorOpenid !== a.actorOpenid || stored.slotId !== a.slotId) throw duplicateKey('appointments');
    return stored;
  }

  async appointmentByNumber(hallId: string, refNumber: string) {
    return this.op('appointments.byNumber', () => {
      const a = [...this.appointments.values()].find((x) => x.hallId === hallId && x.refNumber === refNumber);
      return a ? copy(a) : null;
    });
  }

  async appointment(id: string) {
    return this.op('appointments.get', () => {
      const a = this.appointments.get(id);
      return a ? copy(a) : null;
    });
  }

  async changeStatus(id: string, from: Appointment['status'], changes: Partial<Appointment>) {
    return this.op('appointments.changeStatus', () => {
      const a = this.appointments.get(id);
      if (!a || a.status !== from) return false;
      Object.assign(a, copy(changes));
      return true;
    });
  }

  async appointmentsOf(owners: string | readonly string[], limit: number, cursor?: string): Promise<Page<Appointment>> {
    return this.op('appointments.of', () => {
      const after = cursor ? decodeCursor(cursor) : undefined;
      const docs = [...this.appointments.values()]
        .filter((a) => (typeof owners === 'string' ? a.actorOpenid === owners : owners.includes(a.actorOpenid)))
        .filter((a) => !after || a.createdAt.getTime() < after.at || (a.createdAt.getTime() === after.at && a._id < after.id))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
        .slice(0, limit + 1)
        .map(copy);
      const items = docs.slice(0, limit);
      const last = items[items.length - 1];
      return docs.length > limit && last ? { items, next: encodeCursor(last.createdAt.getTime(), last._id) } : { items };
    });
  }

  async noShowDates(subjectIdIndex: string, since: string) {
    return this.op('appointments.noShows', () =>
      [...this.appointments.values()]
        .filter((a) => a.subjectIdIndex === subjectIdIndex && a.status === 'noShow' && a.date > since)
        .slice(0, 100)
        .map((a) => a.date),
    );
  }

  async appointmentsOfHallDay(hallId: string, date: string, statuses: readonly Appointment['status'][], limit: number, cursor?: string): Promise<Page<Appointment>> {
    return this.op('appointments.hallDay', () => {
      const [afterStart, afterId] = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]) : [];
      const docs = [...this.appointments.values()]
        .filter((a) => a.hallId === hallId && a.date === date && statuses.includes(a.status))
        .filter((a) => afterStart === undefined || a.start > afterStart || (a.start === afterStart && a._id > afterId!))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a._id < b._id ? -1 : 1))
        .slice(0, limit + 1)
        .map(copy);
      const items = docs.slice(0, limit);
      const last = items[items.length - 1];
      return docs.length > limit && last ? { items, next: Buffer.from(JSON.stringify([last.start, last._id])).toString('base64url') } : { items };
    });
  }

  async countsOfHallDay(hallId: string, date: string) {
    return this.op('appointments.countsOfHallDay', () => {
      const counts: Record<string, Partial<Record<Appointment['status'], number>>> = {};
      for (const a of this.appointments.values()) {
        if (a.hallId !== hallId || a.date !== date) continue;
        const c = (counts[a.business] ??= {});
        c[a.status] = (c[a.status] ?? 0) + 1;
      }
      return counts;
    });
  }

  async nextQueueNumber(hallId: string, date: string) {
    const id = `${hallId}:${date}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const next = await this.op('queue.inc', () => {
        const n = this.queueCounters.get(id);
        if (n === undefined) return undefined;
        this.queueCounters.set(id, n + 1);
        return n + 1;
      });
      if (next !== undefined) return next;
      const created = await this.op('queue.add', () => {
        if (this.queueCounters.has(id)) return false;
        this.queueCounters.set(id, 1);
        return true;
      });
      if (created) return 1;
    }
    throw new Error('could not take a queue number');
  }

  async bookedBefore(date: string, limit: number) {
    return this.op('appointments.bookedBefore', () =>
      [...this.appointments.values()]
        .filter((a) => a.status === 'booked' && a.date < date)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .slice(0, limit)
        .map(copy),
    );
  }

  async unremindedOn(date: string, limit: number) {
    return this.op('appointments.unreminded', () =>
      [...this.appointments.values()]
        .filter((a) => a.status === 'booked' && a.date === date && a.remindedAt === undefined)
        .slice(0, limit)
        .map(copy),
    );
  }
}

function encodeCursor(at: number, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: number; id: string } | undefined {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof ms === 'number' && Number.isFinite(ms) && typeof id === 'string' ? { at: ms, id } : undefined;
  } catch {
    return undefined;
  }
}
