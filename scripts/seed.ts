/**
 * Imports the content of data/ (categories, guides, halls) by stable id, so running it again
 * changes nothing.
 * - Locally, into a running local cloud: `npm run seed -- --url http://127.0.0.1:8787`
 *   (`npm start` already does this at every start).
 * - Into a CloudBase environment: `npm run seed -- --env <envId>`, with an API key in
 *   TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (run `npm run db:bootstrap` first).
 */
import tcb from '@cloudbase/node-sdk';
import { localDatabase } from '../devcloud/localDatabase';
import type { Database } from '../server/cloudbase/app';
import { deployEnvironment } from './deploy/deployEnvironment';
import { envIdArg } from './deploy/envId';
import { ROOT } from './functionBundles';
import { importContent, type ImportReport } from '../server/seed/importContent';
import { importSchedules } from '../server/seed/importSchedules';
import { loadSchedules } from '../server/seed/loadSchedules';
import { loadSeedContent } from '../server/seed/loadSeedContent';

const USAGE = 'npm run seed -- [--url <local cloud>] | --env <envId>';

/** The database to import into: a CloudBase environment (with API keys) or a local cloud. */
export function seedTarget(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): { label: string; db: () => Database } {
  if (argv.includes('--env')) {
    const envId = envIdArg(argv, USAGE);
    const secretId = env.TENCENTCLOUD_SECRETID;
    const secretKey = env.TENCENTCLOUD_SECRETKEY;
    if (!secretId || !secretKey) {
      throw new Error('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must hold an API key of the CloudBase account (see docs/DEPLOY.md)');
    }
    return { label: `CloudBase environment ${envId}`, db: () => tcb.init({ env: envId, secretId, secretKey }).database() };
  }
  const at = argv.indexOf('--url');
  const url = at >= 0 ? argv[at + 1] : `http://127.0.0.1:${env.PORT ?? 8787}`;
  return { label: `local cloud ${url}`, db: () => localDatabase(url) };
}

/** The production seed: data/'s content (categories, guides, halls, lexicon) and the halls' schedules. No demo data. */
export async function seedContent(db: Database): Promise<ImportReport[]> {
  const content = loadSeedContent();
  return [...(await importContent(db, content)), await importSchedules(db, loadSchedules(undefined, content))];
}

async function main(): Promise<void> {
  // An API key exported, or in the git-ignored .env / .env.local beside cloudbaserc.json.
  const target = seedTarget(process.argv.slice(2), deployEnvironment(ROOT).values);
  console.log(`importing data/ into the ${target.label}`);
  const reports = await seedContent(target.db());
  for (const r of reports) console.log(`${r.collection}: ${r.written} written${r.stale.length ? `, not in data/: ${r.stale.join(', ')}` : ''}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
