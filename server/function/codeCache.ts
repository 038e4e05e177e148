/**
 * Whether this bundle was compiled from its V8 code cache (scripts/codeCache.ts). The loader passes
 * its outcome to the bundle as a parameter of the wrapper it compiles the bundle in. A bundle loaded
 * without its loader (the local cloud requires bundle.js itself) compiled with no cache: `none`;
 * running from source (tests), `unbundled`.
 */
import { buildInfo } from './buildInfo';
import { CODE_CACHE_STATES, type CodeCacheState } from '../../core/function/health';

/** A built function's code, beside its loader `index.js` (the platform's entry). */
export const BUNDLE_FILE = 'bundle.js';
/** The loader's extra wrapper parameter: the name declared below. */
export const CODE_CACHE_PARAMETER = '__hukouCodeCache';
declare const __hukouCodeCache: string | undefined;

export function codeCacheState(): CodeCacheState {
  const state = typeof __hukouCodeCache === 'string' ? __hukouCodeCache : buildInfo().builtAt === 'unbundled' ? 'unbundled' : 'none';
  return (CODE_CACHE_STATES as readonly string[]).includes(state) ? (state as CodeCacheState) : 'unbundled';
}
