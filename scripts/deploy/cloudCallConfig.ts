import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FunctionDeclaration } from '../../config/functions';

/**
 * A function's config.json, written beside its bundle (build/functions/<name>/config.json) and so
 * uploaded with it: `permissions.openapi` lists the WeChat APIs it may call through 云调用, the file
 * and field WeChat's cloud development reads (permissions are refused for an API not listed there,
 * errcode -604101). The list comes from config/functions.ts `openapi`; the local cloud refuses
 * undeclared APIs the same way (devcloud/wxOpenApi.ts).
 */
export interface CloudCallConfig {
  permissions: { openapi: string[] };
}

export const CLOUD_CALL_CONFIG = 'config.json';

export function cloudCallConfig(declaration: Pick<FunctionDeclaration, 'openapi'>): CloudCallConfig {
  return { permissions: { openapi: [...(declaration.openapi ?? [])].sort() } };
}

export function cloudCallConfigText(declaration: Pick<FunctionDeclaration, 'openapi'>): string {
  return `${JSON.stringify(cloudCallConfig(declaration), null, 2)}\n`;
}

/** Why the bundle in `dir` would not carry the function's cloud-call permissions, if it would not. */
export function cloudCallProblem(declaration: Pick<FunctionDeclaration, 'openapi'>, dir: string): string | undefined {
  if (!declaration.openapi?.length) return undefined;
  let text: string | undefined;
  try {
    text = readFileSync(path.join(dir, CLOUD_CALL_CONFIG), 'utf8');
  } catch {
    text = undefined;
  }
  if (text === cloudCallConfigText(declaration)) return undefined;
  return `the bundle's ${CLOUD_CALL_CONFIG} does not declare its cloud-call permissions (${declaration.openapi.join(', ')}): rebuild it`;
}
