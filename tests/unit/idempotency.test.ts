import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineAction, type ActionMap } from '../../core/function/action';
import { canonicalJson } from '../../core/function/canonicalJson';
import { dispatch, type RequestContext } from '../../core/function/dispatch';
import { DomainError } from '../../core/errors/DomainError';
import { MemoryRequestLog } from './support/memoryRequestLog';

interface Deps {
  booked: string[];
}
const actions: ActionMap<Deps> = {
  reserve: defineAction({
    summary: 'test',
    input: z.object({ slotId: z.string(), note: z.string().optional() }).strict(),
    output: z.object({ id: z.string() }),
    errors: ['SLOT_FULL'],
    idempotent: 'required',
    async run({ slotId }, deps: Deps) {
      if (slotId === 'full') throw new DomainError('SLOT_FULL');
      deps.booked.push(slotId);
      return { id: `a${deps.booked.length}` };
    },
  }),
  cancel: defineAction({
    summary: 'test',
    input: z.object({ appointmentId: z.string() }).strict(),
    output: z.object({ cancelled: z.string() }),
    errors: [],
    idempotent: 'optional',
    async run({ appointmentId }, deps: Deps) {
      deps.booked = deps.booked.filter((_, i) => `a${i + 1}` !== appointmentId);
      return { cancelled: appointmentId };
    },
  }),
};

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
function setup(openid = 'citizen-1', log = new MemoryRequestLog()) {
  const deps: Deps = { booked: [] };
  const requests: RequestContext = { fn: 'booking', openid, log, digest: sha };
  const send = async (action: string, data: unknown, requestId?: string) =>
    (await dispatch(actions, { action, data, ...(requestId ? { requestId } : {}) }, deps, requests)).response;
  return { log, deps, send };
}

test('the same request id with the same input answers the first result and does the work once', async () => {
  const { deps, send } = setup();
  const first = await send('reserve', { slotId: 's1', note: 'x' }, 'req-00000001');
  // Key order does not make another request.
  expect(await send('reserve', { note: 'x', slotId: 's1' }, 'req-00000001')).toEqual(first);
  expect(first).toEqual({ ok: true, data: { id: 'a1' } });
  expect(deps.booked).toEqual(['s1']);
  // A first refusal is the answer to its repeats too.
  const refused = await send('reserve', { slotId: 'full' }, 'req-00000002');
  expect(await send('reserve', { slotId: 'full' }, 'req-00000002')).toEqual(refused);
});

test('the same request id with another input is refused and does nothing', async () => {
  const { deps, send } = setup();
  await send('reserve', { slotId: 's1' }, 'req-00000001');
  expect(await send('reserve', { slotId: 's2' }, 'req-00000001')).toEqual({
    ok: false,
    error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('请求编号已用于其他请求') },
  });
  expect(deps.booked).toEqual(['s1']);
});

test('the same request id on another action is refused and does nothing', async () => {
  const { deps, send } = setup();
  await send('reserve', { slotId: 's1' }, 'req-00000001');
  expect(await send('cancel', { appointmentId: 'a1' }, 'req-00000001')).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  expect(deps.booked).toEqual(['s1']);
});

test('the record keeps function, action and a fingerprint of the input, never the input; ids are per caller', async () => {
  const { log, send } = setup();
  await send('reserve', { slotId: 's1' }, 'req-00000001');
  expect(log.records.get('citizen-1:req-00000001')!.binding).toEqual({ fn: 'booking', action: 'reserve', fingerprint: sha(canonicalJson({ slotId: 's1' })) });
  expect(JSON.stringify(log.records.get('citizen-1:req-00000001')!.binding)).not.toContain('s1');
  const other = setup('citizen-2', log);
  expect(await other.send('reserve', { slotId: 's2' }, 'req-00000001')).toEqual({ ok: true, data: { id: 'a1' } });
});

test('a required request id must be in the envelope; data cannot carry one', async () => {
  const { deps, send } = setup();
  expect(await send('reserve', { slotId: 's1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await send('reserve', { slotId: 's1', requestId: 'req-00000001' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await send('cancel', { appointmentId: 'a9' })).toEqual({ ok: true, data: { cancelled: 'a9' } });
  expect(deps.booked).toEqual([]);
});

test('a repeat while the first still runs is told to wait (or refused, if it is another request)', async () => {
  const { log, send } = setup();
  await log.beginRequest('citizen-1:req-00000003', { fn: 'booking', action: 'reserve', fingerprint: sha(canonicalJson({ slotId: 's1' })) });
  expect(await send('reserve', { slotId: 's1' }, 'req-00000003')).toMatchObject({ ok: false, error: { code: 'REQUEST_IN_PROGRESS' } });
  expect(await send('reserve', { slotId: 's2' }, 'req-00000003')).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
});
