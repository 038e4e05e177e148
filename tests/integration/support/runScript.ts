import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../../scripts/functionBundles';

/** The machine's environment without API keys or function variables: what a fresh clone has. */
export function bareEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('TENCENTCLOUD') && !k.startsWith('HUKOU_') && !k.startsWith('WX_') && !k.startsWith('TCB_')) env[k] = v;
  }
  return env;
}

/** Runs scripts/<script> as `npm run` does (tsx), in a fresh environment; resolves with its exit and output. */
export function runScript(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: bareEnv(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
