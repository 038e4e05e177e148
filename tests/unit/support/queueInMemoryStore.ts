import type { QueueStore } from '../../../core/queue/QueueStore';
import type { QueueTicket } from '../../../core/queue/QueueTicket';
import type { TicketChanges } from '../../../core/queue/windowMoves';

const copy = (t: QueueTicket): QueueTicket => structuredClone(t);

/**
 * The queue store in memory, with the database's one guarantee the queue relies on: a
 * compare-and-set on the version is atomic. `turn`, when given, is awaited before every
 * operation runs (fast-check's scheduler then picks which pending operation runs next).
 */
export class InMemoryQueueStore implements QueueStore {
  readonly tickets = new Map<string, QueueTicket>();
  readonly walkIns = new Map<string, number>();
  constructor(private readonly turn: (label: string) => Promise<void> = () => Promise.resolve()) {}

  async ticketsOf(hallId: string, date: string): Promise<QueueTicket[]> {
    await this.turn('ticketsOf');
    return [...this.tickets.values()].filter((t) => t.hallId === hallId && t.date === date).map(copy);
  }
  ticketsForPlaces(hallId: string, date: string): Promise<QueueTicket[]> {
    return this.ticketsOf(hallId, date);
  }
  async ticket(id: string): Promise<QueueTicket | null> {
    await this.turn(`ticket ${id}`);
    const t = this.tickets.get(id);
    return t ? copy(t) : null;
  }
  async addTicket(t: QueueTicket): Promise<boolean> {
    await this.turn(`add ${t._id}`);
    if (this.tickets.has(t._id)) return false;
    this.tickets.set(t._id, copy(t));
    return true;
  }
  async changeTicket(id: string, version: number, changes: TicketChanges): Promise<boolean> {
    await this.turn(`change ${id}`);
    const t = this.tickets.get(id);
    if (!t || t.version !== version) return false;
    this.tickets.set(id, copy({ ...t, ...changes }));
    return true;
  }
  async takeWalkInPlace(hallId: string, date: string, quota: number): Promise<boolean> {
    await this.turn('walkIn');
    const key = `${hallId}:${date}`;
    const n = this.walkIns.get(key) ?? 0;
    if (n >= quota) return false;
    this.walkIns.set(key, n + 1);
    return true;
  }
  async latestCalls(hallId: string, date: string, limit: number): Promise<QueueTicket[]> {
    return (await this.ticketsOf(hallId, date))
      .filter((t) => t.lastCalledAt)
      .sort((a, b) => b.lastCalledAt!.getTime() - a.lastCalledAt!.getTime())
      .slice(0, limit);
  }
}
