import { envIdArg } from './envId';

/** Where an ops command acts: a CloudBase environment, or a local cloud (the first-day rehearsal). */
export type OpsTarget = { kind: 'env'; envId: string } | { kind: 'url'; url: string };

/** `--env <envId>` or `--url <local cloud URL>`, exactly one; throws the usage line otherwise. */
export function opsTarget(argv: readonly string[], usage: string): OpsTarget {
  const hasEnv = argv.includes('--env');
  const at = argv.indexOf('--url');
  if (hasEnv === at >= 0) throw new Error(`name one target: --env <envId> or --url <local cloud URL>\nusage: ${usage}`);
  if (hasEnv) return { kind: 'env', envId: envIdArg(argv, usage) };
  const url = argv[at + 1];
  if (url === undefined || url.startsWith('--')) throw new Error(`--url needs a value\nusage: ${usage}`);
  if (!/^https?:\/\/[^\s/]+\/?$/.test(url)) throw new Error(`--url ${url} is not a local cloud address such as http://127.0.0.1:8787`);
  return { kind: 'url', url: url.replace(/\/$/, '') };
}
