/**
 * `npm run deploy -- --env <envId> [--function <name>] [--dry-run]`
 *
 * Bundles every declared function (or one), zips each and checks it against the platform limits,
 * prints the plan (sizes, triggers, variables by name — never their values), then deploys through
 * the official CloudBase CLI with the API keys in TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY.
 * `--dry-run` does everything that needs no network and stops after the plan.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { functions, type FunctionDeclaration } from '../config/functions';
import { bundleFunction } from './build-functions';
import { cloudbasercText } from './deploy/cloudbaserc';
import { deployEnvironment } from './deploy/deployEnvironment';
import { envIdArg } from './deploy/envId';
import { cloudCallProblem } from './deploy/cloudCallConfig';
import { deployArgs, planFunction, planProblems, renderPlan, type DeployPlan } from './deploy/plan';
import { validateDeclarations } from './deploy/validateDeclarations';
import { zipDirectory } from './deploy/zip';
import { ROOT, bundlePath } from './functionBundles';
import { BUNDLE_FILE } from './codeCache';

export interface DeployOptions {
  envId: string;
  only?: string;
  dryRun: boolean;
  /** Defaults to the repository's; tests pass fixtures. */
  declarations?: readonly FunctionDeclaration[];
  cwd?: string;
  env?: Env;
  /** Runs the CloudBase CLI; resolves with its exit code. Tests pass a double. */
  runCli?: CliRunner;
  /** Bundles a function and resolves with the folder to upload (tests pass fixtures). */
  bundle?: (name: string) => Promise<string>;
  log?: (line: string) => void;
}

type Env = Readonly<Record<string, string | undefined>>;

export type CliRunner = (args: string[], opts: { env: Env; cwd: string }) => Promise<number>;

/** The CLI installed as a dev dependency, run with the Node that runs this script. */
export const runTcb: CliRunner = (args, { env, cwd }) =>
  new Promise((resolve, reject) => {
    const bin = path.join(ROOT, 'node_modules', '@cloudbase', 'cli', 'bin', 'tcb');
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });

export class DeployError extends Error {
  /** The plan, when one was made before stopping (a dry run with problems). */
  plan?: DeployPlan;
}

export function parseDeployArgs(argv: readonly string[]): Pick<DeployOptions, 'envId' | 'only' | 'dryRun'> {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  let envId: string;
  try {
    envId = envIdArg(argv, 'npm run deploy -- --env <envId> [--function <name>] [--dry-run]');
  } catch (e) {
    throw new DeployError((e as Error).message);
  }
  return { envId, only: value('--function'), dryRun: argv.includes('--dry-run') };
}

export async function deploy(opts: DeployOptions): Promise<DeployPlan> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const cwd = opts.cwd ?? ROOT;
  const processEnv = opts.env ?? process.env;
  const declarations = opts.declarations ?? functions;
  const selected = opts.only ? declarations.filter((d) => d.name === opts.only) : declarations;
  if (opts.only && selected.length === 0) {
    throw new DeployError(`no function named ${opts.only}; declared: ${declarations.map((d) => d.name).join(', ')}`);
  }

  const problems = validateDeclarations(declarations);
  const committed = readIfExists(path.join(cwd, 'cloudbaserc.json'));
  if (committed !== cloudbasercText(declarations)) {
    problems.push('cloudbaserc.json is not current with config/functions.ts: run `npm run generate:ops`');
  }
  const variables = deployEnvironment(cwd, processEnv);
  const plans = [];
  for (const declaration of selected) {
    const dir = await (opts.bundle ?? bundleInRepository)(declaration.name);
    const bundleBytes = statSync(path.join(dir, BUNDLE_FILE)).size;
    // What the upload weighs, and an archive ops can upload by hand in the console.
    const zip = zipDirectory(dir);
    mkdirSync(path.join(cwd, 'build', 'zips'), { recursive: true });
    writeFileSync(path.join(cwd, 'build', 'zips', `${declaration.name}.zip`), zip);
    const planned = planFunction(declaration, { bundleBytes, zipBytes: zip.length }, variables.sourceOf);
    const cloudCall = cloudCallProblem(declaration, dir);
    if (cloudCall) planned.problems.push(cloudCall);
    plans.push(planned);
  }
  const secretId = variables.values.TENCENTCLOUD_SECRETID;
  const secretKey = variables.values.TENCENTCLOUD_SECRETKEY;
  if (!opts.dryRun && (!secretId || !secretKey)) {
    problems.push('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must hold an API key of the CloudBase account (see docs/DEPLOY.md)');
  }
  const plan: DeployPlan = { envId: opts.envId, dryRun: opts.dryRun, functions: plans, problems };
  log(renderPlan(plan));
  const problemCount = planProblems(plan).length;
  if (problemCount) {
    // A dry run with problems fails too, so CI (or ops before a release) can rely on its exit code.
    const stop = new DeployError(
      opts.dryRun ? `dry run: ${problemCount} problem${problemCount === 1 ? '' : 's'}, a real deploy would stop here` : 'nothing was deployed: fix the problems above',
    );
    stop.plan = plan;
    throw stop;
  }
  if (opts.dryRun) return plan;

  const runCli = opts.runCli ?? runTcb;
  const cliEnv: Env = { ...processEnv, CI: 'true' };
  log('\nlogging in to CloudBase with the API key from the environment…');
  // The CLI's documented non-interactive login (key id and key on its command line).
  const login = await runCli(['login', '--apiKeyId', secretId ?? '', '--apiKey', secretKey ?? ''], { env: cliEnv, cwd });
  if (login !== 0) throw new DeployError(`tcb login failed (exit ${login}): check the API key`);
  for (const f of plans) {
    log(`\ndeploying ${f.name}…`);
    const code = await runCli(deployArgs(f.name, opts.envId), { env: cliEnv, cwd });
    if (code !== 0) throw new DeployError(`tcb fn deploy ${f.name} failed (exit ${code}); functions before it were deployed`);
  }
  log(`\ndeployed ${plans.map((f) => f.name).join(', ')} to ${opts.envId}. Check each: call its health action (docs/DEPLOY.md).`);
  return plan;
}

async function bundleInRepository(name: string): Promise<string> {
  await bundleFunction(name);
  return path.dirname(bundlePath(name));
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  Promise.resolve()
    .then(() => deploy(parseDeployArgs(process.argv.slice(2))))
    .catch((e: unknown) => {
      console.error(`deploy failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
