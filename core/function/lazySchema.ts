import * as z from 'zod/mini';

/**
 * A zod schema built on first use instead of when its module loads: `lazySchema(() => z.object(…))`
 * is the schema `z.object(…)` everywhere (parse, composition in other schemas, `instanceof`,
 * `z.infer`, `z.toJSONSchema`), only built when first touched. A cloud function declares over a
 * thousand schemas and a request uses a few, so building them all when it loaded was most of its
 * cold start after the SDK's (`npm run bench:coldstart`, docs/PERFORMANCE.md).
 *
 * The value returned is an empty object whose prototype is a Proxy: the first property read (or
 * `in`, or write) on it reaches the Proxy, which builds the schema and then makes the object itself
 * that schema — the schema's constructor run again on it with the same definition, as zod's own
 * `clone()` does — so the object is the schema from then on, with no Proxy left in the way and
 * one identity (zod's closures refer to it, as `z.toJSONSchema` requires).
 */
export function lazySchema<T extends z.core.$ZodType>(build: () => T): T {
  const schema = {} as T;
  let building = false;
  const materialize = (): void => {
    if (building) throw new Error('lazySchema: the schema was used while it was being built (a cycle: use z.lazy)');
    building = true;
    let built: T;
    try {
      built = build();
    } finally {
      building = false;
    }
    const internals = built._zod;
    Object.setPrototypeOf(schema, Object.getPrototypeOf(built));
    (internals.constr as unknown as (this: T, def: unknown) => T).call(schema, internals.def);
    // What zod sets on an instance after constructing it: the schema it was cloned from, its metadata.
    if (internals.parent) schema._zod.parent = internals.parent;
    const meta = z.globalRegistry.get(built);
    if (meta) z.globalRegistry.add(schema, meta);
  };
  const pending = new Proxy(
    {},
    {
      get(_, key, receiver) {
        materialize();
        return Reflect.get(schema, key, receiver);
      },
      has(_, key) {
        materialize();
        return Reflect.has(schema, key);
      },
      set(_, key, value, receiver) {
        materialize();
        return Reflect.set(schema, key, value, receiver);
      },
    },
  );
  Object.setPrototypeOf(schema, pending);
  return schema;
}
