/**
 * `npm run admin:grant -- --env <envId> --openid <openid> [--dry-run] [--by <operator>]`
 *
 * Makes the account with that openid an admin of the service in a CloudBase environment: the first
 * admin of a new deployment, who then invites the officers in the mini-program. Reaches the
 * environment through @cloudbase/node-sdk with the API key db:bootstrap and seed use
 * (TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY, exported or in .env / .env.local). With
 * `--url <local cloud>` instead of `--env` it runs the same code against a local cloud (the
 * first-day rehearsal). Idempotent and audited (`admin.grant`); `--dry-run` only reads and says
 * what it would do. The person's openid is on their 我的 page (我的用户标识).
 */
import { userInfo } from 'node:os';
import tcb from '@cloudbase/node-sdk';
import { localDatabase } from '../devcloud/localDatabase';
import type { Database } from '../server/cloudbase/app';
import { describeGrant, grantAdmin } from './admin/grantAdmin';
import { parseGrantArgs, type GrantTarget } from './admin/grantArgs';
import { deployEnvironment } from './deploy/deployEnvironment';
import { ROOT } from './functionBundles';

function databaseOf(target: GrantTarget, env: Readonly<Record<string, string | undefined>>): { label: string; db: Database } {
  if (target.kind === 'url') return { label: `the local cloud at ${target.url}`, db: localDatabase(target.url) };
  const secretId = env.TENCENTCLOUD_SECRETID;
  const secretKey = env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey) throw new Error('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must hold an API key of the CloudBase account (see docs/DEPLOY.md)');
  return { label: `CloudBase environment ${target.envId}`, db: tcb.init({ env: target.envId, secretId, secretKey }).database() };
}

function operatorName(): string {
  try {
    return userInfo().username || 'ops';
  } catch {
    return 'ops';
  }
}

async function main(): Promise<void> {
  const args = parseGrantArgs(process.argv.slice(2));
  const { label, db } = databaseOf(args.target, deployEnvironment(ROOT).values);
  const result = await grantAdmin(db, args.openid, {
    now: new Date(),
    operator: args.operator ?? operatorName(),
    dryRun: args.dryRun,
    allowLocal: args.target.kind === 'url',
  });
  console.log(describeGrant(result, label));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    // The SDK's errors carry a code; a new environment's first mistake is granting before the bootstrap.
    const hint = (e as { code?: string })?.code === 'DATABASE_COLLECTION_NOT_EXIST' ? ' (run npm run db:bootstrap for this environment first)' : '';
    console.error(`admin:grant failed: ${e instanceof Error ? e.message : String(e)}${hint}`);
    process.exit(1);
  });
}
