import type { HomeVisit } from './HomeVisit';
import { isOpenHomeVisit } from './homeVisitNames';

/** 0: arranged and open, 1: requested, not arranged yet, 2: closed. */
const group = (v: HomeVisit): number => (!isOpenHomeVisit(v.state) ? 2 : v.window ? 0 : 1);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order a hall works through its home visits in: open ones by what comes first — arranged
 * visits by their time (an overdue one therefore at the top), then requests not arranged yet, oldest
 * first (handled in turn); closed ones newest first (what just happened is what is looked for).
 * Ties by id, so the order is total.
 */
export function hallOrder(visits: readonly HomeVisit[]): HomeVisit[] {
  return [...visits].sort((a, b) => {
    const g = group(a) - group(b);
    if (g) return g;
    const within =
      group(a) === 0
        ? compareText(`${a.window!.date} ${a.window!.from}`, `${b.window!.date} ${b.window!.from}`)
        : group(a) === 1
          ? a.createdAt.getTime() - b.createdAt.getTime()
          : b.updatedAt.getTime() - a.updatedAt.getTime();
    return within || compareText(a._id, b._id);
  });
}
