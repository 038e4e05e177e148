/**
 * Which build is running. scripts/build-functions.ts defines these when it bundles a function
 * (package.json version + build time); running from source (tests) they are absent.
 */
declare const __HUKOU_VERSION__: string | undefined;
declare const __HUKOU_BUILT_AT__: string | undefined;

export interface BuildInfo {
  version: string;
  builtAt: string;
}

export function buildInfo(): BuildInfo {
  return {
    version: typeof __HUKOU_VERSION__ === 'string' ? __HUKOU_VERSION__ : '0.0.0-unbundled',
    builtAt: typeof __HUKOU_BUILT_AT__ === 'string' ? __HUKOU_BUILT_AT__ : 'unbundled',
  };
}
