import * as z from 'zod/mini';
import { FIELD } from '../identity/fieldNames';
import { maskName } from '../privacy/mask';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { configFor } from './cityConfig';
import type { Actor } from './stateMachine';
import { ReissueTrackingView, trackingView } from './views';
import { lazySchema } from '../function/lazySchema';

/** What every application action answers: the tracking view, the version to decide on, the hall, the subject's masked name. */
export const ApplicationView = lazySchema(() =>
  z.extend(ReissueTrackingView, {
    version: z.int(),
    hallId: z.string(),
    hallName: z.string(),
    subjectNameMasked: z.string(),
    /** 办件编号 (eight digits; shown grouped). Absent on applications made before numbers existed. */
    refNumber: z.optional(z.string()),
  }),
);
export type ApplicationView = z.infer<typeof ApplicationView>;

export async function viewOf(deps: Pick<ReissueDeps, 'store' | 'guides' | 'clock' | 'calendar' | 'secrets'>, app: ReissueRecord, viewer: Actor): Promise<ApplicationView> {
  const [config, hall] = await Promise.all([configFor(deps, app), deps.guides.hall(app.hallId)]);
  const view = trackingView(app, { viewer, now: deps.clock.now(), calendar: deps.calendar, config });
  let name = '***';
  try {
    name = maskName(deps.secrets.decrypt(app.subjectNameEnc, FIELD.name));
  } catch {
    // A name that cannot be decrypted (rotated key) is shown fully masked.
  }
  return { ...view, version: app.version, hallId: app.hallId, hallName: hall?.name ?? app.hallId, subjectNameMasked: name, ...(app.refNumber ? { refNumber: app.refNumber } : {}) };
}
