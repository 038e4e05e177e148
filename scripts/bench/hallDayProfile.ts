/**
 * `npx tsx scripts/bench/hallDayProfile.ts`: one busy hall-day alone in the emulator (DAY listed,
 * default 284 as at 1M, and a tenth as many cancelled), then N `hallDay` calls (first page) one
 * after another; prints p50/p99 and the process's CPU per call. The scale bench's day shrinks with
 * HUKOU_BENCH_SCALE; this keeps the day's size with a small heap, for quick iterations and
 * `node --cpu-prof --import tsx scripts/bench/hallDayProfile.ts`. Not a test; print the load beside it.
 */
import { PERSONA_HEADER } from '../../devcloud/functionGateway';
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { devSecrets } from '../../devcloud/seed/verifiedCitizens';
import { FIELD } from '../../core/identity/fieldNames';
import type { Store } from '../../devcloud/db/store';
import { shanghaiInstant } from '../../core/time/shanghai';
import { withBenchCloud } from './benchCloud';

const N = Number(process.env.N ?? 200);
const DAY = Number(process.env.DAY ?? 284);
const DATE = '2026-12-09';
const HALL = 'haikou-longhua';
const STARTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
const SEED_NAME = devSecrets().encrypt('测试市民', FIELD.name);

async function main() {
  await withBenchCloud('hdprof', async (cloud) => {
    const store = (cloud.database.direct as unknown as { store: Store }).store;
    const docs = Array.from({ length: Math.round(DAY * 1.11) }, (_, i) => {
      const start = STARTS[i % STARTS.length];
      const created = new Date(shanghaiInstant('2026-12-01', '10:00').getTime() + i);
      return {
        _id: `seed-appt-${i}`,
        actorOpenid: `a${i}`,
        subjectResidentId: `seed-resident-${i}`,
        subjectIdIndex: `seed-idx-${i}`,
        subjectNameEnc: SEED_NAME,
        hallId: HALL,
        business: 'id-card-renewal',
        date: DATE,
        start,
        end: start.endsWith(':00') ? start.replace(':00', ':30') : `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`,
        slotId: `${HALL}:${DATE}:${start.replace(':', '')}`,
        refNumber: String(i).padStart(8, '0'),
        status: i % 10 === 9 ? 'cancelled' : 'booked',
        claims: [],
        createdAt: created,
        updatedAt: created,
      };
    });
    await store.insertMany('appointments', docs);
    await seedLocalCloud(cloud.url);
    const call = async () => {
      const res = await fetch(`${cloud.url}/fn/booking`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PERSONA_HEADER]: 'local-officer' },
        body: JSON.stringify({ action: 'hallDay', data: { hallId: HALL, date: DATE } }),
      });
      const text = await res.text();
      return text;
    };
    const first = await call();
    const body = JSON.parse(first) as { ok: boolean; data?: { slots: { appointments: unknown[] }[] } };
    process.stdout.write(`ok ${body.ok} listed ${body.data?.slots.reduce((n, s) => n + s.appointments.length, 0)} bytes ${first.length}\n`);
    for (let i = 0; i < 20; i++) await call();
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await call();
      times.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    process.stdout.write(`cpu/call ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms `);
    process.stdout.write(`hallDay x${N}: p50 ${times[Math.floor(N / 2)].toFixed(1)} p99 ${times[Math.ceil(N * 0.99) - 1].toFixed(1)} ms\n`);
  });
}
void main().then(() => process.exit(0));
