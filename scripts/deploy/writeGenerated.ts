/**
 * `npm run generate:ops`: writes the files generated from the declarations — cloudbaserc.json
 * (config/functions.ts) and .env.example (config/environment.ts). Unit tests keep both current.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { functions } from '../../config/functions';
import { ROOT } from '../functionBundles';
import { cloudbasercText } from './cloudbaserc';
import { renderEnvExample } from './envExample';

export const CLOUDBASERC = path.join(ROOT, 'cloudbaserc.json');
export const ENV_EXAMPLE = path.join(ROOT, '.env.example');

if (require.main === module) {
  writeFileSync(CLOUDBASERC, cloudbasercText(functions));
  writeFileSync(ENV_EXAMPLE, renderEnvExample(functions));
  for (const f of [CLOUDBASERC, ENV_EXAMPLE]) console.log(`wrote ${path.relative(process.cwd(), f)}`);
}
