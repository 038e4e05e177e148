/**
 * A check-in gives the booked arrival's queue ticket (core/booking/checkInAppointment.ts): once,
 * with the appointment's number, also when the check-in was cut off between storing the ticket and
 * writing the number on the appointment (the retry finds the ticket and keeps its number).
 */
import { bookedTicketId } from '../../core/queue/newTicket';
import { ID_CARD, OFFICER, bookingWorld, type BookingWorld } from './support/bookingWorld';

const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);
const TUE = '2026-11-24';

async function bookedAndTicket(w: BookingWorld, openid: string) {
  const r = await w.reserve(openid, w.slot(TUE, '09:00'), ID_CARD);
  if (!r.ok) throw new Error(`reserve refused: ${r.error.code}`);
  const id = (r.data as { id: string }).id;
  w.clock.set(at(TUE, '08:45'));
  const token = ((await w.ok(openid, 'ticket', { appointmentId: id })) as { token: string }).token;
  return { id, token };
}

test('a check-in stores one ticket, with the number it gives; a repeated check-in stores none', async () => {
  const w = bookingWorld({ capacity: 3 });
  const { id, token } = await bookedAndTicket(w, 'o-a');
  const done = (await w.ok(OFFICER, 'checkIn', { token })) as { queueNumber: number };
  expect((await w.call(OFFICER, 'checkIn', { token })).ok).toBe(false);
  expect([...w.queue.tickets.values()]).toEqual([
    expect.objectContaining({ _id: bookedTicketId(id), number: done.queueNumber, source: 'booked', appointmentStart: '09:00', status: 'waiting' }),
  ]);
});

test('a check-in cut off after its ticket was stored keeps the ticket’s number (no second number, no mismatch)', async () => {
  const w = bookingWorld({ capacity: 3 });
  const { id, token } = await bookedAndTicket(w, 'o-a');
  const changeStatus = w.booking.changeStatus.bind(w.booking);
  let cut = false;
  w.booking.changeStatus = async (appointmentId, from, changes) => {
    if ('queueNumber' in changes && !cut) {
      cut = true;
      throw new Error('connection reset');
    }
    return changeStatus(appointmentId, from, changes);
  };
  const done = (await w.ok(OFFICER, 'checkIn', { token })) as { queueNumber: number };
  expect(cut).toBe(true);
  expect(done.queueNumber).toBe(1);
  expect(w.stored(id)?.queueNumber).toBe(1);
  expect([...w.queue.tickets.values()].map((t) => [t._id, t.number])).toEqual([[bookedTicketId(id), 1]]);
});
