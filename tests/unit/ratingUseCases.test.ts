/**
 * Rating an appointment (好差评) through the booking function's dispatch on in-memory ports: only
 * after it was served, only by who booked it (also for a family member), once; the hall's view
 * only for its officers (and admins).
 */
import { newAccount } from '../../core/identity/Account';
import { CHILD_RESIDENT, HALL, ID_CARD, OFFICER, OTHER_HALL, OTHER_OFFICER, bookingWorld, type BookingWorld } from './support/bookingWorld';

const TUE = '2026-11-24';

async function served(w: BookingWorld, openid: string, start: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await w.reserve(openid, w.slot(TUE, start), ID_CARD, extra);
  if (!r.ok) throw new Error(`reserve refused: ${r.error.code}`);
  const id = (r.data as { id: string }).id;
  return id;
}
const checkIn = (w: BookingWorld, id: string) => w.booking.changeStatus(id, 'booked', { status: 'checkedIn', queueNumber: 1 });

describe('rateAppointment', () => {
  it('refused before the appointment was served, then rated once; the same rating again answers the first', async () => {
    const w = bookingWorld();
    const id = await served(w, 'o-a', '09:00');
    expect(await w.refused('o-a', 'rateAppointment', { appointmentId: id, level: 'verySatisfied' })).toBe('RATING_NOT_FINISHED');
    await checkIn(w, id);
    const first = await w.ok('o-a', 'rateAppointment', { appointmentId: id, level: 'satisfied', comment: '很快' });
    expect(first).toMatchObject({ id: `appointment:${id}`, level: 'satisfied', levelName: '满意', comment: '很快' });
    expect(await w.ok('o-a', 'rateAppointment', { appointmentId: id, level: 'satisfied', comment: '很快' })).toEqual(first);
    expect(await w.refused('o-a', 'rateAppointment', { appointmentId: id, level: 'veryDissatisfied', reasons: ['attitude'] })).toBe('RATING_ALREADY_GIVEN');
    expect(w.ratings.docs.size).toBe(1);
    expect((await w.ok('o-a', 'myRatings', { kind: 'appointment', serviceIds: [id, 'someone-else-1'] })).ratings).toEqual([first]);
  });

  it('nobody else rates it (another citizen, the officer), and the answer does not tell that it exists', async () => {
    const w = bookingWorld();
    const id = await served(w, 'o-a', '09:00');
    await checkIn(w, id);
    expect(await w.refused('o-b', 'rateAppointment', { appointmentId: id, level: 'verySatisfied' })).toBe('APPOINTMENT_NOT_FOUND');
    expect(await w.refused(OFFICER, 'rateAppointment', { appointmentId: id, level: 'verySatisfied' })).toBe('APPOINTMENT_NOT_FOUND');
    expect(await w.refused('o-a', 'rateAppointment', { appointmentId: 'no-such-appointment', level: 'verySatisfied' })).toBe('APPOINTMENT_NOT_FOUND');
    expect((await w.ok('o-b', 'myRatings', { kind: 'appointment', serviceIds: [id] })).ratings).toEqual([]);
  });

  it('who booked for a family member rates it', async () => {
    const w = bookingWorld();
    const id = await served(w, 'o-a', '09:00', { forMemberId: CHILD_RESIDENT });
    await checkIn(w, id);
    expect(await w.ok('o-a', 'rateAppointment', { appointmentId: id, level: 'basicallySatisfied' })).toMatchObject({ level: 'basicallySatisfied' });
  });

  it('a poor rating without a reason, or with a phone number in its comment, is refused', async () => {
    const w = bookingWorld();
    const id = await served(w, 'o-a', '09:00');
    await checkIn(w, id);
    expect(await w.refused('o-a', 'rateAppointment', { appointmentId: id, level: 'dissatisfied' })).toBe('RATING_REASON_REQUIRED');
    expect(await w.refused('o-a', 'rateAppointment', { appointmentId: id, level: 'dissatisfied', reasons: ['tooSlow'], comment: '回电13812345678' })).toBe(
      'RATING_COMMENT_INVALID',
    );
    expect(w.ratings.docs.size).toBe(0);
  });
});

describe('hallRatings', () => {
  it("the hall's officers and admins see counts, the rate and the poor ratings; other halls' officers and citizens do not", async () => {
    const w = bookingWorld();
    const [a, b] = [await served(w, 'o-a', '09:00'), await served(w, 'o-b', '09:00')];
    await checkIn(w, a);
    await checkIn(w, b);
    await w.ok('o-a', 'rateAppointment', { appointmentId: a, level: 'verySatisfied' });
    await w.ok('o-b', 'rateAppointment', { appointmentId: b, level: 'veryDissatisfied', reasons: ['tooSlow', 'attitude'], comment: '等太久' });
    const view = await w.ok(OFFICER, 'hallRatings', { hallId: HALL });
    expect(view).toMatchObject({ hallId: HALL, total: 2, poorCount: 1, satisfactionPercent: 50 });
    expect(view.recentPoor).toHaveLength(1);
    expect(view.recentPoor[0]).toMatchObject({ level: 'veryDissatisfied', comment: '等太久', reasons: [{ code: 'tooSlow' }, { code: 'attitude' }] });
    expect(JSON.stringify(view)).not.toContain('o-b');
    expect(await w.refused(OTHER_OFFICER, 'hallRatings', { hallId: HALL })).toBe('FORBIDDEN');
    expect(await w.refused('o-a', 'hallRatings', { hallId: HALL })).toBe('FORBIDDEN');
    expect((await w.ok(OTHER_OFFICER, 'hallRatings', { hallId: OTHER_HALL })).total).toBe(0);
    await w.identities.saveAccount({ ...newAccount('o-admin', w.clock.now()), role: 'admin' });
    expect((await w.ok('o-admin', 'hallRatings', { hallId: HALL })).total).toBe(2);
  });
});
