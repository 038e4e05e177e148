import type { AppointmentStatus } from '../../core/booking/Appointment';
import type { AppointmentCounts } from '../../core/statistics/hallReport';
import type { StatisticsStore } from '../../core/statistics/ports';
import type { Database } from '../cloudbase/app';

/**
 * A hall's report counted by the database (`aggregate`), not by reading its appointments: a month
 * of a busy hall is about 9,000 of them. Each pipeline starts with a `match` on hallId and date that
 * the index hall_date_start serves, and groups to at most a few hundred rows. CloudBase answers
 * only 20 rows of a pipeline without a `limit` stage, hence the explicit one.
 */
const MAX_GROUPS = 1000;

type Row<K> = { _id: K; count: number };

export class CloudbaseStatisticsStore implements StatisticsStore {
  constructor(private readonly db: Database) {}

  private async grouped<K>(hallId: string, from: string, to: string, key: Record<string, unknown>, onlyHeld = false): Promise<Array<Row<K>>> {
    const _ = this.db.command;
    const $ = _.aggregate;
    const match = { hallId, date: _.gte(from).and(_.lte(to)), ...(onlyHeld ? { status: _.neq('cancelled') } : {}) };
    const res = await this.db
      .collection('appointments')
      .aggregate()
      .match(match)
      .group({ _id: key, count: $.sum(1) })
      .limit(MAX_GROUPS)
      .end();
    return (res.data ?? []) as Array<Row<K>>;
  }

  async appointmentCounts(hallId: string, from: string, to: string): Promise<AppointmentCounts> {
    const $ = this.db.command.aggregate;
    const [byBusiness, byDate, byHour] = await Promise.all([
      this.grouped<{ business: string; status: AppointmentStatus }>(hallId, from, to, { business: '$business', status: '$status' }),
      this.grouped<{ date: string; status: AppointmentStatus }>(hallId, from, to, { date: '$date', status: '$status' }),
      this.grouped<{ hour: string }>(hallId, from, to, { hour: $.substrCP(['$start', 0, 2]) }, true),
    ]);
    return {
      byBusiness: byBusiness.map((r) => ({ business: r._id.business, status: r._id.status, count: r.count })),
      byDate: byDate.map((r) => ({ date: r._id.date, status: r._id.status, count: r.count })),
      byHour: byHour.map((r) => ({ hour: r._id.hour, count: r.count })),
    };
  }
}
