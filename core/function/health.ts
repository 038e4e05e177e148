import * as z from 'zod/mini';
import { lazySchema } from './lazySchema';

/** How a bundle was compiled at its cold start (scripts/codeCache.ts); `making`: by the build, making its cache. */
export const CODE_CACHE_STATES = ['accepted', 'rejected', 'stale', 'none', 'making', 'unbundled'] as const;
export type CodeCacheState = (typeof CODE_CACHE_STATES)[number];

/**
 * The `health` action every function answers (added by server/function/createMain, not by each
 * function): which build is running and whether it can serve. Safe to call at any time; it reads
 * nothing personal and answers even when the function is misconfigured.
 */
export const HealthReport = lazySchema(() =>
  z.object({
    function: z.string(),
    /** package.json version + build id (the bundle's build time), e.g. `0.1.0+20261123T011500Z`. */
    version: z.string(),
    /** ISO time the bundle was built; `unbundled` when running from source (tests). */
    builtAt: z.string(),
    /**
     * How the bundle was compiled at this instance's cold start (scripts/codeCache.ts): `accepted`,
     * from the V8 code cache made at build time by the platform's Node.js; `rejected`, V8 refused that
     * cache (other flags: the cold start compiled); `stale`, the cache is not of this bundle.js;
     * `none`, no cache for this Node.js; `unbundled`, running from source.
     */
    codeCache: z.enum(CODE_CACHE_STATES),
    /** True when every check is `ok`. */
    ready: z.boolean(),
    checks: z.object({
      /** `ok`, or the problems naming each missing or malformed variable (never its value). */
      environment: z.string(),
      /** A count on a declared collection with a short timeout. */
      database: z.enum(['ok', 'unreachable']),
      /**
       * Functions that ask the population registry (identity, reissue): one signed round trip to its
       * gateway. `misconfigured`: variables missing or malformed, keys refused, answers not signed with
       * our secret; `unreachable`: no answer, an outage, the gateway not ready. Never a secret or URL.
       */
      registry: z.optional(
        z.object({
          status: z.enum(['ready', 'unreachable', 'misconfigured']),
          latencyMs: z.optional(z.int().check(z.nonnegative())),
          detail: z.optional(z.string()),
        }),
      ),
    }),
  }),
);
export type HealthReport = z.infer<typeof HealthReport>;

export const healthInput = lazySchema(() => z.strictObject({}));

/** Actions every function answers, documented once in docs/API.md. */
export const commonActions = {
  health: {
    summary:
      'Version and readiness of the function: its build, whether its environment variables are valid, whether the database answers and, for functions that ask the population registry, whether its gateway answers (ready / unreachable / misconfigured, with latency). Answers even when the function is misconfigured.',
    input: healthInput,
    output: HealthReport,
    errors: [] as const,
  },
};
