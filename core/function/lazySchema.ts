import * as z from 'zod/mini';

/**
 * A zod schema built on first use instead of when its module loads: `lazySchema(() => z.object(…))`
 * is the schema `z.object(…)` everywhere (parse, composition in other schemas, `instanceof`,
 * `z.infer`, `z.toJSONSchema`), only built when first touched. A cloud function declares hundreds
 * of schemas and a request uses a few, so building them all when it loaded was most of its cold
 * start after the SDK's (`npm run bench:coldstart`, docs/PERFORMANCE.md).
 *
 * The value returned is an empty object whose prototype is a Proxy: the first property read (or
 * `in`, or write) on it reaches the Proxy, which builds the schema and then makes the object itself
 * that schema — the schema's constructor run again on it with the same definition, as zod's own
 * `clone()` does — so the object is the schema from then on, with no Proxy left in the way and
 * one identity (zod's closures refer to it, as `z.toJSONSchema` requires).
 *
 * Every declaration runs when its bundle loads, so what one costs counts in every cold start: the
 * Proxy's target holds the pending state and one handler serves them all (four allocations per
 * schema, not nine: tests/unit/lazySchema.test.ts).
 */
export function lazySchema<T extends z.core.$ZodType>(build: () => T): T {
  const pending: Pending = { schema: {}, build, building: false };
  Object.setPrototypeOf(pending.schema, new Proxy(pending, pendingHandler));
  return pending.schema as T;
}

/** A schema not built yet: the object handed out, how to build it, and whether that is under way. */
interface Pending {
  schema: object;
  build: () => z.core.$ZodType;
  building: boolean;
}

/** Builds the schema into the object handed out (once: afterwards the Proxy is no longer its prototype). */
function materialize(pending: Pending): void {
  if (pending.building) throw new Error('lazySchema: the schema was used while it was being built (a cycle: use z.lazy)');
  pending.building = true;
  let built: z.core.$ZodType;
  try {
    built = pending.build();
  } finally {
    pending.building = false;
  }
  const schema = pending.schema as z.core.$ZodType;
  const internals = built._zod;
  Object.setPrototypeOf(schema, Object.getPrototypeOf(built));
  (internals.constr as unknown as (this: object, def: unknown) => object).call(schema, internals.def);
  // What zod sets on an instance after constructing it: the schema it was cloned from, its metadata.
  if (internals.parent) schema._zod.parent = internals.parent;
  const meta = z.globalRegistry.get(built);
  if (meta) z.globalRegistry.add(schema, meta);
}

const pendingHandler: ProxyHandler<Pending> = {
  get(pending, key, receiver) {
    materialize(pending);
    return Reflect.get(pending.schema, key, receiver);
  },
  has(pending, key) {
    materialize(pending);
    return Reflect.has(pending.schema, key);
  },
  set(pending, key, value, receiver) {
    materialize(pending);
    return Reflect.set(pending.schema, key, value, receiver);
  },
};
