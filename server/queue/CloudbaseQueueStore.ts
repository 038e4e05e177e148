import type { QueueStore } from '../../core/queue/QueueStore';
import type { QueueTicket } from '../../core/queue/QueueTicket';
import type { TicketChanges } from '../../core/queue/windowMoves';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { fetchAll } from '../cloudbase/fetchAll';
import { ScheduleCache } from '../booking/ScheduleCache';

/** How old a hall-day's tickets may be when a waiting citizen's place is computed from them. */
export const PLACES_CACHE_MS = 2_000;

const DATES = ['takenAt', 'notBefore', 'firstCalledAt', 'lastCalledAt', 'servedAt', 'doneAt'] as const;

/** A stored ticket with its instants as Dates (however the database gave them back). */
function revive(doc: unknown): QueueTicket {
  const t = { ...(doc as QueueTicket) };
  for (const k of DATES) if (t[k] !== null && t[k] !== undefined) (t as Record<string, unknown>)[k] = new Date(t[k] as Date);
  if (t.green) t.green = { ...t.green, at: new Date(t.green.at) };
  return t;
}

/** Queue tickets in CloudBase (`queue_tickets`); every change is a compare-and-set on the ticket's version. */
export class CloudbaseQueueStore implements QueueStore {
  /** A hall-day's tickets for citizens' polls, kept PLACES_CACHE_MS per warm instance (a bounded, per-key short memory: ScheduleCache). */
  private readonly forPlaces: ScheduleCache<QueueTicket[]>;

  constructor(
    private readonly db: Database,
    now: () => number = Date.now,
  ) {
    this.forPlaces = new ScheduleCache((key) => this.ticketsOf(...(key.split('\u0000') as [string, string])), now, PLACES_CACHE_MS);
  }

  ticketsForPlaces(hallId: string, date: string): Promise<QueueTicket[]> {
    return this.forPlaces.get(`${hallId}\u0000${date}`);
  }

  private get _() {
    return this.db.command;
  }

  async ticketsOf(hallId: string, date: string): Promise<QueueTicket[]> {
    return (await fetchAll(this.db, 'queue_tickets', [['number', 'asc']], { hallId, date })).map(revive);
  }

  async ticket(id: string): Promise<QueueTicket | null> {
    const doc = await getDoc<unknown>(this.db, 'queue_tickets', id);
    return doc ? revive(doc) : null;
  }

  async addTicket(t: QueueTicket): Promise<boolean> {
    try {
      await this.db.collection('queue_tickets').add({ ...t });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async changeTicket(id: string, version: number, changes: TicketChanges): Promise<boolean> {
    // An object field is replaced whole (an update would otherwise merge into it, or fail on a null).
    const body: Record<string, unknown> = { ...changes };
    if (changes.green) body.green = this._.set(changes.green);
    const res = await this.db.collection('queue_tickets').where({ _id: id, version }).update(body);
    return res.updated === 1;
  }

  async takeWalkInPlace(hallId: string, date: string, quota: number): Promise<boolean> {
    if (quota <= 0) return false;
    const id = `${hallId}:${date}:walkIn`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.db
        .collection('queue_counters')
        .where({ _id: id, taken: this._.lt(quota) })
        .update({ taken: this._.inc(1) });
      if (res.updated === 1) return true;
      if (await getDoc(this.db, 'queue_counters', id)) return false;
      try {
        await this.db.collection('queue_counters').add({ _id: id, taken: 1 });
        return true;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    return false;
  }

  async latestCalls(hallId: string, date: string, limit: number): Promise<QueueTicket[]> {
    const res = await this.db
      .collection('queue_tickets')
      .where({ hallId, date, lastCalledAt: this._.neq(null) })
      .orderBy('lastCalledAt', 'desc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as unknown[]).map(revive);
  }
}
