import * as z from 'zod';
import { lazySchema } from '../../core/function/lazySchema';
import { FunctionRequest } from '../../core/function/envelope';
import { ReissueEvent } from '../../core/reissue/events';

/** The same schema twice: built now, and lazily (counting how often it is built). */
function both<T extends z.ZodType>(make: () => T) {
  let builds = 0;
  const lazy = lazySchema(() => {
    builds += 1;
    return make();
  });
  return { eager: make(), lazy, builds: () => builds };
}

const sample = () =>
  z
    .object({
      name: z.string().trim().min(2).max(8),
      kind: z.enum(['mail', 'hall']).default('mail'),
      note: z.string().optional(),
      items: z.array(z.object({ n: z.number().int().min(0) })).max(2),
    })
    .strict();

const inputs: unknown[] = [
  { name: ' 张三 ', items: [] },
  { name: '张三', kind: 'hall', note: 'x', items: [{ n: 1 }, { n: 2 }] },
  { name: 'a', items: [] },
  { name: '张三', items: [{ n: -1 }, { n: 1.5 }, { n: 3 }] },
  { name: '张三', items: [], extra: true },
  { name: '张三', kind: 'ship', items: 'no' },
  null,
  'text',
];

describe('lazySchema: a zod schema built on first use', () => {
  it('is not built when declared, and is built once, when first used', () => {
    const { lazy, builds } = both(sample);
    expect(builds()).toBe(0);
    lazy.safeParse({});
    lazy.safeParse({});
    expect(builds()).toBe(1);
  });

  it('answers every input as the schema built eagerly does: data, or the same issues', () => {
    const { eager, lazy } = both(sample);
    for (const input of inputs) expect(lazy.safeParse(input)).toEqual(eager.safeParse(input));
  });

  it('is the schema itself once used: its class, its methods, `in`, and no stand-in left', () => {
    const { eager, lazy } = both(sample);
    expect('shape' in lazy).toBe(true);
    expect(lazy).toBeInstanceOf(z.ZodObject);
    expect(Object.getPrototypeOf(lazy)).toBe(Object.getPrototypeOf(eager));
    expect(Object.keys(lazy.shape)).toEqual(['name', 'kind', 'note', 'items']);
    expect(lazy.extend({ more: z.boolean() }).parse({ name: '张三', items: [], more: true })).toEqual({ name: '张三', kind: 'mail', items: [], more: true });
    expect(lazy.optional().parse(undefined)).toBeUndefined();
  });

  it('is built on first use when only its class is asked (instanceof), or it is written to', () => {
    const asked = both(() => z.string());
    expect(asked.lazy instanceof z.ZodString).toBe(true);
    expect(asked.builds()).toBe(1);
    const written = both(() => z.string());
    (written.lazy as unknown as Record<string, unknown>).custom = 1;
    expect(written.builds()).toBe(1);
    expect((written.lazy as unknown as Record<string, unknown>).custom).toBe(1);
  });

  it('composes: a lazy schema inside another, optional, in an array, parsed and described as the eager one', () => {
    const inner = both(() => z.string().min(1).optional());
    const outer = both(() => z.object({ inner: inner.eager, list: z.array(inner.eager) }));
    const lazyOuter = lazySchema(() => z.object({ inner: inner.lazy, list: z.array(inner.lazy) }));
    for (const input of [{ list: [] }, { inner: '', list: ['a'] }, { inner: 'a', list: [''] }]) expect(lazyOuter.safeParse(input)).toEqual(outer.eager.safeParse(input));
    // z.toJSONSchema keys what it has seen by schema: one identity, the lazy object's own.
    expect(z.toJSONSchema(lazyOuter, { io: 'input' })).toEqual(z.toJSONSchema(outer.eager, { io: 'input' }));
  });

  it('keeps what zod sets after constructing a schema: metadata (describe)', () => {
    const described = lazySchema(() => z.string().describe('说明'));
    expect(z.toJSONSchema(described)).toEqual(z.toJSONSchema(z.string().describe('说明')));
    expect(described.description).toBe('说明');
  });

  it('a build that throws throws where the schema is used, and again at the next use', () => {
    let calls = 0;
    const broken = lazySchema((): z.ZodString => {
      calls += 1;
      throw new Error('broken schema');
    });
    expect(() => broken.parse('x')).toThrow('broken schema');
    expect(() => broken.parse('x')).toThrow('broken schema');
    expect(calls).toBe(2);
  });

  it('the domain schemas are lazy: declared but not built until used', () => {
    // Modules loaded above declared these; nothing in this file used them before this line.
    for (const schema of [FunctionRequest, ReissueEvent]) expect(Object.getOwnPropertyNames(schema)).toEqual([]);
    expect(FunctionRequest.safeParse({ action: 'x' }).success).toBe(true);
    expect(Object.getOwnPropertyNames(FunctionRequest)).toContain('_zod');
  });
});
