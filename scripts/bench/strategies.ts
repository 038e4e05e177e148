/**
 * Part 3: the two capacity strategies of DESIGN.md ("Booking without overbooking") on ONE hot slot,
 * each through the real @cloudbase/node-sdk against a fresh emulator behind its own HTTP server
 * (serveDatabaseEmulator; no function, no claims, no idempotency record: the place and the
 * appointment only, so the difference is the strategy alone):
 *  (a) conditional update, as implemented: CloudbaseBookingStore.takePlace
 *      (`where({ _id, booked < capacity }).update({ booked + 1 })`), then addAppointment (the place
 *      is released again if that insert fails);
 *  (b) a transaction of single-document operations: get the slot, roll back when full, else
 *      `inc` it and add the appointment, with runTransaction's own conflict retries (3 retries).
 * "conflict" counts attempts that ended in DATABASE_TRANSACTION_CONFLICT after the retries; "lost"
 * those of them that ended while the slot still had places (before the last place was sold, or
 * at all if it never sold out): citizens told "try again" although a place was there for them.
 */
import { randomBytes } from 'node:crypto';
import { collections } from '../../config/collections';
import type { Appointment } from '../../core/booking/Appointment';
import type { SlotPlan } from '../../core/booking/slots';
import { referenceNumberOf } from '../../core/reference/referenceNumber';
import { createDatabaseEmulator } from '../../devcloud/db';
import { serveDatabaseEmulator } from '../../devcloud/db/server';
import { localDatabase } from '../../devcloud/localDatabase';
import { CloudbaseBookingStore } from '../../server/booking/CloudbaseBookingStore';
import type { Database } from '../../server/cloudbase/app';
import { countBy, latencyStats, runBurst, type BurstFigures } from './burst';
import { checkSlots } from './verify';

export interface StrategyPlan {
  places: number;
  attempts: number;
  concurrency: number;
}

export interface StrategyFigures extends BurstFigures {
  /** Attempts that ended in a transaction conflict after the SDK's retries. */
  conflicted: number;
  /** Conflicted attempts that ended while the slot still had a place. */
  lost: number;
  /** Places left unsold at the end. */
  unsold: number;
}

type Strategy = 'conditional' | 'transaction';

/**
 * What this benchmark uses of what runTransaction hands its callback (the SDK's Transaction; its
 * `runTransaction` is typed `any`). A document read in a transaction is the document itself or null.
 */
interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }>; update(data: object): Promise<unknown> };
    add(data: object): Promise<unknown>;
  };
  rollback(reason: unknown): Promise<unknown>;
}

type SlotCounts = { booked: number; capacity: number };

function isSlotCounts(data: unknown): data is SlotCounts {
  const s = data as Partial<Record<keyof SlotCounts, unknown>> | null;
  return typeof s?.booked === 'number' && typeof s.capacity === 'number';
}

const HOT: SlotPlan = { slotId: 'bench-hall:2026-12-09:0900', hallId: 'bench-hall', date: '2026-12-09', start: '09:00', end: '09:30', capacity: 0 };

function appointmentFor(slot: SlotPlan, i: number): Appointment {
  const now = new Date();
  return {
    _id: randomBytes(12).toString('base64url'),
    actorOpenid: `strategy-${i}`,
    subjectResidentId: `strategy-resident-${i}`,
    subjectIdIndex: `strategy-${i}-`.padEnd(43, 'x'),
    subjectNameEnc: `v1:dev:${randomBytes(40).toString('base64url')}`,
    hallId: slot.hallId,
    business: 'id-card-renewal',
    date: slot.date,
    start: slot.start,
    end: slot.end,
    slotId: slot.slotId,
    // Unique in the hall (index hall_ref): the position in the burst, check digit included.
    refNumber: referenceNumberOf(String(i).padStart(7, '0')),
    status: 'booked',
    claims: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** (a) as placeBooking does it through CloudbaseBookingStore. */
async function bookConditional(store: CloudbaseBookingStore, slot: SlotPlan, i: number): Promise<string> {
  const appointment = appointmentFor(slot, i);
  if (!(await store.takePlace(slot, appointment._id))) return 'SLOT_FULL';
  try {
    await store.addAppointment(appointment);
  } catch (e) {
    await store.releasePlace(slot.slotId, appointment._id);
    throw e;
  }
  return 'BOOKED';
}

/** (b) a transaction of single-document operations, retried by the SDK on conflict. */
async function bookInTransaction(db: Database, slot: SlotPlan, i: number): Promise<string> {
  const _ = db.command;
  try {
    await db.runTransaction(async (tx: Tx) => {
      const s = (await tx.collection('slots').doc(slot.slotId).get()).data;
      if (!isSlotCounts(s)) throw new Error(`slot ${slot.slotId}: no booked/capacity counts`);
      if (s.booked >= s.capacity) return tx.rollback('full');
      await tx
        .collection('slots')
        .doc(slot.slotId)
        .update({ booked: _.inc(1) });
      await tx.collection('appointments').add(appointmentFor(slot, i));
    });
    return 'BOOKED';
  } catch (e) {
    if (e === 'full') return 'SLOT_FULL';
    const code = (e as { code?: string }).code;
    return code === 'DATABASE_TRANSACTION_CONFLICT' ? 'CONFLICT' : `ERROR ${code ?? String(e)}`;
  }
}

export async function runStrategy(strategy: Strategy, plan: StrategyPlan): Promise<StrategyFigures> {
  const slot: SlotPlan = { ...HOT, capacity: plan.places };
  const emulator = await createDatabaseEmulator({ collections });
  const server = await serveDatabaseEmulator(emulator);
  try {
    const db = localDatabase(server.serviceUrl.replace(/\/admin$/, ''));
    await db.collection('slots').add({ _id: slot.slotId, hallId: slot.hallId, date: slot.date, start: slot.start, end: slot.end, capacity: slot.capacity, booked: 0 });
    const store = new CloudbaseBookingStore(db);
    const burst = await runBurst(plan.attempts, plan.concurrency, (i) => (strategy === 'conditional' ? bookConditional(store, slot, i) : bookInTransaction(db, slot, i)));
    const outcomes = burst.attempts.map((a) => a.result ?? `THROWN ${a.error instanceof Error ? a.error.message : String(a.error)}`);
    const check = await checkSlots(emulator.direct, [slot]);
    const bookings = outcomes.filter((o) => o === 'BOOKED').length;
    // When the last place was sold: the answer of the capacity-th successful booking.
    const soldOutAt =
      bookings >= slot.capacity
        ? burst.attempts
            .filter((a) => a.result === 'BOOKED')
            .map((a) => a.endedAt)
            .sort((x, y) => x - y)[slot.capacity - 1]
        : Infinity;
    const conflicts = burst.attempts.filter((a) => a.result === 'CONFLICT');
    return {
      label: strategy === 'conditional' ? '(a) conditional update' : '(b) transaction',
      attempts: plan.attempts,
      bookings,
      refused: countBy(outcomes.filter((o) => o !== 'BOOKED')),
      overbooked: check.overbooked,
      consistent: check.consistent,
      stats: latencyStats(burst),
      conflicted: conflicts.length,
      lost: conflicts.filter((a) => a.endedAt < soldOutAt).length,
      unsold: Math.max(0, slot.capacity - check.stored),
    };
  } finally {
    await server.close();
    await emulator.close();
  }
}
