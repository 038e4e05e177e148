import type { Actor } from './stateMachine';

/** The applicant, known by their openid. */
export const citizen = (openid: string): Actor => ({ role: 'citizen', id: openid });

/** The system itself: timers, payment answers, refunds. */
export const SYSTEM: Actor = { role: 'system' };
