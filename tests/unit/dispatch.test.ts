/**
 * dispatch: the one place where a cloud function's event becomes a use-case call and every
 * failure becomes a catalogue error. It must never throw, never leak a stack or an input value.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { defineAction, type ActionMap } from '../../core/function/action';
import { dispatch, type DispatchResult } from '../../core/function/dispatch';
import { DomainError } from '../../core/errors/DomainError';
import { errorCodes, messageFor, type ErrorCode } from '../../core/errors/catalogue';

interface Deps {
  calls: unknown[];
  thrown: { value: unknown };
}

const echo = defineAction({
  summary: 'Returns its input.',
  input: z
    .object({
      name: z.string().min(2).max(10),
      person: z
        .object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) })
        .strict()
        .optional(),
      tags: z.array(z.string().max(3)).optional(),
    })
    .strict(),
  output: z.object({ name: z.string() }),
  errors: [],
  async run(input, { calls }: Deps) {
    calls.push(input);
    return { name: input.name };
  },
});

const noInput = defineAction({
  summary: 'Takes nothing.',
  input: z.object({}).strict(),
  output: z.object({ pong: z.literal(true) }),
  errors: [],
  async run() {
    return { pong: true as const };
  },
});

const notFound = defineAction({
  summary: 'Always a catalogue error.',
  input: z.object({ detail: z.string().optional() }).strict(),
  output: z.object({}),
  errors: ['GUIDE_NOT_FOUND'],
  async run({ detail }) {
    throw new DomainError('GUIDE_NOT_FOUND', detail);
  },
});

const crash = defineAction({
  summary: 'Throws whatever the test puts in deps.thrown.',
  input: z.object({}).strict(),
  output: z.object({}),
  errors: [],
  async run(_input, { thrown }: Deps) {
    throw thrown.value;
  },
});

const syncCrash = defineAction({
  summary: 'Throws before returning a promise.',
  input: z.object({}).strict(),
  output: z.object({}),
  errors: [],
  run: (() => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret')");
  }) as () => Promise<Record<string, never>>,
});

/** An input schema whose own check blows up (a bug in a validator must not escape dispatch). */
const brokenSchema = defineAction({
  summary: 'Input schema that throws while parsing.',
  input: z.object({
    idNumber: z.string().transform((s): string => {
      throw new Error(`checksum failed for ${s}`);
    }),
  }),
  output: z.object({}),
  errors: [],
  async run() {
    return {};
  },
});

const actions: ActionMap<Deps> = { echo, noInput, notFound, crash, syncCrash, brokenSchema };
/** Deps for one dispatch; `deps(x)` makes the `crash` action throw x (even undefined). */
const deps = (...thrown: unknown[]): Deps => ({ calls: [], thrown: { value: thrown.length ? thrown[0] : new Error('boom') } });

/** Exactly `{ok:true,data}` or `{ok:false,error:{code,message}}`, code from the catalogue. */
function expectEnvelope(result: DispatchResult): void {
  const { response } = result;
  if (response.ok) {
    expect(Object.keys(response).sort()).toEqual(['data', 'ok']);
    expect(result.outcome).toBe('ok');
    expect(result.cause).toBeUndefined();
  } else {
    expect(Object.keys(response).sort()).toEqual(['error', 'ok']);
    expect(response.ok).toBe(false);
    expect(Object.keys(response.error).sort()).toEqual(['code', 'message']);
    expect(errorCodes).toContain(response.error.code);
    expect(typeof response.error.message).toBe('string');
    expect(response.error.message.startsWith(messageFor(response.error.code))).toBe(true);
    expect(result.outcome === 'rejected' || result.outcome === 'failed').toBe(true);
    if (result.outcome === 'failed') expect(response.error.code).toBe('INTERNAL');
  }
}

function expectError(result: DispatchResult, code: ErrorCode, message: string = messageFor(code)): void {
  expectEnvelope(result);
  expect(result.response).toEqual({ ok: false, error: { code, message } });
}

