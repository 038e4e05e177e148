import { isPoor, LEVEL_NAMES, RATING_LEVELS, type RatingLevel } from './Rating';

export interface LevelCount {
  level: RatingLevel;
  name: string;
  count: number;
}

export interface HallRatingSummary {
  total: number;
  byLevel: LevelCount[];
  /** Satisfied ratings (非常满意, 满意, 基本满意) per rating, as a whole percent; absent without ratings. */
  satisfactionPercent?: number;
  poorCount: number;
}

/**
 * A hall's figures as 好差评 publishes them: counts per level, the satisfaction rate (every rating
 * that is not poor, over all ratings; rounded down to a whole percent so 99.6 % never reads 100 %),
 * and the number of poor ratings to follow up.
 */
export function hallSummary(counts: Readonly<Record<RatingLevel, number>>): HallRatingSummary {
  const byLevel = RATING_LEVELS.map((level) => ({ level, name: LEVEL_NAMES[level], count: counts[level] }));
  const total = byLevel.reduce((n, l) => n + l.count, 0);
  const poorCount = byLevel.filter((l) => isPoor(l.level)).reduce((n, l) => n + l.count, 0);
  if (total === 0) return { total, byLevel, poorCount };
  return { total, byLevel, satisfactionPercent: Math.floor(((total - poorCount) * 100) / total), poorCount };
}
