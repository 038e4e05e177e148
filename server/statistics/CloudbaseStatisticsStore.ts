import type { AppointmentStatus } from '../../core/booking/Appointment';
import type { ConsultState } from '../../core/consult/consultNames';
import type { TicketSource, TicketStatus } from '../../core/queue/QueueTicket';
import type { ConsultationCounts, QueueCounts } from '../../core/statistics/floorReport';
import type { AppointmentCounts } from '../../core/statistics/hallReport';
import type { StatisticsStore } from '../../core/statistics/ports';
import { ASSISTED_COUNTED, type AssistedCounts } from '../../core/statistics/assistedReport';
import { addDays, shanghaiInstant } from '../../core/time/shanghai';
import type { Database } from '../cloudbase/app';

/**
 * A hall's report counted by the database (`aggregate`), not by reading its documents: a month of a
 * busy hall is about 9,000 appointments and as many queue tickets. Each pipeline starts with a
 * `match` on the hall and the period that an index serves (appointments hall_date_start,
 * queue_tickets hall_date_number, consultations hall_created) and groups to at most a few hundred
 * rows. CloudBase answers only 20 rows of a pipeline without a `limit` stage, hence the explicit one.
 */
const MAX_GROUPS = 1000;

type Row<K> = { _id: K; count: number };

export class CloudbaseStatisticsStore implements StatisticsStore {
  constructor(private readonly db: Database) {}

  private async grouped<K>(
    collection: string,
    match: Record<string, unknown>,
    key: unknown,
    extra: Record<string, unknown> = {},
  ): Promise<Array<Row<K> & Record<string, unknown>>> {
    const $ = this.db.command.aggregate;
    const res = await this.db
      .collection(collection)
      .aggregate()
      .match(match)
      .group({ _id: key, count: $.sum(1), ...extra })
      .limit(MAX_GROUPS)
      .end();
    return (res.data ?? []) as Array<Row<K> & Record<string, unknown>>;
  }

  private days(hallId: string, from: string, to: string): Record<string, unknown> {
    const _ = this.db.command;
    return { hallId, date: _.gte(from).and(_.lte(to)) };
  }

  async appointmentCounts(hallId: string, from: string, to: string): Promise<AppointmentCounts> {
    const $ = this.db.command.aggregate;
    const days = this.days(hallId, from, to);
    const [byBusiness, byDate, byHour] = await Promise.all([
      this.grouped<{ business: string; status: AppointmentStatus }>('appointments', days, { business: '$business', status: '$status' }),
      this.grouped<{ date: string; status: AppointmentStatus }>('appointments', days, { date: '$date', status: '$status' }),
      this.grouped<{ hour: string }>('appointments', { ...days, status: this.db.command.neq('cancelled') }, { hour: $.substrCP(['$start', 0, 2]) }),
    ]);
    return {
      byBusiness: byBusiness.map((r) => ({ business: r._id.business, status: r._id.status, count: r.count })),
      byDate: byDate.map((r) => ({ date: r._id.date, status: r._id.status, count: r.count })),
      byHour: byHour.map((r) => ({ hour: r._id.hour, count: r.count })),
    };
  }

  async queueCounts(hallId: string, from: string, to: string): Promise<QueueCounts> {
    const $ = this.db.command.aggregate;
    const days = this.days(hallId, from, to);
    const done = { ...days, status: 'done' };
    const [tickets, means, byWindow, handled] = await Promise.all([
      this.grouped<{ source: TicketSource; status: TicketStatus; green: string | null }>('queue_tickets', days, {
        source: '$source',
        status: '$status',
        green: $.ifNull(['$green.reason', null]),
      }),
      // Date minus date is milliseconds; a ticket without the later instant adds nothing to the mean.
      this.grouped<null>('queue_tickets', done, null, {
        wait: $.avg($.subtract(['$firstCalledAt', '$takenAt'])),
        service: $.avg($.subtract(['$doneAt', '$servedAt'])),
      }),
      this.grouped<string>('queue_tickets', done, '$window'),
      this.grouped<string>('queue_tickets', done, '$handled'),
    ]);
    const mean = means[0];
    const ms = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return {
      tickets: tickets.map((r) => ({ source: r._id.source, status: r._id.status, green: r._id.green ?? null, count: r.count })),
      meanWaitMs: ms(mean?.wait),
      meanServiceMs: ms(mean?.service),
      byWindow: byWindow.filter((r) => typeof r._id === 'string').map((r) => ({ window: r._id, count: r.count })),
      handled: handled.filter((r) => typeof r._id === 'string').map((r) => ({ business: r._id, count: r.count })),
    };
  }

  async consultationCounts(hallId: string, from: string, to: string): Promise<ConsultationCounts> {
    const _ = this.db.command;
    const asked = { hallId, createdAt: _.gte(shanghaiInstant(from)).and(_.lt(shanghaiInstant(addDays(to, 1)))) };
    const rows = await this.grouped<ConsultState>('consultations', asked, '$state');
    return { byState: rows.map((r) => ({ state: r._id, count: r.count })) };
  }

  /** Index hall_at of audit_log serves the match. */
  async assistedCounts(hallId: string, from: string, to: string): Promise<AssistedCounts> {
    const _ = this.db.command;
    const match = { hallId, action: _.in([...ASSISTED_COUNTED]), at: _.gte(shanghaiInstant(from)).and(_.lt(shanghaiInstant(addDays(to, 1)))) };
    const rows = await this.grouped<{ officer: string; action: string }>('audit_log', match, { officer: '$actorOpenid', action: '$action' });
    return { byOfficer: rows.map((r) => ({ officerOpenid: r._id.officer, action: r._id.action, count: r.count })) };
  }
}
