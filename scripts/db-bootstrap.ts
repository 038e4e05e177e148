/**
 * `npm run db:bootstrap -- --env <envId> [--dry-run] [--replace-changed-indexes]`
 * (`--url <local cloud>` instead of `--env`: the same bootstrap against a local cloud started empty,
 * through its database-admin route; the first-day rehearsal)
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
import { localCloudAdmin } from './db/emulatorAdmin';
import { deployEnvironment } from './deploy/deployEnvironment';
import { opsTarget, type OpsTarget } from './deploy/opsTarget';
import { ROOT } from './functionBundles';

export function parseBootstrapArgs(argv: readonly string[]): { target: OpsTarget; dryRun: boolean; replaceChanged: boolean } {
  const target = opsTarget(argv, 'npm run db:bootstrap -- (--env <envId> | --url <local cloud URL>) [--dry-run] [--replace-changed-indexes]');
  return { target, dryRun: argv.includes('--dry-run'), replaceChanged: argv.includes('--replace-changed-indexes') };
}

async function main(): Promise<void> {
  const { target, dryRun, replaceChanged } = parseBootstrapArgs(process.argv.slice(2));
  const declared = `${collections.length} declared collections (config/collections.ts)`;
  const header = (label: string) => `Database plan for ${label}, ${declared}${dryRun ? ' (dry run: nothing is changed)' : ''}`;
  if (target.kind === 'url') {
    await bootstrapDatabase(localCloudAdmin(target.url), collections, {
      dryRun,
      replaceChanged,
      log: (line) => console.log(line),
      header: header(`the local cloud at ${target.url}`),
    });
    if (!dryRun) console.log(`\ndatabase of the local cloud at ${target.url} matches the declaration`);
    return;
  }
  const envId = target.envId;
  // An API key exported, or in the git-ignored .env / .env.local beside cloudbaserc.json.
  const { values } = deployEnvironment(ROOT);
  const secretId = values.TENCENTCLOUD_SECRETID;
  const secretKey = values.TENCENTCLOUD_SECRETKEY;
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
    header: header(envId),
  });
  if (!dryRun) console.log(`\ndatabase of ${envId} matches the declaration`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`db:bootstrap failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
