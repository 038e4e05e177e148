import { functions } from '../../config/functions';
import { startHarness, type Harness } from '../support/localCloudHarness';

/**
 * Timer actions (reminders, no-shows, reconciliation, payment settling, shipment polling, purging)
 * run only from the platform's timer trigger: a timer-shaped body posted to the gateway, with or
 * without a persona, runs nothing. The local cloud delivers timers the way the platform does.
 */
jest.setTimeout(120_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const triggers = functions.flatMap((f) => (f.triggers ?? []).map((t) => [f.name, t.name] as const));

test.each(triggers)('%s.%s: posted by a client it runs nothing; fired by the platform it runs', async (fn, trigger) => {
  const body = { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
  const logsBefore = h.logs.length;
  for (const persona of [undefined, 'local-citizen', 'local-officer', 'local-admin']) {
    const res = await h.call(fn, body, persona);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  }
  const refused = h.logs.slice(logsBefore).map((l) => JSON.parse(l));
  expect(refused).toHaveLength(4);
  for (const line of refused) expect(line).toMatchObject({ fn, action: '(none)', outcome: 'rejected', errorCode: 'UNKNOWN_ACTION' });
  expect(refused.some((l) => l.trigger !== undefined)).toBe(false);

  expect(await h.timer(fn, trigger)).toMatchObject({ ok: true });
  expect(JSON.parse(h.logs.at(-1) ?? '{}')).toMatchObject({ fn, action: trigger, trigger, outcome: 'ok' });
});
