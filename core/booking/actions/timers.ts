import { z } from 'zod';
import { defineAction } from '../../function/action';
import { addDays, shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../BookingDeps';
import { endAppointment } from './cancel';

const BATCH = 200;

export const markNoShows = defineAction({
  summary: 'Timer only (nightly): appointments still booked after their day closed become no-shows (the business frees up; the day and week stay used).',
  input: z.object({}).strict(),
  output: z.object({ marked: z.number().int() }),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const today = shanghaiDate(deps.clock.now());
    let marked = 0;
    // Each pass ends what it read, so the next query sees the rest; a few passes per run at most.
    for (let pass = 0; pass < 20; pass++) {
      const due = await deps.booking.bookedBefore(today, BATCH);
      for (const a of due) if (await endAppointment(deps, a, { status: 'noShow' })) marked++;
      if (due.length < BATCH) break;
    }
    return { marked };
  },
});

export const sendReminders = defineAction({
  summary: "Timer only (daily, afternoon): reminds everyone booked for tomorrow, once each (compare-and-set on the reminder).",
  input: z.object({}).strict(),
  output: z.object({ reminded: z.number().int(), failed: z.number().int() }),
  errors: [],
  async run(_input, deps: BookingDeps) {
    const now = deps.clock.now();
    const tomorrow = addDays(shanghaiDate(now), 1);
    let reminded = 0;
    let failed = 0;
    for (const a of await deps.booking.unremindedOn(tomorrow, 1000)) {
      if (!(await deps.booking.changeStatus(a._id, 'booked', { remindedAt: now }))) continue;
      const [hall, guide] = await Promise.all([deps.guides.hall(a.hallId), deps.guides.guide(a.business)]);
      try {
        await deps.notifier.remindAppointment(a.actorOpenid, { hallName: hall?.name ?? a.hallId, businessTitle: guide?.title ?? a.business, date: a.date, start: a.start, end: a.end });
        reminded++;
      } catch {
        // A citizen who declined the subscription cannot be messaged; that is not an error of ours.
        failed++;
      }
    }
    return { reminded, failed };
  },
});
