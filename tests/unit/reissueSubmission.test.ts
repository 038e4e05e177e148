/**
 * The one submission of a reissue (core/reissue/submitApplication.ts), as an officer's assisted
 * application uses it (issue 18): the fee collected in person is applied before the single insert,
 * so a failure leaves no application and no claim, and the retry stores exactly one, paid.
 */
import { assistedOwner } from '../../core/assisted/sessionRules';
import { completeSubmission, submitApplication, type Submission } from '../../core/reissue/submitApplication';
import { HAIKOU_HALL, HAIKOU_MAIL, SHENZHEN_HALL, reissueWorld } from './support/reissueInMemoryPorts';

function setUp() {
  const w = reissueWorld();
  const person = w.resident('张桂兰');
  const deps = w.as(undefined);
  const submission = (amountFen: number): Submission => ({
    applicationId: 'assisted-app-1',
    owner: assistedOwner(person.idIndex),
    subject: { residentId: person._id, idIndex: person.idIndex, nameEnc: person.nameEnc },
    reason: 'lost',
    delivery: HAIKOU_MAIL,
    takenBy: HAIKOU_HALL,
    expectedTotalFen: amountFen,
    then: [{ event: { type: 'paymentCollected', receipt: 'HN-0001', amountFen }, actor: { role: 'officer', id: 'officer-1' } }],
    seededId: (seed) => `seed-${seed}`,
  });
  return { w, person, deps, submission };
}

test('stored once, already paid in person: no application ever waits for a payment', async () => {
  const { w, deps, submission } = setUp();
  const app = await completeSubmission(deps, await submitApplication(deps, submission(5500)), true);
  expect(app).toMatchObject({ state: 'paid', payment: { status: 'collected', receipt: 'HN-0001' }, hallId: HAIKOU_HALL, refNumber: expect.stringMatching(/^\d{8}$/) });
  expect(app.timeline.map((t) => `${t.event}:${t.by}`)).toEqual(['create:citizen', 'submit:citizen', 'paymentCollected:officer']);
  expect(w.store.calls.get('insert')).toBe(1);
  expect(w.store.calls.get('save')).toBeUndefined();
});

test('an insert that fails leaves no application and no claim; the retry stores the one application', async () => {
  const { w, person, deps, submission } = setUp();
  const insert = w.store.insert.bind(w.store);
  let fail = true;
  w.store.insert = async (app) => {
    if (fail) {
      fail = false;
      throw new Error('database unavailable');
    }
    return insert(app);
  };
  await expect(submitApplication(deps, submission(5500))).rejects.toThrow('database unavailable');
  expect(w.store.apps.size).toBe(0);
  expect([...w.store.claims.values()]).toEqual([]);
  const app = await submitApplication(deps, submission(5500));
  expect(w.store.apps.size).toBe(1);
  expect(w.store.claims.get(`open:${person.idIndex}`)).toBe(app._id);
});

test('the amount collected must be the fee; a hall of another city does not take it', async () => {
  const { w, deps, submission } = setUp();
  await expect(submitApplication(deps, submission(100))).rejects.toMatchObject({ code: 'REISSUE_FEE_CHANGED' });
  await expect(submitApplication(deps, { ...submission(5500), takenBy: SHENZHEN_HALL })).rejects.toMatchObject({ code: 'REISSUE_OTHER_CITY' });
  expect(w.store.apps.size).toBe(0);
  expect([...w.store.claims.values()]).toEqual([]);
});
