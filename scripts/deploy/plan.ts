import { environmentVariables, type VariableName } from '../../config/environment';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, FUNCTION_ROOT, RUNTIME, type DeployDeclaration } from './cloudbaserc';
import type { VariableSource } from './deployEnvironment';

/** DOMAIN.md, platform limits: a zip up to 1.5 MB uploads directly; a function runs at most 60 s. */
export const ZIP_LIMIT_BYTES = 1.5 * 1024 * 1024;
export const TIMEOUT_LIMIT_SECONDS = 60;

export interface VariablePlan {
  name: VariableName;
  secret: boolean;
  /** Where the CLI will find it, or undefined when it is not set anywhere. */
  source?: VariableSource;
}

export interface FunctionPlan {
  name: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMB: number;
  bundleBytes: number;
  zipBytes: number;
  triggers: { name: string; cron: string }[];
  /** WeChat APIs it calls through 云调用 (its config.json permissions.openapi). */
  cloudCall: string[];
  /** Paths of the HTTP access service bound to it (created once per environment: httpAccessArgs). */
  httpPaths: string[];
  variables: VariablePlan[];
  /** What stops this function from deploying (limits, unset variables). */
  problems: string[];
}

export interface DeployPlan {
  envId: string;
  dryRun: boolean;
  functions: FunctionPlan[];
  /** Problems not tied to one function (declarations, cloudbaserc.json, API keys). */
  problems: string[];
}

export function planFunction(
  declaration: DeployDeclaration,
  sizes: { bundleBytes: number; zipBytes: number },
  sourceOf: (name: string) => VariableSource | undefined,
): FunctionPlan {
  const timeoutSeconds = declaration.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const variables = declaration.env.map((name) => ({
    name,
    secret: environmentVariables[name].secret,
    source: sourceOf(name),
  }));
  const problems: string[] = [];
  if (sizes.zipBytes > ZIP_LIMIT_BYTES) problems.push(`zip ${kib(sizes.zipBytes)} exceeds the ${kib(ZIP_LIMIT_BYTES)} direct-upload limit`);
  if (timeoutSeconds > TIMEOUT_LIMIT_SECONDS) problems.push(`timeout ${timeoutSeconds} s exceeds ${TIMEOUT_LIMIT_SECONDS} s`);
  for (const v of variables) if (!v.source) problems.push(`${v.name} is not set (export it or put it in .env.local)`);
  return {
    name: declaration.name,
    runtime: RUNTIME,
    timeoutSeconds,
    memoryMB: declaration.memoryMB ?? DEFAULT_MEMORY_MB,
    ...sizes,
    triggers: (declaration.triggers ?? []).map((t) => ({ name: t.name, cron: t.cron })),
    cloudCall: [...(declaration.openapi ?? [])],
    httpPaths: [...(declaration.httpPaths ?? [])],
    variables,
    problems,
  };
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/**
 * The CLI call that binds an HTTP access path to a function, once per environment (the CLI refuses
 * a path that exists, so the deploy prints it rather than running it every time: docs/DEPLOY.md).
 */
export function httpAccessArgs(name: string, httpPath: string, envId: string): string[] {
  return ['service', 'create', '-e', envId, '-p', httpPath, '-f', name];
}

/** The CLI call that deploys one function (secrets never appear here: they come from the environment). */
export function deployArgs(name: string, envId: string): string[] {
  return ['fn', 'deploy', name, '-e', envId, '--force', '--yes', '--dir', `${FUNCTION_ROOT.replace(/^\.\//, '')}/${name}`];
}

export function planProblems(plan: DeployPlan): string[] {
  return [...plan.problems, ...plan.functions.flatMap((f) => f.problems.map((p) => `${f.name}: ${p}`))];
}

/** The plan as ops read it: every function with its sizes, limits, triggers and variables by name. */
export function renderPlan(plan: DeployPlan): string {
  const out: string[] = [
    `Deploy plan for CloudBase environment ${plan.envId}${plan.dryRun ? ' (dry run: nothing is uploaded)' : ''}`,
    `runtime ${RUNTIME}; limits: zip ≤ ${kib(ZIP_LIMIT_BYTES)}, timeout ≤ ${TIMEOUT_LIMIT_SECONDS} s`,
    '',
  ];
  for (const f of plan.functions) {
    out.push(`function ${f.name}`);
    out.push(`  bundle    ${kib(f.bundleBytes)}, zip ${kib(f.zipBytes)} (${((f.zipBytes / ZIP_LIMIT_BYTES) * 100).toFixed(0)}% of the limit)`);
    out.push(`  config    timeout ${f.timeoutSeconds} s, memory ${f.memoryMB} MB`);
    out.push(`  triggers  ${f.triggers.length ? f.triggers.map((t) => `${t.name} (timer "${t.cron}")`).join(', ') : 'none'}`);
    out.push(`  cloudcall ${f.cloudCall.length ? `${f.cloudCall.join(', ')} (云调用, config.json permissions.openapi)` : 'none'}`);
    for (const p of f.httpPaths) out.push(`  http      ${p} (HTTP access, public; once per environment: tcb ${httpAccessArgs(f.name, p, plan.envId).join(' ')})`);
    if (f.variables.length === 0) out.push('  variables none');
    for (const v of f.variables) {
      out.push(`  variable  ${v.name.padEnd(22)} ${v.secret ? 'secret' : 'plain '}  ${v.source ? `set (${v.source})` : 'NOT SET'}`);
    }
    out.push(`  command   tcb ${deployArgs(f.name, plan.envId).join(' ')}`);
    for (const p of f.problems) out.push(`  problem   ${p}`);
    out.push('');
  }
  const problems = planProblems(plan);
  if (problems.length) {
    out.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}${plan.dryRun ? ' (a real deploy would stop here)' : ''}:`);
    for (const p of problems) out.push(`- ${p}`);
  } else {
    out.push(`ready: ${plan.functions.length} function${plan.functions.length === 1 ? '' : 's'} to deploy`);
  }
  return out.join('\n');
}
