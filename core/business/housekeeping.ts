import type { BusinessConfig } from './BusinessConfig';
import type { BusinessRecord } from './BusinessDeps';
import type { BusinessState } from './BusinessApplication';
import { trackOf } from './kinds';

/**
 * What the daily timers do on their own (issue 15): close what nobody will finish, and delete
 * material photos once nobody may need them (docs/PRIVACY.md, "Material photos").
 */

const DAY_MS = 86_400_000;

/**
 * Material photos are kept this many days after an application ends: the 60 days in which the
 * applicant may ask for an administrative reconsideration of a decision (行政复议法 第二十条),
 * with a margin for one that arrives by post. Then they are deleted from storage.
 */
export const MATERIAL_RETENTION_DAYS = 90;

/** States a timer looks at to close or expire an application. */
export const LAPSING_STATES: readonly BusinessState[] = ['draft', 'correctionRequested', 'permitIssued', 'readyForHandover', 'permitExpired'];

/**
 * The event the system fires on its own now, or undefined: a draft or an unanswered correction
 * lapses after the hall's `lapseAfterDays` of silence; a migration's permit expires at its end; an
 * expired permit nobody extended lapses after `lapseAfterDays` more.
 */
export function lapseDue(
  app: Pick<BusinessRecord, 'state' | 'kind' | 'updatedAt' | 'permit'>,
  config: Pick<BusinessConfig, 'lapseAfterDays'>,
  now: Date,
): 'expire' | 'expirePermit' | undefined {
  const silentFor = now.getTime() - app.updatedAt.getTime();
  const lapse = config.lapseAfterDays * DAY_MS;
  switch (app.state) {
    case 'draft':
    case 'correctionRequested':
    case 'permitExpired':
      return silentFor >= lapse ? 'expire' : undefined;
    case 'permitIssued':
    case 'readyForHandover':
      return trackOf(app.kind) === 'migration' && app.permit && now.getTime() >= app.permit.validUntil.getTime() ? 'expirePermit' : undefined;
    default:
      return undefined;
  }
}
