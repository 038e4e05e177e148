/**
 * What the window officer sees at check-in of an appointment a business application names for its
 * handover (issue 15, core/business/handoverAtWindow.ts): the application's business, state,
 * number and originals to check, and only when it really is that appointment's.
 */
import { handoverAtWindowOf, type HandoverApplication } from '../../core/business/handoverAtWindow';
import { draft, HALL, OWNER } from './support/businessFixtures';

const appointment = { _id: 'appt-1', hallId: HALL, actorOpenid: OWNER };

function attached(over: Partial<HandoverApplication> = {}): HandoverApplication {
  const app = draft('migrationJobTransfer');
  return { ...app, state: 'readyForHandover', handover: { kind: 'hall', hallId: HALL, appointmentId: 'appt-1' }, refNumber: '48271933', ...over };
}

test('the attached application: business, state, number, and the required materials’ originals', () => {
  const app = attached();
  const view = handoverAtWindowOf(app, appointment);
  expect(view).toEqual({
    id: app._id,
    refNumber: '48271933',
    kindName: '工作调动户口迁移',
    state: 'readyForHandover',
    stateName: expect.any(String),
    originalsToBring: app.materialList.filter((m) => m.required).map((m) => m.name),
  });
  expect(view?.originalsToBring.length).toBeGreaterThan(0);
});

test('nothing is shown unless the application names this appointment, at its hall, booked by its applicant', () => {
  expect(handoverAtWindowOf(null, appointment)).toBeUndefined();
  expect(handoverAtWindowOf(attached({ handover: { kind: 'hall', hallId: HALL, appointmentId: 'appt-2' } }), appointment)).toBeUndefined();
  expect(handoverAtWindowOf(attached({ hallId: 'haikou-longhua' }), appointment)).toBeUndefined();
  expect(handoverAtWindowOf(attached(), { ...appointment, actorOpenid: 'someone-else' })).toBeUndefined();
  const mail = attached({ handover: { kind: 'mail', address: {} as never } });
  expect(handoverAtWindowOf(mail, appointment)).toBeUndefined();
});