describe('dispatch: the envelope', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'echo'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ action: 'echo' }]],
    ['no action', { data: { name: '张三' } }],
    ['an empty action', { action: '' }],
    ['a non-string action', { action: 42 }],
    ['an action of 65 characters', { action: 'a'.repeat(65) }],
    ['a malformed requestId', { action: 'noInput', requestId: 'bad id!' }],
    ['a too-short requestId', { action: 'noInput', requestId: 'abc' }],
  ])('rejects %s as INVALID_REQUEST without running anything', async (_label, event) => {
    const d = deps();
    const result = await dispatch(actions, event, d);
    expectError(result, 'INVALID_REQUEST');
    expect(result.outcome).toBe('rejected');
    expect(result.action).toBeUndefined();
    expect(d.calls).toEqual([]);
  });

  it('accepts a well-formed requestId and a 64-character action name', async () => {
    expect((await dispatch(actions, { action: 'noInput', requestId: 'req_0123-abcd' }, deps())).response).toEqual({
      ok: true,
      data: { pong: true },
    });
    expectError(await dispatch(actions, { action: 'a'.repeat(64) }, deps()), 'UNKNOWN_ACTION');
  });

  it.each(['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'ECHO'])('an unknown action (%s) is UNKNOWN_ACTION', async (name) => {
    const result = await dispatch(actions, { action: name, data: {} }, deps());
    expectError(result, 'UNKNOWN_ACTION');
    expect(result.outcome).toBe('rejected');
    expect(result.action).toBe(name);
  });

  it('also for an action map without a prototype', async () => {
    const bare = Object.assign(Object.create(null) as ActionMap<Deps>, { noInput });
    expectError(await dispatch(bare, { action: 'toString' }, deps()), 'UNKNOWN_ACTION');
    expect((await dispatch(bare, { action: 'noInput' }, deps())).response.ok).toBe(true);
  });
});

describe('dispatch: input', () => {
  it('parses the input and runs the action with the parsed value', async () => {
    const d = deps();
    const result = await dispatch(actions, { action: 'echo', data: { name: '张三', tags: ['a'] } }, d);
    expect(result).toEqual({ response: { ok: true, data: { name: '张三' } }, action: 'echo', outcome: 'ok' });
    expect(d.calls).toEqual([{ name: '张三', tags: ['a'] }]);
  });

  it('treats missing or null data as an empty object', async () => {
    expect((await dispatch(actions, { action: 'noInput' }, deps())).response).toEqual({ ok: true, data: { pong: true } });
    expect((await dispatch(actions, { action: 'noInput', data: null }, deps())).response.ok).toBe(true);
    expectError(await dispatch(actions, { action: 'echo' }, deps()), 'INVALID_INPUT', `${messageFor('INVALID_INPUT')}（字段 name）`);
  });

  it('names the path of the bad field, nested and in arrays, and does not run the action', async () => {
    const d = deps();
    const bad = async (data: unknown) => (await dispatch(actions, { action: 'echo', data }, d)).response;
    const msg = (path: string) => `${messageFor('INVALID_INPUT')}（字段 ${path}）`;
    expect(await bad({ name: 'x' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: msg('name') } });
    expect(await bad({ name: '张三', person: { idNumber: '11010519491231002Y' } })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: msg('person.idNumber') },
    });
    expect(await bad({ name: '张三', tags: ['ok', 'too long'] })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: msg('tags.1') },
    });
    expect(d.calls).toEqual([]);
  });

  it('rejects extra keys (strict inputs) without naming them', async () => {
    const result = await dispatch(actions, { action: 'echo', data: { name: '张三', '11010519491231002X': '李四' } }, deps());
    expectError(result, 'INVALID_INPUT', `${messageFor('INVALID_INPUT')}（请求内容）`);
    expect(JSON.stringify(result.response)).not.toContain('11010519491231002X');
    expect(JSON.stringify(result.response)).not.toContain('李四');
  });

  it('rejects non-object data', async () => {
    for (const data of ['张三', 42, [], true]) {
      expectError(await dispatch(actions, { action: 'noInput', data }, deps()), 'INVALID_INPUT', `${messageFor('INVALID_INPUT')}（请求内容）`);
    }
  });

  it('property: the bad value is never echoed — the message depends only on the field path', async () => {
    const badId = fc.string({ maxLength: 40 }).filter((s) => !/^\d{17}[\dX]$/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 11, maxLength: 60 }).map((v) => ({ v, data: { name: v }, path: 'name' })),
          badId.map((v) => ({ v, data: { name: '张三', person: { idNumber: v } }, path: 'person.idNumber' })),
          fc.string({ minLength: 4, maxLength: 30 }).map((v) => ({ v, data: { name: '张三', tags: [v] }, path: 'tags.0' })),
          fc
            .string({ minLength: 1, maxLength: 30 })
            .filter((k) => !['name', 'person', 'tags'].includes(k) && !k.startsWith('__'))
            .map((v) => ({ v, data: { name: '张三', [v]: v }, path: '' })),
        ),
        async ({ v, data, path }) => {
          const result = await dispatch(actions, { action: 'echo', data }, deps());
          const expected = `${messageFor('INVALID_INPUT')}（${path ? `字段 ${path}` : '请求内容'}）`;
          expectError(result, 'INVALID_INPUT', expected);
          if (!expected.includes(v)) expect((result.response as { error: { message: string } }).error.message).not.toContain(v);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dispatch: failures of the use case', () => {
  it('a DomainError becomes its code and catalogue message, outcome rejected', async () => {
    const result = await dispatch(actions, { action: 'notFound' }, deps());
    expect(result).toEqual({
      response: { ok: false, error: { code: 'GUIDE_NOT_FOUND', message: messageFor('GUIDE_NOT_FOUND') } },
      action: 'notFound',
      outcome: 'rejected',
    });
    const refined = await dispatch(actions, { action: 'notFound', data: { detail: '已下线' } }, deps());
    expectError(refined, 'GUIDE_NOT_FOUND', `${messageFor('GUIDE_NOT_FOUND')}（已下线）`);
  });

  const secret = 'db password=hunter2 at /srv/app/server.js:42';
  it.each([
    ['an Error', new Error(secret)],
    ['a TypeError', new TypeError(secret)],
    ['a string', secret],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a plain object that looks like a DomainError', { code: 'GUIDE_NOT_FOUND', message: secret }],
    ['a symbol', Symbol(secret)],
  ])('an unexpected exception (%s) is INTERNAL, outcome failed, cause kept, nothing leaked', async (_label, thrown) => {
    const result = await dispatch(actions, { action: 'crash' }, deps(thrown));
    expectError(result, 'INTERNAL');
    expect(result.outcome).toBe('failed');
    expect(result.action).toBe('crash');
    expect('cause' in result).toBe(true);
    expect(result.cause).toBe(thrown);
    const text = JSON.stringify(result.response);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('server.js');
    expect(text).not.toMatch(/\bat \w|Error/);
  });

  it('a synchronous throw from run is INTERNAL too', async () => {
    const result = await dispatch(actions, { action: 'syncCrash' }, deps());
    expectError(result, 'INTERNAL');
    expect(result.outcome).toBe('failed');
    expect(result.cause).toBeInstanceOf(TypeError);
  });

  it('an input schema that throws while parsing is INTERNAL, not a rejected promise', async () => {
    const result = await dispatch(actions, { action: 'brokenSchema', data: { idNumber: '11010519491231002X' } }, deps());
    expectError(result, 'INTERNAL');
    expect(result.outcome).toBe('failed');
    expect(result.action).toBe('brokenSchema');
    expect((result.cause as Error).message).toContain('checksum failed');
    expect(JSON.stringify(result.response)).not.toContain('11010519491231002X');
  });
});

