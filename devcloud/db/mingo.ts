/**
 * mingo (MongoDB's query and aggregation language in JavaScript), loaded on first use: only the
 * aggregation pipeline (aggregate.ts) and `$expr` (query.ts) need it, most emulator runs never
 * do, and loading it registers every operator (~80 ms, about half of loading the whole emulator).
 */
import type * as Mingo from 'mingo';
import type * as MingoUtil from 'mingo/util';

let loaded: { mingo: typeof Mingo; util: typeof MingoUtil } | undefined;

function load(): { mingo: typeof Mingo; util: typeof MingoUtil } {
  loaded ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mingo: require('mingo') as typeof Mingo,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    util: require('mingo/util') as typeof MingoUtil,
  };
  return loaded;
}

export function mingo(): typeof Mingo {
  return load().mingo;
}

/** An error mingo raises for a malformed pipeline, query or expression (the caller's fault). */
export function isMingoError(err: unknown): err is Error {
  return loaded !== undefined && err instanceof loaded.util.MingoError;
}
