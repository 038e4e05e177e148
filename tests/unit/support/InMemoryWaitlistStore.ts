import { waitPlaceIds } from '../../../core/waitlist/openPlaces';
import type { WaitlistStore, WaitPlace } from '../../../core/waitlist/ports';
import type { WaitEntry } from '../../../core/waitlist/WaitEntry';
import type { Turn } from './bookingInMemoryStore';

/** The waiting list in memory: each operation atomic, after its turn (a fast-check scheduler may interleave them). */
export class InMemoryWaitlistStore implements WaitlistStore {
  readonly entries = new Map<string, WaitEntry>();
  readonly places = new Map<string, WaitPlace>();

  constructor(private readonly turn: Turn = async () => {}) {}

  private async op<T>(label: string, apply: () => T): Promise<T> {
    await this.turn(label);
    return apply();
  }

  add(entry: WaitEntry) {
    return this.op('waitlist.add', () => {
      if (this.entries.has(entry._id)) return false;
      this.entries.set(entry._id, structuredClone(entry));
      return true;
    });
  }

  entry(id: string) {
    return this.op('waitlist.get', () => structuredClone(this.entries.get(id) ?? null));
  }

  firstWaiting(hallId: string, date: string, business: string, limit: number) {
    return this.op('waitlist.firstWaiting', () =>
      [...this.entries.values()]
        .filter((e) => e.hallId === hallId && e.date === date && e.business === business && e.state === 'waiting')
        .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a._id < b._id ? -1 : 1))
        .slice(0, limit)
        .map((e) => structuredClone(e)),
    );
  }

  change(id: string, version: number, change: Partial<Pick<WaitEntry, 'state' | 'offer' | 'offers' | 'appointmentId' | 'joinedAt'>>) {
    return this.op('waitlist.change', () => {
      const e = this.entries.get(id);
      if (!e || e.version !== version) return false;
      this.entries.set(id, { ...e, ...structuredClone(change), version: version + 1 });
      return true;
    });
  }

  ofActor(actorOpenid: string, limit: number) {
    return this.op('waitlist.ofActor', () =>
      [...this.entries.values()]
        .filter((e) => e.actorOpenid === actorOpenid)
        .sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime())
        .slice(0, limit)
        .map((e) => structuredClone(e)),
    );
  }

  ahead(entry: WaitEntry) {
    return this.op(
      'waitlist.ahead',
      () =>
        [...this.entries.values()].filter(
          (e) =>
            e.hallId === entry.hallId &&
            e.date === entry.date &&
            e.business === entry.business &&
            e.state === 'waiting' &&
            (e.joinedAt.getTime() < entry.joinedAt.getTime() || (e.joinedAt.getTime() === entry.joinedAt.getTime() && e._id < entry._id)),
        ).length,
    );
  }

  async claimPlace(idIndex: string, entryId: string, at: Date) {
    for (const _id of waitPlaceIds(idIndex)) {
      const taken = await this.op('waitlist.claimPlace', () => {
        const held = this.places.get(_id);
        if (!held) {
          this.places.set(_id, { _id, idIndex, entryId, at });
          return true;
        }
        if (held.entryId !== entryId) return false;
        this.places.set(_id, { ...held, at });
        return true;
      });
      if (taken) return true;
    }
    return false;
  }

  placesOf(idIndex: string) {
    return this.op('waitlist.placesOf', () => [...this.places.values()].filter((p) => p.idIndex === idIndex).map((p) => ({ ...p })));
  }

  releasePlace(place: WaitPlace) {
    return this.op('waitlist.releasePlace', () => {
      const held = this.places.get(place._id);
      if (held && held.entryId === place.entryId && held.at.getTime() === place.at.getTime()) this.places.delete(place._id);
    });
  }

  offersDue(now: Date, limit: number) {
    return this.op('waitlist.offersDue', () =>
      [...this.entries.values()]
        .filter((e) => e.state === 'offered' && e.offer && e.offer.until.getTime() <= now.getTime())
        .slice(0, limit)
        .map((e) => structuredClone(e)),
    );
  }

  openOfHall(hallId: string, from: string, to: string, limit: number) {
    return this.op('waitlist.openOfHall', () =>
      [...this.entries.values()]
        .filter((e) => e.hallId === hallId && e.date >= from && e.date <= to && (e.state === 'waiting' || e.state === 'offered'))
        .sort((a, b) => a.date.localeCompare(b.date))
        .slice(0, limit)
        .map((e) => structuredClone(e)),
    );
  }
}
