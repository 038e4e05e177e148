/** The tracking view: Chinese names, Shanghai times, yuan, deadlines, the viewer's next actions. */
import { ReissueTrackingView, trackingView } from '../../core/reissue/views';
import { defaultReissueConfig } from '../../core/reissue/ReissueConfig';
import { transition, type Actor } from '../../core/reissue/stateMachine';
import type { ReissueApplication } from '../../core/reissue/ReissueApplication';
import type { ReissueEvent } from '../../core/reissue/events';
import { NATIONAL_DAY, OWNER, T0, draft } from './support/reissueFixtures';

const citizen: Actor = { role: 'citizen', id: OWNER };
const officer: Actor = { role: 'officer', id: 'officer-1' };
const system: Actor = { role: 'system' };
const context = (viewer: Actor) => ({ viewer, now: new Date('2026-10-29T02:00:00Z'), calendar: NATIONAL_DAY, config: defaultReissueConfig('460100') });

function step(app: ReissueApplication, event: Omit<ReissueEvent, 'expectedVersion'>, actor: Actor, hours: number): ReissueApplication {
  const r = transition(app, { ...event, expectedVersion: app.version } as ReissueEvent, actor, new Date(T0.getTime() + hours * 3_600_000));
  if (!r.ok) throw new Error(r.reason.detail);
  return r.app;
}

describe('trackingView', () => {
  const paid = [
    [{ type: 'submit' }, citizen],
    [{ type: 'startPayment', paymentId: 'pay-1' }, citizen],
    [{ type: 'paymentSucceeded', paymentId: 'pay-1' }, system],
  ] as const;
  const app = paid.reduce((a, [e, actor], i) => step(a, e, actor, i + 1), draft());

  it('shows the timeline in Chinese with Shanghai times, fees in yuan and the address as a place only', () => {
    const view = ReissueTrackingView.parse(trackingView(app, context(citizen)));
    expect(view).toMatchObject({ stateName: '已缴费，待审核', reasonName: '丢失补领', paymentStatusName: '已缴费', fees: { total: '55.00' } });
    expect(view.delivery).toEqual({ kind: 'mail', place: '海南省海口市美兰区' });
    expect(view.timeline.map((t) => t.eventName)).toEqual(['填写申请', '提交申请', '发起缴费', '缴费成功']);
    expect(view.timeline[1]).toMatchObject({ atText: '2026-09-25 11:00', byName: '申请人', stateName: '待缴费' });
    expect(JSON.stringify(view)).not.toMatch(/enc:|海府路/);
  });

  it('shows deadlines (overdue past the promised day) and what the viewer may do', () => {
    const view = trackingView(app, context(citizen));
    expect(view.deadlines).toEqual({ legalDue: '2026-11-24', legalDays: 60, promisedDue: '2026-10-28', status: 'pastPromised', overdue: true });
    expect(view.actions).toEqual(['cancel', 'changeAddress']);
    expect(trackingView(app, context(officer)).actions).toEqual(['startReview']);
    expect(trackingView(draft(), context(citizen)).deadlines).toBeUndefined();
  });

  it('shows the courier and tracking number once shipped', () => {
    const shipped = [
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
      [{ type: 'startProduction' }, officer],
      [{ type: 'ship', courier: 'sf', trackingNumber: 'SF1234567890' }, officer],
    ] as const;
    const done = shipped.reduce((a, [e, actor], i) => step(a, e, actor, 10 + i), app);
    const view = trackingView(done, context(citizen));
    expect(view.shipment).toMatchObject({ courier: 'sf', courierName: '顺丰速运', trackingNumber: 'SF1234567890' });
    expect(view.timeline.at(-1)).toMatchObject({ stateName: '已寄出', note: '顺丰速运 SF1234567890' });
    expect(view.deadlines?.status).toBe('met');
  });
});
