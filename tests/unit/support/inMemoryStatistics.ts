import type { Appointment } from '../../../core/booking/Appointment';
import type { ConsultationCounts, QueueCounts } from '../../../core/statistics/floorReport';
import type { AppointmentCounts } from '../../../core/statistics/hallReport';
import type { AssistedCounts } from '../../../core/statistics/assistedReport';
import type { StatisticsStore } from '../../../core/statistics/ports';

/**
 * The statistics port over appointments held in memory: counts what the database's aggregation would.
 * The floor (queue tickets, consultations) counts nothing here: tests/integration/hallReport.test.ts
 * checks those through the real aggregation.
 */
export class InMemoryStatisticsStore implements StatisticsStore {
  constructor(private readonly appointments: () => Iterable<Appointment>) {}

  async appointmentCounts(hallId: string, from: string, to: string): Promise<AppointmentCounts> {
    const counted = <K extends string>(keyOf: (a: Appointment) => Record<K, string> | undefined) => {
      const groups = new Map<string, { key: Record<K, string>; count: number }>();
      for (const a of this.appointments()) {
        if (a.hallId !== hallId || a.date < from || a.date > to) continue;
        const key = keyOf(a);
        if (!key) continue;
        const id = JSON.stringify(key);
        const g = groups.get(id) ?? { key, count: 0 };
        g.count++;
        groups.set(id, g);
      }
      return [...groups.values()];
    };
    return {
      byBusiness: counted((a) => ({ business: a.business, status: a.status })).map((g) => ({ ...g.key, count: g.count }) as AppointmentCounts['byBusiness'][number]),
      byDate: counted((a) => ({ date: a.date, status: a.status })).map((g) => ({ ...g.key, count: g.count }) as AppointmentCounts['byDate'][number]),
      byHour: counted((a) => (a.status === 'cancelled' ? undefined : { hour: a.start.slice(0, 2) })).map((g) => ({ hour: g.key.hour, count: g.count })),
    };
  }

  async queueCounts(): Promise<QueueCounts> {
    return { tickets: [], meanWaitMs: null, meanServiceMs: null, byWindow: [], handled: [] };
  }

  async consultationCounts(): Promise<ConsultationCounts> {
    return { byState: [] };
  }

  async assistedCounts(): Promise<AssistedCounts> {
    return { byOfficer: [] };
  }
}
