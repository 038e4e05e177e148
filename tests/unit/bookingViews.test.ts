/**
 * What the booking screens read from core: a rescheduled appointment reads 已改约 with where it
 * moved (never 已取消), the owner's list puts current appointments first, and the date strip knows
 * each hall's closed days before anyone taps them.
 */
import { APPOINTMENT_STATUS_NAMES, shownStatus } from '../../core/booking/statusNames';
import { currentFirst, type AppointmentView } from '../../core/booking/views';
import { CERTIFICATE, HALL, ID_CARD, MIGRATION, MIN, bookingWorld } from './support/bookingWorld';

const TUE = '2026-11-24';
const WED = '2026-11-25';
const SUN = '2026-11-29';

describe('the booking views', () => {
  it('a moved appointment reads 已改约 and says where it went; a cancelled one reads 已取消', async () => {
    const w = bookingWorld();
    const old = await w.ok('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: w.slot(TUE, '09:00').slotId });
    w.clock.advance(MIN);
    const moved = await w.ok('o-a', 'reschedule', { appointmentId: old.id, slotId: w.slot(WED, '10:00').slotId });
    w.clock.advance(MIN);
    const dropped = await w.ok('o-a', 'reserve', { hallId: HALL, business: CERTIFICATE, slotId: w.slot(TUE, '11:00').slotId });
    await w.ok('o-a', 'cancel', { appointmentId: dropped.id });

    const { appointments } = await w.ok('o-a', 'myAppointments');
    const byId = new Map<string, AppointmentView>(appointments.map((a: AppointmentView) => [a.id, a]));
    const was = byId.get(old.id)!;
    expect(was).toMatchObject({ status: 'cancelled', rescheduledTo: { id: moved.id, date: WED, start: '10:00', end: '10:30' } });
    expect(APPOINTMENT_STATUS_NAMES[shownStatus(was)].text).toBe('已改约');
    expect(APPOINTMENT_STATUS_NAMES[shownStatus(byId.get(dropped.id)!)].text).toBe('已取消');
    expect(byId.get(dropped.id)!.rescheduledTo).toBeUndefined();
    expect(APPOINTMENT_STATUS_NAMES[shownStatus(byId.get(moved.id)!)].text).toBe('待办理');
  });

  it('current (booked) first, soonest first, then the history in the order given', () => {
    const a = (id: string, status: AppointmentView['status'], date: string, start = '09:00') => ({ id, status, date, start });
    const list = [
      a('c1', 'cancelled', '2026-12-05'),
      a('b-late', 'booked', '2026-12-03'),
      a('n', 'noShow', '2026-11-01'),
      a('b-soon', 'booked', '2026-12-01', '10:00'),
      a('k', 'checkedIn', '2026-11-02'),
    ];
    expect(currentFirst(list).map((x) => x.id)).toEqual(['b-soon', 'b-late', 'c1', 'n', 'k']);
  });

  it("bookingOptions names each hall's closed days among the dates (a Sunday: 当日不办公); open days are not listed", async () => {
    const w = bookingWorld();
    const options = await w.ok('o-a', 'bookingOptions', { business: MIGRATION });
    expect(options.dates).toContain(SUN);
    const hall = options.halls.find((h: { id: string }) => h.id === HALL);
    expect(hall.closedDates).toContainEqual({ date: SUN, reason: '当日不办公' });
    expect(hall.closedDates.map((d: { date: string }) => d.date)).not.toContain(TUE);
    for (const { date, reason } of hall.closedDates) {
      expect(await w.ok('o-a', 'availability', { hallId: HALL, business: MIGRATION, date })).toMatchObject({ slots: [], closedReason: reason });
    }
  });
});