describe('dispatch: properties', () => {
  const names = ['echo', 'noInput', 'notFound', 'crash', 'syncCrash', 'brokenSchema', 'constructor', '__proto__', 'toString'];
  const arbEvent = fc.oneof(
    fc.anything(),
    fc.record(
      {
        action: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 70 })),
        data: fc.oneof(
          fc.anything(),
          fc.record({ name: fc.string(), person: fc.record({ idNumber: fc.string() }), tags: fc.array(fc.string()) }, { requiredKeys: [] }),
          fc.record({ detail: fc.string() }, { requiredKeys: [] }),
        ),
        requestId: fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)),
      },
      { requiredKeys: [] },
    ),
  );
  const arbThrown = fc.oneof(
    fc.anything(),
    fc.string().map((s) => new Error(s)),
  );

  it('never throws, and every response has exactly the envelope shape with a catalogue code', async () => {
    await fc.assert(
      fc.asyncProperty(arbEvent, arbThrown, async (event, thrown) => {
        const result = await dispatch(actions, event, deps(thrown));
        expectEnvelope(result);
      }),
      { numRuns: 500 },
    );
  });

  it('an unexpected failure never carries anything but the catalogue message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), async (s) => {
        const result = await dispatch(actions, { action: 'crash' }, deps(new Error(s)));
        expect(result.response).toEqual({ ok: false, error: { code: 'INTERNAL', message: messageFor('INTERNAL') } });
      }),
      { numRuns: 200 },
    );
  });
});
