import { waitPlaceIds } from '../../core/waitlist/openPlaces';
import type { WaitlistStore, WaitPlace } from '../../core/waitlist/ports';
import type { WaitEntry } from '../../core/waitlist/WaitEntry';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';

const WAITLIST = 'waitlist';
const PLACES = 'waitlist_places';

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));

function revive(doc: WaitEntry | null): WaitEntry | null {
  if (!doc) return null;
  return { ...doc, joinedAt: asDate(doc.joinedAt), ...(doc.offer ? { offer: { ...doc.offer, until: asDate(doc.offer.until) } } : {}) };
}

/** Waiting-list entries in CloudBase (collection `waitlist`, issue 17, docs/WAITLIST.md). */
export class CloudbaseWaitlistStore implements WaitlistStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  async add(entry: WaitEntry): Promise<boolean> {
    try {
      await this.db.collection(WAITLIST).add(entry);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async entry(id: string): Promise<WaitEntry | null> {
    return revive(await getDoc<WaitEntry>(this.db, WAITLIST, id));
  }

  /** One indexed query (`line`: hallId, date, business, state, joinedAt, _id). */
  async firstWaiting(hallId: string, date: string, business: string, limit: number): Promise<WaitEntry[]> {
    const res = await this.db.collection(WAITLIST).where({ hallId, date, business, state: 'waiting' }).orderBy('joinedAt', 'asc').orderBy('_id', 'asc').limit(limit).get();
    return ((res.data ?? []) as WaitEntry[]).map((d) => revive(d)!);
  }

  async change(id: string, version: number, change: Partial<Pick<WaitEntry, 'state' | 'offer' | 'offers' | 'appointmentId' | 'joinedAt'>>): Promise<boolean> {
    const update: Record<string, unknown> = { ...change, version: version + 1 };
    if (change.offer) update.offer = this._.set(change.offer);
    return (await this.db.collection(WAITLIST).where({ _id: id, version }).update(update)).updated === 1;
  }

  /** One indexed count (`line`). */
  async ahead(entry: WaitEntry): Promise<number> {
    const _ = this._;
    const { hallId, date, business } = entry;
    const where = _.and([{ hallId, date, business, state: 'waiting' }, _.or([{ joinedAt: _.lt(entry.joinedAt) }, { joinedAt: entry.joinedAt, _id: _.lt(entry._id) }])]);
    return (await this.db.collection(WAITLIST).where(where).count()).total ?? 0;
  }

  /** One indexed query (`actor_joined`). */
  async ofActor(actorOpenid: string, limit: number): Promise<WaitEntry[]> {
    const res = await this.db.collection(WAITLIST).where({ actorOpenid }).orderBy('joinedAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as WaitEntry[]).map((d) => revive(d)!);
  }

  async claimPlace(idIndex: string, entryId: string, at: Date): Promise<boolean> {
    for (const _id of waitPlaceIds(idIndex)) {
      try {
        await this.db.collection(PLACES).add({ _id, idIndex, entryId, at });
        return true;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // Taken: by this very entry (joined again, or a retried request: renewed) or another.
        if ((await this.db.collection(PLACES).where({ _id, entryId }).update({ at })).updated === 1) return true;
      }
    }
    return false;
  }

  async placesOf(idIndex: string): Promise<WaitPlace[]> {
    const res = await this.db.collection(PLACES).where({ idIndex }).limit(20).get();
    return ((res.data ?? []) as WaitPlace[]).map((p) => ({ ...p, at: asDate(p.at) }));
  }

  /** Conditional on the entry and the time read, so a place another entry took, or this one renewed, since is left alone. */
  async releasePlace(place: WaitPlace): Promise<void> {
    await this.db.collection(PLACES).where({ _id: place._id, entryId: place.entryId, at: place.at }).remove();
  }

  /** One indexed query (`offers_due`: state, offer.until). */
  async openOfHall(hallId: string, from: string, to: string, limit: number): Promise<WaitEntry[]> {
    const res = await this.db
      .collection(WAITLIST)
      .where({ hallId, date: this._.gte(from).and(this._.lte(to)), state: this._.in(['waiting', 'offered']) })
      .orderBy('date', 'asc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as WaitEntry[]).map((d) => revive(d)!);
  }

  async offersDue(now: Date, limit: number): Promise<WaitEntry[]> {
    const res = await this.db
      .collection(WAITLIST)
      .where({ state: 'offered', 'offer.until': this._.lte(now) })
      .orderBy('offer.until', 'asc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as WaitEntry[]).map((d) => revive(d)!);
  }
}
