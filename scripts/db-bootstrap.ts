/**
 * `npm run db:bootstrap -- --env <envId> [--dry-run] [--replace-changed-indexes]`
 *
 * Makes a CloudBase environment's database match config/collections.ts (the declaration the local
 * cloud uses too): creates missing collections, indexes (unique ones included) and security rules
 * through @cloudbase/manager-node. Idempotent: it lists what exists first and creates only what is
 * missing. `--dry-run` prints the plan and changes nothing; without an API key it plans as if the
 * environment were empty.
 */
import CloudBase from '@cloudbase/manager-node';
import { collections } from '../config/collections';
import { planBootstrap, renderBootstrapPlan } from './db/bootstrapPlan';
import { bootstrapDatabase } from './db/bootstrap';
import { managerNodeAdmin } from './db/databaseAdmin';
import { deployEnvironment } from './deploy/deployEnvironment';
import { envIdArg } from './deploy/envId';
import { ROOT } from './functionBundles';

export function parseBootstrapArgs(argv: readonly string[]): { envId: string; dryRun: boolean; replaceChanged: boolean } {
  const envId = envIdArg(argv, 'npm run db:bootstrap -- --env <envId> [--dry-run] [--replace-changed-indexes]');
  return { envId, dryRun: argv.includes('--dry-run'), replaceChanged: argv.includes('--replace-changed-indexes') };
}

async function main(): Promise<void> {
  const { envId, dryRun, replaceChanged } = parseBootstrapArgs(process.argv.slice(2));
  // An API key exported, or in the git-ignored .env / .env.local beside cloudbaserc.json.
  const { values } = deployEnvironment(ROOT);
  const secretId = values.TENCENTCLOUD_SECRETID;
  const secretKey = values.TENCENTCLOUD_SECRETKEY;
  const declared = `${collections.length} declared collections (config/collections.ts)`;
  if (!secretId || !secretKey) {
    if (!dryRun) throw new Error('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must hold an API key of the CloudBase account (see docs/DEPLOY.md)');
    const plan = planBootstrap(collections, new Map(), { replaceChanged });
    console.log(renderBootstrapPlan(plan, `Database plan for ${envId}, ${declared} (dry run, no API key: planned as if the environment were empty)`));
    return;
  }
  const admin = managerNodeAdmin(new CloudBase({ secretId, secretKey, envId }), envId);
  await bootstrapDatabase(admin, collections, {
    dryRun,
    replaceChanged,
    log: (line) => console.log(line),
    header: `Database plan for ${envId}, ${declared}${dryRun ? ' (dry run: nothing is changed)' : ''}`,
  });
  if (!dryRun) console.log(`\ndatabase of ${envId} matches the declaration`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`db:bootstrap failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
