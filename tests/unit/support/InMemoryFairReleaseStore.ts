import type { ApplicationChange, DrawChange, FairReleaseStore } from '../../../core/fairRelease/ports';
import type { ReleaseApplicationDoc, ReleaseDraw } from '../../../core/fairRelease/ReleaseDraw';
import type { Turn } from './bookingInMemoryStore';

/** Releases by draw in memory: each operation atomic, after its turn (a fast-check scheduler may interleave them). */
export class InMemoryFairReleaseStore implements FairReleaseStore {
  readonly drawDocs = new Map<string, ReleaseDraw>();
  readonly applications = new Map<string, ReleaseApplicationDoc>();

  constructor(private readonly turn: Turn = async () => {}) {}

  private async op<T>(label: string, apply: () => T): Promise<T> {
    await this.turn(label);
    return structuredClone(apply());
  }

  addDraw(draw: ReleaseDraw) {
    return this.op('draws.add', () => !this.drawDocs.has(draw._id) && Boolean(this.drawDocs.set(draw._id, structuredClone(draw))));
  }

  draw(id: string) {
    return this.op('draws.get', () => this.drawDocs.get(id) ?? null);
  }

  changeDraw(id: string, version: number, change: DrawChange) {
    return this.op('draws.change', () => {
      const d = this.drawDocs.get(id);
      if (!d || d.version !== version) return false;
      this.drawDocs.set(id, { ...d, ...structuredClone(change), version: version + 1 });
      return true;
    });
  }

  draws(fromDate: string, limit: number, hallId?: string) {
    return this.op('draws.list', () =>
      [...this.drawDocs.values()]
        .filter((d) => d.date >= fromDate && (!hallId || d.hallId === hallId))
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .slice(0, limit),
    );
  }

  drawsDue(before: Date, limit: number) {
    return this.op('draws.due', () =>
      [...this.drawDocs.values()]
        .filter((d) => d.state !== 'done' && d.closesAt.getTime() <= before.getTime())
        .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
        .slice(0, limit),
    );
  }

  addApplication(a: ReleaseApplicationDoc) {
    return this.op('applications.add', () => !this.applications.has(a._id) && Boolean(this.applications.set(a._id, structuredClone(a))));
  }

  application(id: string) {
    return this.op('applications.get', () => this.applications.get(id) ?? null);
  }

  changeApplication(id: string, version: number, change: ApplicationChange) {
    return this.op('applications.change', () => {
      const a = this.applications.get(id);
      if (!a || a.version !== version) return false;
      this.applications.set(id, { ...a, ...structuredClone(change), version: version + 1 });
      return true;
    });
  }

  applicationsOf(drawId: string) {
    return this.op('applications.ofDraw', () => [...this.applications.values()].filter((a) => a.drawId === drawId).sort((a, b) => (a._id < b._id ? -1 : 1)));
  }

  countsOf(drawId: string) {
    return this.op('applications.count', () => {
      const counts: Partial<Record<ReleaseApplicationDoc['state'], number>> = {};
      for (const a of this.applications.values()) if (a.drawId === drawId) counts[a.state] = (counts[a.state] ?? 0) + 1;
      return counts;
    });
  }

  ofActor(actorOpenid: string, limit: number) {
    return this.op('applications.ofActor', () =>
      [...this.applications.values()]
        .filter((a) => a.actorOpenid === actorOpenid)
        .sort((a, b) => b.appliedAt.getTime() - a.appliedAt.getTime())
        .slice(0, limit),
    );
  }
}
