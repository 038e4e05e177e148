import type { Clock } from '../core/time/Clock';
import { localCloudUrl } from './local/localCloudUrl';

/**
 * The instant now. Inside the local cloud only (never in a real cloud function), tests and demos
 * can move time with HUKOU_LOCAL_CLOCK_OFFSET_MS, e.g. to reach an appointment's check-in window.
 */
export const systemClock: Clock = {
  now: () => {
    const offset = localCloudUrl() ? Number(process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS ?? 0) : 0;
    return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
  },
};
