/** Rating levels, poor-service reasons and their names, free of zod: the rating sheet shows them. */

export const RATING_LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

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
export type PoorReason = (typeof POOR_REASONS)[number];

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
