import { opsTarget, type OpsTarget } from '../deploy/opsTarget';
import { openidProblem } from './grantAdmin';

export const GRANT_USAGE = 'npm run admin:grant -- (--env <envId> | --url <local cloud URL>) --openid <openid> [--dry-run] [--by <operator>]';

export type GrantTarget = OpsTarget;

export interface GrantArgs {
  target: GrantTarget;
  openid: string;
  dryRun: boolean;
  /** Who runs it, for the audit record (default: the OS user). */
  operator?: string;
}

const KNOWN = new Set(['--env', '--url', '--openid', '--by', '--dry-run']);
const TAKES_VALUE = new Set(['--env', '--url', '--openid', '--by']);

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\nusage: ${GRANT_USAGE}`);
  return value;
}

/**
 * `--env <envId>` (a CloudBase environment, with the API key db:bootstrap uses) or `--url <URL>`
 * (a local cloud, which also accepts its persona openids), exactly one; `--openid` trimmed (a copy
 * from the phone may carry spaces) and checked; unknown flags refused rather than ignored.
 */
export function parseGrantArgs(argv: readonly string[]): GrantArgs {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!KNOWN.has(a)) throw new Error(`unknown argument "${a}"\nusage: ${GRANT_USAGE}`);
    if (argv.indexOf(a) !== i) throw new Error(`${a} given twice\nusage: ${GRANT_USAGE}`);
    if (TAKES_VALUE.has(a)) i++;
  }
  const target = opsTarget(argv, GRANT_USAGE);
  const openid = valueOf(argv, '--openid')?.trim();
  if (!openid) throw new Error(`--openid is required\nusage: ${GRANT_USAGE}`);
  const problem = openidProblem(openid, { allowLocal: target.kind === 'url' });
  if (problem) throw new Error(problem);
  const operator = valueOf(argv, '--by')?.trim();
  if (operator !== undefined && !/^[\w.@-]{1,40}$/.test(operator)) throw new Error(`--by ${operator}: a short name (letters, digits, . @ _ -)`);
  return { target, openid, dryRun: argv.includes('--dry-run'), ...(operator ? { operator } : {}) };
}
