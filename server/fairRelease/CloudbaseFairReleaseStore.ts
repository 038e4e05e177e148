import type { ApplicationChange, DrawChange, FairReleaseStore } from '../../core/fairRelease/ports';
import type { ReleaseApplicationDoc, ReleaseDraw } from '../../core/fairRelease/ReleaseDraw';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { fetchAll } from '../cloudbase/fetchAll';

const DRAWS = 'release_draws';
const APPLICATIONS = 'release_applications';

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));

function reviveDraw(d: ReleaseDraw | null): ReleaseDraw | null {
  if (!d) return null;
  return {
    ...d,
    opensAt: asDate(d.opensAt),
    closesAt: asDate(d.closesAt),
    createdAt: asDate(d.createdAt),
    ...(d.leaseUntil && { leaseUntil: asDate(d.leaseUntil) }),
    ...(d.drawnAt && { drawnAt: asDate(d.drawnAt) }),
    ...(d.doneAt && { doneAt: asDate(d.doneAt) }),
  };
}

function reviveApplication(a: ReleaseApplicationDoc | null): ReleaseApplicationDoc | null {
  return a && { ...a, appliedAt: asDate(a.appliedAt) };
}

/** Releases by draw in CloudBase (issue 17, core/fairRelease): each change a compare-and-set on `version`. */
export class CloudbaseFairReleaseStore implements FairReleaseStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  private async add(collection: string, doc: object): Promise<boolean> {
    try {
      await this.db.collection(collection).add(doc);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  private async change(collection: string, id: string, version: number, change: Record<string, unknown>): Promise<boolean> {
    // Arrays and objects are set whole (an update would merge them field by field).
    const update: Record<string, unknown> = { version: version + 1 };
    for (const [k, v] of Object.entries(change)) update[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? this._.set(v) : v;
    return (await this.db.collection(collection).where({ _id: id, version }).update(update)).updated === 1;
  }

  addDraw(draw: ReleaseDraw): Promise<boolean> {
    return this.add(DRAWS, draw);
  }

  async draw(id: string): Promise<ReleaseDraw | null> {
    return reviveDraw(await getDoc<ReleaseDraw>(this.db, DRAWS, id));
  }

  changeDraw(id: string, version: number, change: DrawChange): Promise<boolean> {
    return this.change(DRAWS, id, version, change);
  }

  /** One indexed query (`hall_date` or `date`); the order is left out (it can be long). */
  async draws(fromDate: string, limit: number, hallId?: string): Promise<ReleaseDraw[]> {
    const where = { ...(hallId && { hallId }), date: this._.gte(fromDate) };
    const res = await this.db.collection(DRAWS).where(where).orderBy('date', 'asc').limit(limit).get();
    return ((res.data ?? []) as ReleaseDraw[]).map((d) => reviveDraw(d)!);
  }

  /** One indexed query (`due`: state, closesAt). */
  async drawsDue(before: Date, limit: number): Promise<ReleaseDraw[]> {
    const res = await this.db
      .collection(DRAWS)
      .where({ state: this._.in(['open', 'drawing']), closesAt: this._.lte(before) })
      .orderBy('closesAt', 'asc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as ReleaseDraw[]).map((d) => reviveDraw(d)!);
  }

  addApplication(a: ReleaseApplicationDoc): Promise<boolean> {
    return this.add(APPLICATIONS, a);
  }

  async application(id: string): Promise<ReleaseApplicationDoc | null> {
    return reviveApplication(await getDoc<ReleaseApplicationDoc>(this.db, APPLICATIONS, id));
  }

  changeApplication(id: string, version: number, change: ApplicationChange): Promise<boolean> {
    return this.change(APPLICATIONS, id, version, change);
  }

  /** Paged by `draw` (drawId, _id). */
  async applicationsOf(drawId: string): Promise<ReleaseApplicationDoc[]> {
    return ((await fetchAll(this.db, APPLICATIONS, [['_id', 'asc']], { drawId })) as ReleaseApplicationDoc[]).map((a) => reviveApplication(a)!);
  }

  /** One count per state (`draw_state`: drawId, state). */
  async countsOf(drawId: string): Promise<Partial<Record<ReleaseApplicationDoc['state'], number>>> {
    const states = ['applied', 'withdrawn', 'placed', 'waiting'] as const;
    const totals = await Promise.all(states.map(async (state) => (await this.db.collection(APPLICATIONS).where({ drawId, state }).count()).total ?? 0));
    return Object.fromEntries(states.map((s, i) => [s, totals[i]]));
  }

  /** One indexed query (`actor_applied`). */
  async ofActor(actorOpenid: string, limit: number): Promise<ReleaseApplicationDoc[]> {
    const res = await this.db.collection(APPLICATIONS).where({ actorOpenid }).orderBy('appliedAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as ReleaseApplicationDoc[]).map((a) => reviveApplication(a)!);
  }
}
