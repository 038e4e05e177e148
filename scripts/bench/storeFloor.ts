/**
 * Part 2, the floor: the store work placeBooking does for one booking, done straight on the
 * emulator's own operations (`emulator.direct`: no HTTP, no EJSON, no SDK, no function), with the
 * same attempts, concurrency and slot choices as the full stack. Per attempt, as
 * CloudbaseBookingStore does it:
 *  1. three claim inserts with deterministic ids (active business, day, first of the week);
 *  2. the conditional increment `{ _id, booked < capacity }` → `$inc booked` (the day's slots are
 *     created before the burst, as the openSlots timer does; a missing one on its first booking, as
 *     takePlace does); when it takes nothing, the claims are removed again and the attempt is SLOT_FULL;
 *  3. the appointment insert, with its 预约号 (the unique index on hall and number checks it).
 * Not included (the full stack does them per request too): reading the account, hall, schedule and
 * no-show history, and the idempotency record (one insert, one update).
 */
import { randomBytes } from 'node:crypto';
import { claimIds } from '../../core/booking/claims';
import { referenceNumberFrom } from '../../core/reference/referenceNumber';
import { collections } from '../../config/collections';
import { createDatabaseEmulator } from '../../devcloud/db';
import type { DirectOps } from '../../devcloud/db/direct';
import { translateQuery } from '../../devcloud/db/query';
import type { ModifySpec } from '../../devcloud/db/writes';
import type { SlotPlan } from '../../core/booking/slots';
import { countBy, latencyStats, morningSkewedChoices, runBurst, type BurstFigures } from './burst';
import type { BenchDay, BurstPlan } from './fullStack';
import { checkSlots } from './verify';

const isDuplicate = (e: unknown) => (e as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE';

function takeSpec(plan: SlotPlan): ModifySpec {
  const query = { _id: plan.slotId, booked: { $lt: plan.capacity } };
  // What the SDK sends for `.update({ booked: _.inc(1), capacity })`.
  return { query, nedbQuery: translateQuery(query), update: { $inc: { booked: 1 }, $set: { capacity: plan.capacity } }, replace: false, multi: false, upsert: false };
}

/** CloudbaseBookingStore.takePlace at the store level. */
async function takePlace(direct: DirectOps, plan: SlotPlan): Promise<boolean> {
  if ((await direct.modify('slots', takeSpec(plan))).updated === 1) return true;
  if ((await direct.count('slots', { _id: plan.slotId })) > 0) return false;
  try {
    await direct.insert('slots', [{ _id: plan.slotId, hallId: plan.hallId, date: plan.date, start: plan.start, end: plan.end, capacity: plan.capacity, booked: 0 }]);
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  return (await direct.modify('slots', takeSpec(plan))).updated === 1;
}

async function book(direct: DirectOps, day: BenchDay, plan: SlotPlan, citizen: number): Promise<string> {
  const id = randomBytes(12).toString('base64url');
  // The length of a real blind index (HMAC-SHA256, base64url).
  const idIndex = `floor-${citizen}-`.padEnd(43, 'x');
  const now = new Date();
  const taken: string[] = [];
  const claims = [claimIds.active(idIndex, day.business), claimIds.day(idIndex, plan.date), claimIds.week(idIndex, plan.date, 1)];
  for (const claim of claims) {
    try {
      await direct.insert('booking_claims', [{ _id: claim, appointmentId: id, at: now }]);
      taken.push(claim);
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      await direct.remove('booking_claims', translateQuery({ _id: { $in: taken } }), true);
      return 'ALREADY_CLAIMED';
    }
  }
  if (!(await takePlace(direct, plan))) {
    await direct.remove('booking_claims', translateQuery({ _id: { $in: taken } }), true);
    return 'SLOT_FULL';
  }
  // The 预约号 comes with the insert (unique in the hall by the index hall_ref); a taken one is tried again.
  for (let attempt = 0; ; attempt++) {
    try {
      await direct.insert('appointments', [appointmentDoc(id, referenceNumberFrom(`${id}:${attempt}`), day, plan, citizen, idIndex, claims, now)]);
      return 'BOOKED';
    } catch (e) {
      if (!isDuplicate(e) || attempt >= 11) throw e;
    }
  }
}

function appointmentDoc(id: string, refNumber: string, day: BenchDay, plan: SlotPlan, citizen: number, idIndex: string, claims: string[], now: Date) {
  return {
    _id: id,
    actorOpenid: `floor-${citizen}`,
    subjectResidentId: `floor-resident-${citizen}`,
    subjectIdIndex: idIndex,
    // About the size of an AES-256-GCM encrypted name.
    subjectNameEnc: `v1:dev:${randomBytes(40).toString('base64url')}`,
    hallId: plan.hallId,
    business: day.business,
    date: plan.date,
    start: plan.start,
    end: plan.end,
    slotId: plan.slotId,
    refNumber,
    status: 'booked',
    claims,
    createdAt: now,
    updatedAt: now,
  };
}

export async function runStoreFloor(day: BenchDay, plan: BurstPlan): Promise<BurstFigures> {
  const emulator = await createDatabaseEmulator({ collections });
  try {
    const choices = morningSkewedChoices(plan.attempts, day.plans.length, plan.seed);
    // The day's slots exist before the release, as in the full stack (the openSlots timer).
    await emulator.direct.insert(
      'slots',
      day.plans.map((p) => ({ _id: p.slotId, hallId: p.hallId, date: p.date, start: p.start, end: p.end, capacity: p.capacity, booked: 0 })),
    );
    const cpuBefore = process.cpuUsage();
    const burst = await runBurst(plan.attempts, plan.concurrency, (i) => book(emulator.direct, day, day.plans[choices[i]], i));
    const cpu = process.cpuUsage(cpuBefore);
    const outcomes = burst.attempts.map((a) => a.result ?? `THROWN ${a.error instanceof Error ? a.error.message : String(a.error)}`);
    const check = await checkSlots(emulator.direct, day.plans);
    return {
      label: 'store floor (emulator.direct)',
      attempts: plan.attempts,
      bookings: outcomes.filter((o) => o === 'BOOKED').length,
      refused: countBy(outcomes.filter((o) => o !== 'BOOKED')),
      overbooked: check.overbooked,
      consistent: check.consistent,
      stats: latencyStats(burst),
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    await emulator.close();
  }
}
