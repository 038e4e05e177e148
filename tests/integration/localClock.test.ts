/**
 * One clock for the whole local cloud (HUKOU_LOCAL_CLOCK_OFFSET_MS, devcloud/localClock.ts): the
 * face-verification stand-in stamps its results on it, the courier stand-in delivers a shipped card
 * once its time has passed on it and the shipment poll records 已签收, and the timer runner of
 * `npm start` fires the declared triggers (reminders, the no-show sweep) when it reaches their time.
 */
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at } from './support/bookingFlow';
import { identityFlow } from './support/identityFlow';
import { reissueFlow } from './support/reissueFlow';

jest.setTimeout(180_000);

const HOUR = 3_600_000;

describe('the face stand-in and the courier on the moved clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ courierDeliversAfterMs: 2 * HOUR });
  });
  afterAll(async () => {
    await h.close();
  });

  test('face verification passes with the clock moved months ahead (its result is stamped on the local clock)', async () => {
    h.setNow(at('2027-03-01', '10:00'));
    const verified = await identityFlow(h).verify('itest-clock-visitor', { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912345678' });
    expect({ ok: verified.ok, error: verified.error }).toEqual({ ok: true, error: undefined });
  });

  test('a shipped card is delivered by the courier stand-in after its time and shows 已签收 after the poll', async () => {
    const start = at('2027-03-02', '10:00');
    h.setNow(start);
    const r = reissueFlow(h);
    const citizen = 'local-citizen';
    const paid = await r.paidApplication(citizen);
    const officer = 'local-officer';
    expect(paid.hallId).toBe('haikou-longhua');
    await r.ok(officer, 'startReview', { applicationId: paid.id });
    await r.ok(officer, 'approve', { applicationId: paid.id });
    await r.ok(officer, 'startProduction', { applicationId: paid.id });
    await r.ok(officer, 'ship', { applicationId: paid.id, courier: 'ems', trackingNumber: 'EMS2027030200CN' });

    // The first poll finds it picked up (the stand-in learns a number when it is first tracked).
    h.setNow(new Date(start.getTime() + HOUR));
    expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 0 });
    h.setNow(new Date(start.getTime() + 2 * HOUR));
    expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 0 });
    expect((await r.ok(citizen, 'application', { applicationId: paid.id })).state).toBe('shipped');

    h.setNow(new Date(start.getTime() + 4 * HOUR));
    expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 1 });
    expect(await r.ok(citizen, 'application', { applicationId: paid.id })).toMatchObject({ state: 'delivered', stateName: '已签收' });
  });
});

test('POST /local/clock moves the clock of the functions: a hall is closed at 19:00 Shanghai time, and {} returns to real time', async () => {
  const h = await startHarness();
  try {
    const post = async (body: unknown) =>
      (await fetch(`${h.cloud.url}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const moved = await post({ at: '2027-03-03T19:00:00+08:00' });
    expect(Math.abs(Date.parse(moved.now) - Date.parse('2027-03-03T11:00:00Z'))).toBeLessThan(60_000);
    const evening = await h.call('guide', { action: 'hall', data: { id: 'haikou-longhua' } });
    expect(evening.body).toMatchObject({ ok: true, data: { today: { date: '2027-03-03', openNow: false } } });
    await post({ at: '2027-03-03T10:00:00+08:00' });
    expect((await h.call('guide', { action: 'hall', data: { id: 'haikou-longhua' } })).body).toMatchObject({ ok: true, data: { today: { date: '2027-03-03', openNow: true } } });
    expect((await post({ at: 'not a date' })).error).toBe('PARAM_ERROR');
    const back = await post({});
    expect(back.offsetMs).toBe(0);
    expect(process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS).toBeUndefined();
  } finally {
    await h.close();
  }
});

describe('the timer runner of npm start on the moved clock', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  /** Waits (polling, no fixed sleep) until a function logged the run of a timer trigger. */
  async function firedOnSchedule(fn: string, trigger: string): Promise<Record<string, unknown>> {
    for (;;) {
      const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.fn === fn && l.trigger === trigger);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  test('the reminders (10:00 UTC) and the no-show sweep (16:30 UTC) fire when the local clock reaches them', async () => {
    h = await startHarness({ timers: true });
    // Two seconds before each trigger's time (cron in UTC, the platform's zone).
    h.setNow(new Date(Date.parse('2027-03-03T09:59:58Z')));
    expect(await firedOnSchedule('booking', 'sendReminders')).toMatchObject({ action: 'sendReminders', outcome: 'ok' });
    h.setNow(new Date(Date.parse('2027-03-03T16:29:58Z')));
    expect(await firedOnSchedule('booking', 'markNoShows')).toMatchObject({ action: 'markNoShows', outcome: 'ok' });
  });
});
