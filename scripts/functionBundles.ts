import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = path.join(ROOT, 'build', 'functions');

/** Every deployable function: a folder under cloudfunctions/ with an index.ts. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_SRC)
    .filter((name) => statSync(path.join(FUNCTIONS_SRC, name)).isDirectory())
    .sort();
}

/** The bundle's code (bundle.js; index.js beside it is its loader: scripts/codeCache.ts). */
export function bundlePath(name: string): string {
  return path.join(FUNCTIONS_OUT, name, 'bundle.js');
}
