import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { ownersOf } from '../../assisted/owner';
import type { BookingDeps } from '../BookingDeps';
import { requireVerified } from '../../identity/callerAccount';
import { AppointmentView, appointmentView } from '../views';
import { cancelDeadlineOf } from '../cancelDeadline';
import { lazySchema } from '../../function/lazySchema';

const PAGE_SIZE = 50;

export const myAppointments = defineAction({
  summary: "The caller's appointments (for themselves and family members), newest first, 50 a page: `next` (absent on the last page) is the `cursor` of the next page.",
  input: lazySchema(() =>
    z.strictObject({
      cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/))),
    }),
  ),
  output: lazySchema(() => z.object({ appointments: z.array(AppointmentView), next: z.optional(z.string()) })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run({ cursor }, deps: BookingDeps) {
    const account = await requireVerified(deps);
    const page = await deps.booking.appointmentsOf(ownersOf(account), PAGE_SIZE, cursor);
    const appointments = await Promise.all(page.items.map(async (a) => appointmentView(a, deps, await cancelDeadlineOf(deps, a))));
    return page.next ? { appointments, next: page.next } : { appointments };
  },
});
