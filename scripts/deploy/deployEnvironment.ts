import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export type VariableSource = 'environment' | '.env' | '.env.local';

export interface DeployEnvironment {
  values: Record<string, string | undefined>;
  sourceOf(name: string): VariableSource | undefined;
}

/**
 * The variables the CloudBase CLI will see when it fills cloudbaserc.json's `{{env.NAME}}`
 * placeholders: `.env`, then `.env.local`, then the process environment, each overriding the one
 * before (the CLI's own order). Both files are git-ignored; values stay on the ops machine.
 */
export function deployEnvironment(cwd: string, processEnv: Readonly<Record<string, string | undefined>> = process.env): DeployEnvironment {
  const layers: Array<[VariableSource, Record<string, string | undefined>]> = [];
  for (const file of ['.env', '.env.local'] as const) {
    const full = path.join(cwd, file);
    if (existsSync(full)) layers.push([file, parseEnv(readFileSync(full, 'utf8'))]);
  }
  layers.push(['environment', processEnv]);
  const values: Record<string, string | undefined> = {};
  const sources: Record<string, VariableSource> = {};
  for (const [source, layer] of layers) {
    for (const [name, value] of Object.entries(layer)) {
      if (value === undefined || value === '') continue;
      values[name] = value;
      sources[name] = source;
    }
  }
  return { values, sourceOf: (name) => sources[name] };
}
