import type { Appointment } from '../../core/booking/Appointment';
import { HallSchedule } from '../../core/booking/HallSchedule';
import { NUMBER_TAKEN, type BookingStore, type ClaimRef, type Page, type PlaceHold, type SlotState } from '../../core/booking/ports';
import type { SlotPlan } from '../../core/booking/slots';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { fetchAll } from '../cloudbase/fetchAll';
import { writeLog } from '../log/logLine';
import { ScheduleCache } from './ScheduleCache';

/** Longer than any function may run (config/functions.ts: 60 s at most): a claim older than this without its appointment is an orphan. */
export const ORPHAN_CLAIM_AFTER_MS = 2 * 60_000;

/** CloudBase's most documents per `get()`. */
const PAGE = 1000;

/** A slot document before its first booking. */
function emptySlot(plan: SlotPlan): SlotState {
  return { _id: plan.slotId, hallId: plan.hallId, date: plan.date, start: plan.start, end: plan.end, capacity: plan.capacity, booked: 0, holders: [] };
}

/** Booking data in CloudBase. Every write that guards a limit is a single atomic operation. */
export class CloudbaseBookingStore implements BookingStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  private get _() {
    return this.db.command;
  }

  /** Kept a few seconds per warm instance (ScheduleCache.ts: how soon a change applies). */
  private readonly schedules = new ScheduleCache<HallSchedule | null>(
    (hallId) => this.readSchedule(hallId),
    () => this.now(),
  );

  schedule(hallId: string): Promise<HallSchedule | null> {
    return this.schedules.get(hallId);
  }

  private async readSchedule(hallId: string): Promise<HallSchedule | null> {
    const doc = await getDoc<unknown>(this.db, 'hall_schedules', hallId);
    const parsed = doc ? HallSchedule.safeParse(doc) : undefined;
    if (parsed && !parsed.success) writeLog({ fn: 'booking', outcome: 'failed', error: `invalid schedule of hall ${hallId}` });
    return parsed?.success ? parsed.data : null;
  }

  async slots(hallId: string, date: string): Promise<SlotState[]> {
    const res = await this.db.collection('slots').where({ hallId, date }).limit(1000).get();
    return (res.data ?? []) as SlotState[];
  }

  slot(slotId: string): Promise<SlotState | null> {
    return getDoc<SlotState>(this.db, 'slots', slotId);
  }

  async openSlots(plans: readonly SlotPlan[]): Promise<number> {
    const first = plans[0];
    if (!first) return 0;
    const stored = new Set((await this.slots(first.hallId, first.date)).map((s) => s._id));
    const missing = plans.filter((p) => !stored.has(p.slotId));
    if (!missing.length) return 0;
    try {
      await this.db.collection('slots').add(missing.map(emptySlot));
      return missing.length;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    // A booker created one in between (which of the others were stored is not specified): one at a time.
    let created = 0;
    for (const plan of missing) if (await this.createSlot(plan)) created++;
    return created;
  }

  /** True when this call created it; false when it was stored already (a racing creator is harmless). */
  private async createSlot(plan: SlotPlan): Promise<boolean> {
    try {
      await this.db.collection('slots').add(emptySlot(plan));
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return false;
    }
  }

  /**
   * One conditional update takes a place only while `booked` is below the plan's capacity and the
   * holder holds none yet; `booked` and `holders` change together. A missed update reads the slot
   * once: missing → create it (a racing creator is harmless) and try again; already holding (a
   * retried or timed-out take that was applied) → true; else one more try, because a racing
   * booker may have created the slot between the miss and the read (the false SLOT_FULL of issue 10).
   * When that try misses too, the slot is read once more: an attempt of the same holder running at
   * the same time (the same request twice) may have taken the place in between, and then it is held.
   * A slot the caller read as not stored is created before the first try.
   */
  async takePlace(plan: SlotPlan, holder: string, readBefore?: SlotState | null, forDraw = false): Promise<boolean> {
    const where = {
      _id: plan.slotId,
      booked: this._.lt(plan.capacity),
      holders: this._.neq(holder),
      closed: this._.neq(true),
      ...(forDraw ? {} : { releaseDraw: this._.neq(true) }),
    };
    const take = async () =>
      (
        await this.db
          .collection('slots')
          .where(where)
          .update({ booked: this._.inc(1), holders: this._.push(holder), capacity: plan.capacity, lastTakenAt: new Date(this.now()) })
      ).updated === 1;
    // Not stored when the caller read it (the first bookers of a slot): created first, not after a miss and a read.
    if (readBefore === null) await this.createSlot(plan);
    if (await take()) return true;
    const stored = await getDoc<SlotState>(this.db, 'slots', plan.slotId);
    if (stored?.holders?.includes(holder)) {
      // A retry: mark the slot busy again so the reconciliation sweep leaves the place alone while the insert follows.
      await this.db
        .collection('slots')
        .where({ _id: plan.slotId, holders: holder })
        .update({ lastTakenAt: new Date(this.now()) });
      return true;
    }
    if (!stored) await this.createSlot(plan);
    else if (stored.booked >= plan.capacity || stored.closed || (stored.releaseDraw && !forDraw)) return false;
    if (await take()) return true;
    return Boolean((await getDoc<SlotState>(this.db, 'slots', plan.slotId))?.holders?.includes(holder));
  }

  /** Like closeSlots: the missing ones added marked (a booker creating one first is harmless), then one update marks them all. */
  async markReleaseDraw(plans: readonly SlotPlan[]): Promise<void> {
    if (!plans.length) return;
    const where = { _id: this._.in(plans.map((p) => p.slotId)) };
    const stored = new Set(((await fetchAll(this.db, 'slots', [['_id', 'asc']], where, { _id: true })) as Array<{ _id: string }>).map((d) => d._id));
    for (const plan of plans.filter((p) => !stored.has(p.slotId))) {
      try {
        await this.db.collection('slots').add({ ...emptySlot(plan), releaseDraw: true });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    await this.db.collection('slots').where(where).update({ releaseDraw: true });
  }

  async endReleaseDraw(hallId: string, date: string): Promise<void> {
    await this.db.collection('slots').where({ hallId, date, releaseDraw: true }).update({ releaseDraw: false });
  }

  /**
   * The slots not stored yet are added closed (one at a time; a booker creating one first is
   * harmless), then one update closes them all, so every one exists and is closed after it; then one
   * read counts the places they hold.
   */
  async closeSlots(plans: readonly SlotPlan[]): Promise<number> {
    if (!plans.length) return 0;
    const where = { _id: this._.in(plans.map((p) => p.slotId)) };
    const stored = new Set(((await fetchAll(this.db, 'slots', [['_id', 'asc']], where, { _id: true })) as Array<{ _id: string }>).map((d) => d._id));
    for (const plan of plans.filter((p) => !stored.has(p.slotId))) {
      try {
        await this.db.collection('slots').add({ ...emptySlot(plan), closed: true });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    await this.db.collection('slots').where(where).update({ closed: true });
    const after = (await fetchAll(this.db, 'slots', [['_id', 'asc']], where, { booked: true })) as Array<Pick<SlotState, 'booked'>>;
    return after.reduce((sum, d) => sum + d.booked, 0);
  }

  async reopenSlots(slotIds: readonly string[]): Promise<void> {
    if (!slotIds.length) return;
    await this.db
      .collection('slots')
      .where({ _id: this._.in([...slotIds]), closed: true })
      .update({ closed: false });
  }

  // Issue 17's moves (docs/WAITLIST.md): each one update of two paths of the slot; a repeat finds its result.
  async offerPlace(slotId: string, appointmentId: string, holdId: string, hold: PlaceHold): Promise<boolean> {
    const moved = await this.db
      .collection('slots')
      .where({ _id: slotId, holders: appointmentId })
      .update({ holders: this._.pull(appointmentId), [`holds.${holdId}`]: this._.set(hold) });
    return moved.updated === 1 || (await this.holdsHold(slotId, holdId));
  }

  async passHold(slotId: string, fromHoldId: string, toHoldId: string, hold: PlaceHold): Promise<boolean> {
    const moved = await this.db
      .collection('slots')
      .where({ _id: slotId, [`holds.${fromHoldId}`]: this._.exists(true) })
      .update({ [`holds.${fromHoldId}`]: this._.remove(), [`holds.${toHoldId}`]: this._.set(hold) });
    return moved.updated === 1 || (await this.holdsHold(slotId, toHoldId));
  }

  async acceptHold(slotId: string, holdId: string, appointmentId: string): Promise<boolean> {
    const moved = await this.db
      .collection('slots')
      .where({ _id: slotId, [`holds.${holdId}`]: this._.exists(true), holders: this._.neq(appointmentId) })
      .update({ [`holds.${holdId}`]: this._.remove(), holders: this._.push(appointmentId), lastTakenAt: new Date(this.now()) });
    return moved.updated === 1 || Boolean((await getDoc<SlotState>(this.db, 'slots', slotId))?.holders?.includes(appointmentId));
  }

  async returnHold(slotId: string, holdId: string): Promise<boolean> {
    const moved = await this.db
      .collection('slots')
      .where({ _id: slotId, [`holds.${holdId}`]: this._.exists(true), booked: this._.gt(0) })
      .update({ [`holds.${holdId}`]: this._.remove(), booked: this._.inc(-1) });
    return moved.updated === 1;
  }

  private async holdsHold(slotId: string, holdId: string): Promise<boolean> {
    return Boolean((await getDoc<SlotState>(this.db, 'slots', slotId))?.holds?.[holdId]);
  }

  async releasePlace(slotId: string, holder: string): Promise<boolean> {
    const res = await this.db
      .collection('slots')
      .where({ _id: slotId, holders: holder, booked: this._.gt(0) })
      .update({ booked: this._.inc(-1), holders: this._.pull(holder) });
    return res.updated === 1;
  }

  /** Paged through (a `get()` stops at 1000): every quiet slot is checked, up to `limit`. */
  async quietSlots(fromDate: string, quietSince: Date, limit: number): Promise<SlotState[]> {
    const all = (await fetchAll(this.db, 'slots', [['_id', 'asc']], { date: this._.gte(fromDate), booked: this._.gt(0), lastTakenAt: this._.lt(quietSince) })) as SlotState[];
    return all.slice(0, limit);
  }

  async holdingIn(slotId: string): Promise<string[]> {
    const docs = (await fetchAll(this.db, 'appointments', [['_id', 'asc']], { slotId, status: this._.in(['booked', 'checkedIn', 'noShow']) })) as Array<{ _id: string }>;
    return docs.map((a) => a._id);
  }

  async correctPlaces(slotId: string, from: number, to: number): Promise<boolean> {
    const res = await this.db
      .collection('slots')
      .where({ _id: slotId, booked: from, holders: this._.exists(false) })
      .update({ booked: to });
    return res.updated === 1;
  }

  /** Pages through every claim older than `before` (a timer's work), oldest first, until `limit` stale ones are found. */
  async staleClaims(before: Date, limit: number): Promise<ClaimRef[]> {
    const stale: ClaimRef[] = [];
    for (let skip = 0; stale.length < limit; skip += PAGE) {
      const res = await this.db
        .collection('booking_claims')
        .where({ at: this._.lt(before) })
        .orderBy('at', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE)
        .get();
      const page = (res.data ?? []) as Array<{ _id: string; appointmentId: string }>;
      const claims = page.filter((c) => !c._id.startsWith('cancel:'));
      const ids = [...new Set(claims.map((c) => c.appointmentId))];
      const found = ids.length
        ? await this.db
            .collection('appointments')
            .where({ _id: this._.in(ids) })
            .field({ _id: true, status: true })
            .limit(PAGE)
            .get()
        : { data: [] };
      const status = new Map(((found.data ?? []) as Array<{ _id: string; status: Appointment['status'] }>).map((a) => [a._id, a.status]));
      for (const c of claims) {
        const s = status.get(c.appointmentId);
        if (s === undefined || s === 'cancelled' || (s !== 'booked' && c._id.startsWith('active:'))) stale.push({ id: c._id, appointmentId: c.appointmentId });
      }
      if (page.length < PAGE) break;
    }
    return stale.slice(0, limit);
  }

  /** A duplicate key is read back: the claim may be this appointment's own, applied by a retried add. */
  async claimHolder(id: string): Promise<string | null> {
    return (await getDoc<{ appointmentId: string }>(this.db, 'booking_claims', id))?.appointmentId ?? null;
  }

  async takeClaim(id: string, appointmentId: string, again = true): Promise<boolean> {
    try {
      await this.db.collection('booking_claims').add({ _id: id, appointmentId, at: new Date(this.now()) });
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const held = await getDoc<{ appointmentId: string; at?: Date }>(this.db, 'booking_claims', id);
    // Released meanwhile: try once more rather than refuse.
    if (!held) return again ? this.takeClaim(id, appointmentId, false) : false;
    if (held.appointmentId === appointmentId) return true;
    return this.takeOverOrphan(id, held, appointmentId);
  }

  /** One multi-document insert (`add([...])`, which the server SDK sends as one request). */
  async takeClaims(ids: readonly string[], appointmentId: string): Promise<boolean> {
    if (!ids.length) return true;
    const at = new Date(this.now());
    try {
      const res = (await this.db.collection('booking_claims').add(ids.map((id) => ({ _id: id, appointmentId, at })))) as { ids?: unknown[] };
      // Only an answer naming every id counts as all created (a partial answer goes on one at a time, which is always safe).
      return Array.isArray(res.ids) && res.ids.length === ids.length;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return false;
    }
  }

  /**
   * A claim is written before its appointment, within one function run. One older than any run
   * whose appointment does not exist was left by a run that died or whose client gave up: it
   * refuses nobody any longer (before, the person was refused until the reconciliation sweep).
   * Taken over by compare-and-set on its holder, so two takers cannot both have it.
   */
  private async takeOverOrphan(id: string, held: { appointmentId: string; at?: Date }, appointmentId: string): Promise<boolean> {
    const at = held.at ? new Date(held.at).getTime() : 0;
    if (this.now() - at < ORPHAN_CLAIM_AFTER_MS) return false;
    if (await getDoc(this.db, 'appointments', held.appointmentId)) return false;
    const res = await this.db
      .collection('booking_claims')
      .where({ _id: id, appointmentId: held.appointmentId })
      .update({ appointmentId, at: new Date(this.now()) });
    return res.updated === 1;
  }

  async releaseClaims(ids: readonly string[], appointmentId: string): Promise<void> {
    if (ids.length)
      await this.db
        .collection('booking_claims')
        .where({ _id: this._.in([...ids]), appointmentId })
        .remove();
  }

  async transferClaims(ids: readonly string[], from: string, to: string): Promise<void> {
    if (ids.length)
      await this.db
        .collection('booking_claims')
        .where({ _id: this._.in([...ids]), appointmentId: from })
        .update({ appointmentId: to });
  }

  /**
   * A duplicate key is either the id or the 预约号 (the unique index hall_ref): the id is read back
   * (an insert the SDK retried, or that timed out after it was applied, is ours); when no
   * appointment has this id, the number is another's. Which index refused is not read from the
   * error's text, whose wording the service does not document.
   */
  async addAppointment(a: Appointment): Promise<Appointment | null | typeof NUMBER_TAKEN> {
    try {
      await this.db.collection('appointments').add(a);
      return null;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const stored = await this.appointment(a._id);
      if (!stored) {
        if (a.refNumber === undefined) throw e;
        return NUMBER_TAKEN;
      }
      if (stored.actorOpenid !== a.actorOpenid || stored.slotId !== a.slotId) throw e;
      return stored;
    }
  }

  appointment(id: string) {
    return getDoc<Appointment>(this.db, 'appointments', id);
  }

  async appointmentByNumber(hallId: string, refNumber: string): Promise<Appointment | null> {
    const res = await this.db.collection('appointments').where({ hallId, refNumber }).limit(1).get();
    return ((res.data ?? []) as Appointment[])[0] ?? null;
  }

  async changeStatus(id: string, from: Appointment['status'], changes: Partial<Appointment>): Promise<boolean> {
    const res = await this.db.collection('appointments').where({ _id: id, status: from }).update(changes);
    return res.updated === 1;
  }

  /** Keyset paging on (createdAt, _id), newest first: a page never repeats or skips one. */
  async appointmentsOf(owners: string | readonly string[], limit: number, cursor?: string): Promise<Page<Appointment>> {
    const actorOpenid = typeof owners === 'string' ? owners : this._.in([...owners]);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const where = after ? this._.and([{ actorOpenid }, this._.or([{ createdAt: this._.lt(after.at) }, { createdAt: after.at, _id: this._.lt(after.id) }])]) : { actorOpenid };
    const res = await this.db
      .collection('appointments')
      .where(where)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get();
    const docs = (res.data ?? []) as Appointment[];
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return docs.length > limit && last ? { items, next: encodeCursor(new Date(last.createdAt), last._id) } : { items };
  }

  async noShowDates(subjectIdIndex: string, since: string): Promise<string[]> {
    const res = await this.db
      .collection('appointments')
      .where({ subjectIdIndex, status: 'noShow', date: this._.gt(since) })
      .field({ date: true })
      .limit(100)
      .get();
    return ((res.data ?? []) as Array<{ date: string }>).map((a) => a.date);
  }

  /** Index hall_date_start serves it (its leading fields, then `start`); the cursor is the previous page's last (start, _id). */
  async appointmentsOfHallDay(hallId: string, date: string, statuses: readonly Appointment['status'][], limit: number, cursor?: string): Promise<Page<Appointment>> {
    const after = cursor ? decodeDayCursor(cursor) : undefined;
    const day = { hallId, date, status: this._.in([...statuses]) };
    const where = after ? this._.and([day, this._.or([{ start: this._.gt(after.start) }, { start: after.start, _id: this._.gt(after.id) }])]) : day;
    const res = await this.db
      .collection('appointments')
      .where(where)
      .orderBy('start', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const docs = (res.data ?? []) as Appointment[];
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return docs.length > limit && last ? { items, next: encodeDayCursor(last.start, last._id) } : { items };
  }

  /** Index hall_date_start serves it (its leading fields); only `business` and `status` come back. */
  async countsOfHallDay(hallId: string, date: string): Promise<Record<string, Partial<Record<Appointment['status'], number>>>> {
    const docs = (await fetchAll(this.db, 'appointments', [['_id', 'asc']], { hallId, date }, { business: true, status: true })) as Array<Pick<Appointment, 'business' | 'status'>>;
    const counts: Record<string, Partial<Record<Appointment['status'], number>>> = {};
    for (const { business, status } of docs) {
      const c = (counts[business] ??= {});
      c[status] = (c[status] ?? 0) + 1;
    }
    return counts;
  }

  /** Atomic increment of the day's counter; the first check-in of a day creates it. */
  async nextQueueNumber(hallId: string, date: string): Promise<number> {
    const id = `${hallId}:${date}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.db
        .collection('queue_counters')
        .where({ _id: id })
        .updateAndReturn({ next: this._.inc(1) });
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
    const res = await this.db
      .collection('appointments')
      .where({ status: 'booked', date: this._.lt(date) })
      .orderBy('date', 'asc')
      .limit(limit)
      .get();
    return (res.data ?? []) as Appointment[];
  }

  async unremindedOn(date: string, limit: number): Promise<Appointment[]> {
    const res = await this.db
      .collection('appointments')
      .where({ status: 'booked', date, remindedAt: this._.exists(false) })
      .limit(limit)
      .get();
    return (res.data ?? []) as Appointment[];
  }
}

/** An opaque page cursor: the last item's creation instant and id. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString('base64url');
}

function encodeDayCursor(start: string, id: string): string {
  return Buffer.from(JSON.stringify([start, id])).toString('base64url');
}

function decodeDayCursor(cursor: string): { start: string; id: string } | undefined {
  try {
    const [start, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // A cursor is the client's to send back: anything but a start and an id reads as none (the first page).
    return typeof start === 'string' && typeof id === 'string' ? { start, id } : undefined;
  } catch {
    return undefined;
  }
}

function decodeCursor(cursor: string): { at: Date; id: string } | undefined {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // A cursor is the client's to send back: anything but a finite instant and an id reads as none.
    return typeof ms === 'number' && Number.isFinite(ms) && typeof id === 'string' ? { at: new Date(ms), id } : undefined;
  } catch {
    return undefined;
  }
}
