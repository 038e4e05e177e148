import { keysFromEnvironment } from '../../server/crypto/keysFromEnvironment';
import { createSecrets } from '../../server/identity/secrets';
import { importContent, type ImportReport } from '../../server/seed/importContent';
import { importIdentityDemo } from './importIdentityDemo';
import { importSchedules } from '../../server/seed/importSchedules';
import { loadSchedules } from '../../server/seed/loadSchedules';
import { loadResidents } from './loadResidents';
import { loadSeedContent } from '../../server/seed/loadSeedContent';
import { devEnvironment } from '../devEnvironment';
import { localDatabase } from '../localDatabase';
import { localNow } from '../localClock';
import { shanghaiDate } from '../../core/time/shanghai';

/**
 * Fills a local cloud with the content of data/ (guides, halls), its registry stand-in with the
 * synthetic residents, and the demo personas, encrypted with the keys the functions use (the dev keys unless set). Dates that
 * rules read are computed from `now`, the local clock (HUKOU_LOCAL_CLOCK_OFFSET_MS) unless given.
 */
export async function seedLocalCloud(url: string, now = new Date(localNow())): Promise<ImportReport[]> {
  const db = localDatabase(url);
  const content = loadSeedContent();
  const reports = [...(await importContent(db, content)), await importSchedules(db, loadSchedules(undefined, content))];
  await fillRegistryStandIn(url, now);
  await importIdentityDemo(db, functionSecrets(), loadResidents(undefined, shanghaiDate(now)), now);
  return reports;
}

/** The keys the functions of this process's local cloud use (the dev keys unless set). */
export function functionSecrets(env: NodeJS.ProcessEnv = process.env) {
  const { cipher, blindIndex } = keysFromEnvironment({
    HUKOU_DATA_KEYS: env.HUKOU_DATA_KEYS ?? devEnvironment.HUKOU_DATA_KEYS,
    HUKOU_DATA_KEY_ID: env.HUKOU_DATA_KEY_ID ?? devEnvironment.HUKOU_DATA_KEY_ID,
    HUKOU_INDEX_KEY: env.HUKOU_INDEX_KEY ?? devEnvironment.HUKOU_INDEX_KEY,
  });
  return createSecrets(cipher, blindIndex);
}

/**
 * The outside world of a first day: the population registry's stand-in (its own listener,
 * devcloud/registry) knows the synthetic residents as of `now`'s day (the bureau's system exists
 * before the service does). Nothing else: no content, no persona, no account.
 */
export async function fillRegistryStandIn(url: string, now = new Date(localNow())): Promise<void> {
  const seeded = await fetch(`${url}/local/registry/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ today: shanghaiDate(now) }) });
  if (!seeded.ok) throw new Error(`seeding the local registry failed: ${seeded.status}`);
}
