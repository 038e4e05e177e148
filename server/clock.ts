import type { Clock } from '../core/time/Clock';

export const systemClock: Clock = { now: () => new Date() };
