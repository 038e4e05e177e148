import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import type { BusinessConfig } from '../BusinessConfig';
import type { BusinessDeps } from '../BusinessDeps';
import { fireBusiness } from '../fire';
import { LAPSING_STATES, lapseDue, MATERIAL_RETENTION_DAYS } from '../housekeeping';
import { staleUploadFate, staleUploadsBefore } from '../uploads';
import { photoIdsOf } from '../views';
import { SYSTEM_ACTOR } from './shared';

const BATCH = 200;
const DAY_MS = 86_400_000;
/** Ended: nothing more is decided on the photos (an issued certificate is only ever revoked). */
const ENDED = ['rejected', 'withdrawn', 'lapsed', 'revoked', 'completed', 'issued'] as const;

export const expireApplications = defineAction({
  summary:
    'Timer only (daily): drafts and unanswered corrections lapse after the hall’s silence limit; permissions to move in expire at their end; expired permits nobody extended lapse.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ checked: z.int(), lapsed: z.int(), permitsExpired: z.int(), failed: z.int() })),
  errors: [],
  async run(_input, deps: BusinessDeps) {
    const counts = { checked: 0, lapsed: 0, permitsExpired: 0, failed: 0 };
    const configs = new Map<string, BusinessConfig>();
    const now = deps.clock.now();
    for (const app of await deps.store.inStates(LAPSING_STATES, BATCH)) {
      counts.checked++;
      const config = configs.get(app.hallId) ?? (await deps.store.config(app.hallId));
      configs.set(app.hallId, config);
      const due = lapseDue(app, config, now);
      if (!due) continue;
      try {
        await fireBusiness(deps, app, { type: due }, SYSTEM_ACTOR);
        if (due === 'expire') counts.lapsed++;
        else counts.permitsExpired++;
      } catch {
        counts.failed++; // changed meanwhile: the next run looks again
      }
    }
    return counts;
  },
});

export const purgeMaterials = defineAction({
  summary: `Timer only (daily): deletes the material photos of applications that ended more than ${MATERIAL_RETENTION_DAYS} days ago with every upload place handed out for them (docs/PRIVACY.md), photos uploaded but still not attached a day after their place was handed out, and the public lookup counters older than a day.`,
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ applications: z.int(), files: z.int(), unattached: z.int(), lookups: z.int() })),
  errors: [],
  async run(_input, deps: BusinessDeps) {
    const now = deps.clock.now();
    const before = new Date(now.getTime() - MATERIAL_RETENTION_DAYS * DAY_MS);
    let files = 0;
    const apps = await deps.store.photosToPurge(ENDED, before, BATCH);
    for (const app of apps) {
      const issued = await deps.store.uploadsOf(app._id);
      const ids = [...new Set([...photoIdsOf(app), ...issued.map((u) => u.fileId)])];
      if (ids.length) files += await deps.storage.remove(ids);
      await deps.store.forgetUploads(issued.map((u) => u._id));
      await deps.store.markMaterialsPurged(app._id, now);
    }
    const unattached = await purgeUnattached(deps, now);
    // The public verification's per-account counters matter for their 10-minute window only, the upload counters for their day.
    const lookups = await deps.store.removeLookupsBefore(new Date(now.getTime() - DAY_MS));
    return { applications: apps.length, files, unattached, lookups };
  },
});

/**
 * Upload places handed out more than a day ago: the file is deleted unless its application holds
 * it; the record is forgotten either way. Answers how many files were there to delete.
 */
async function purgeUnattached(deps: BusinessDeps, now: Date): Promise<number> {
  const stale = await deps.store.uploadsIssuedBefore(staleUploadsBefore(now), BATCH);
  const held = new Map<string, ReadonlySet<string> | undefined>();
  const doomed: string[] = [];
  for (const upload of stale) {
    if (!held.has(upload.applicationId)) {
      const app = await deps.store.application(upload.applicationId);
      held.set(upload.applicationId, app ? new Set(photoIdsOf(app)) : undefined);
    }
    if (staleUploadFate(upload, held.get(upload.applicationId)) === 'deleteFile') doomed.push(upload.fileId);
  }
  const removed = doomed.length ? await deps.storage.remove(doomed) : 0;
  await deps.store.forgetUploads(stale.map((u) => u._id));
  return removed;
}
