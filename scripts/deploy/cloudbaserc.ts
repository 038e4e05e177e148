import type { FunctionDeclaration } from '../../config/functions';

/**
 * cloudbaserc.json, the CloudBase CLI's project file, generated from config/functions.ts
 * (`npm run generate:ops`; a unit test keeps the committed file current).
 *
 * Values of environment variables are `{{env.NAME}}` placeholders that the CLI fills from its own
 * process environment (and a `.env` file beside it) when it deploys: no value is ever written here.
 */

/** The CloudBase runtime we deploy on. Bundles target node16, so 16.13 would run them too. */
export const RUNTIME = 'Nodejs18.15';
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MEMORY_MB = 256;
/** Where `npm run build:functions` writes the bundles the CLI uploads. */
export const FUNCTION_ROOT = './build/functions';

export type DeployDeclaration = Pick<FunctionDeclaration, 'name' | 'env' | 'triggers' | 'timeoutSeconds' | 'memoryMB' | 'openapi' | 'httpPaths'>;

export interface CloudbasercFunction {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  /** The bundle carries its dependencies: the platform must not run npm install. */
  installDependency: boolean;
  ignore: string[];
  envVariables: Record<string, string>;
  triggers?: { name: string; type: 'timer'; config: string }[];
}

export interface Cloudbaserc {
  version: string;
  envId: string;
  functionRoot: string;
  functions: CloudbasercFunction[];
}

export function renderCloudbaserc(declarations: readonly DeployDeclaration[]): Cloudbaserc {
  return {
    version: '2.0',
    // Filled by the CLI from `-e <envId>` (scripts/deploy.ts always passes it).
    envId: '{{env.ENV_ID}}',
    functionRoot: FUNCTION_ROOT,
    functions: declarations.map((d) => ({
      name: d.name,
      handler: 'index.main',
      runtime: RUNTIME,
      timeout: d.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      memorySize: d.memoryMB ?? DEFAULT_MEMORY_MB,
      installDependency: false,
      ignore: ['node_modules', 'node_modules/**/*', '*.map'],
      envVariables: Object.fromEntries(d.env.map((name) => [name, `{{env.${name}}}`])),
      ...(d.triggers?.length ? { triggers: d.triggers.map((t) => ({ name: t.name, type: 'timer' as const, config: t.cron })) } : {}),
    })),
  };
}

export function cloudbasercText(declarations: readonly DeployDeclaration[]): string {
  return `${JSON.stringify(renderCloudbaserc(declarations), null, 2)}\n`;
}
