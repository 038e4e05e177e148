import { z } from 'zod';

/**
 * A 好差评 rating of one finished service (国办发〔2019〕51号): five levels, and for a poor
 * rating the reasons from a fixed list. One per service: the stored id is derived from the
 * service, so the database itself refuses a second (collection `service_ratings`).
 */

/** From best to worst, as the national platform lists them. */
export const RATING_LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'] as const;
export const RatingLevel = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const LEVEL_NAMES: Record<RatingLevel, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};

/** 不满意 and 非常不满意 are poor ratings (差评): they need reasons and are followed up. */
export function isPoor(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'veryDissatisfied';
}

/** Why a service was poor: the fixed list the citizen chooses from (one or more). */
export const POOR_REASONS = ['guideUnclear', 'tooSlow', 'attitude', 'repeatedVisits', 'onlineHard', 'deliveryProblem', 'other'] as const;
export const PoorReason = z.enum(POOR_REASONS);
export type PoorReason = z.infer<typeof PoorReason>;

export const REASON_NAMES: Record<PoorReason, string> = {
  guideUnclear: '办事指南不清楚、不准确',
  tooSlow: '等候或办理时间过长',
  attitude: '工作人员服务态度不好',
  repeatedVisits: '多次跑动、反复提交材料',
  onlineHard: '线上操作不方便',
  deliveryProblem: '证件寄递或领取有问题',
  other: '其他',
};

/** The longest optional comment, in characters. */
export const COMMENT_MAX = 100;

/** What a rating is of: an appointment at a hall, or an online reissue application. */
export const RatedKind = z.enum(['appointment', 'application']);
export type RatedKind = z.infer<typeof RatedKind>;

/** What the citizen sends (the service is named by the action's own id field). */
export const RatingInput = z
  .object({
    level: RatingLevel,
    reasons: z.array(PoorReason).max(POOR_REASONS.length).optional(),
    comment: z
      .string()
      .max(COMMENT_MAX * 2)
      .optional(),
  })
  .strict();
export type RatingInput = z.infer<typeof RatingInput>;

export interface ServiceRating {
  /** `<kind>:<service id>`: one rating per service. */
  _id: string;
  kind: RatedKind;
  serviceId: string;
  /** The hall that served it (and sees the rating). */
  hallId: string;
  /** The business rated (a guide id, or `id-card-reissue`). */
  business: string;
  /** The account that booked or applied and rated (it may have acted for a family member). */
  actorOpenid: string;
  level: RatingLevel;
  poor: boolean;
  reasons: PoorReason[];
  comment?: string;
  createdAt: Date;
}

export function ratingId(kind: RatedKind, serviceId: string): string {
  return `${kind}:${serviceId}`;
}

/** What a citizen or the hall sees of a rating: no account, no person. */
export const RatingView = z.object({
  id: z.string(),
  kind: RatedKind,
  serviceId: z.string(),
  level: RatingLevel,
  levelName: z.string(),
  reasons: z.array(z.object({ code: PoorReason, name: z.string() })),
  comment: z.string().optional(),
  createdAt: z.string(),
});
export type RatingView = z.infer<typeof RatingView>;

export function ratingView(r: ServiceRating): RatingView {
  return {
    id: r._id,
    kind: r.kind,
    serviceId: r.serviceId,
    level: r.level,
    levelName: LEVEL_NAMES[r.level],
    reasons: r.reasons.map((code) => ({ code, name: REASON_NAMES[code] })),
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  };
}
