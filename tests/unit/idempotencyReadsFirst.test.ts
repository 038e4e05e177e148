/**
 * `readsFirst` actions (core/function/oncePerRequest.ts): the request is recorded at the action's
 * first write; an answer found by reads alone is recorded in one write. Repeats still get the first
 * answer, another request under the id is still refused, and nothing is written under a key that
 * another request holds.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineAction, type ActionMap } from '../../core/function/action';
import { canonicalJson } from '../../core/function/canonicalJson';
import { dispatch, type RequestContext } from '../../core/function/dispatch';
import { DomainError } from '../../core/errors/DomainError';
import { MemoryRequestLog } from './support/memoryRequestLog';

interface Deps {
  /** Places left (read before writing). */
  left: number;
  booked: string[];
  failWrite?: boolean;
}
const actions: ActionMap<Deps> = {
  reserve: defineAction({
    summary: 'test',
    input: z.object({ slotId: z.string() }).strict(),
    output: z.object({ id: z.string() }),
    errors: ['SLOT_FULL'],
    idempotent: 'required',
    readsFirst: true,
    async run({ slotId }, deps: Deps, request) {
      if (deps.left <= 0) throw new DomainError('SLOT_FULL');
      await request?.beforeWrites?.();
      if (deps.failWrite) throw new Error('socket hang up');
      deps.left--;
      deps.booked.push(slotId);
      return { id: `a${deps.booked.length}` };
    },
  }),
};

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
function setup(left: number) {
  const log = new MemoryRequestLog();
  const deps: Deps = { left, booked: [] };
  const requests: RequestContext = { fn: 'booking', openid: 'citizen-1', log, digest: sha };
  const send = async (slotId: string, requestId: string) => {
    const r = await dispatch(actions, { action: 'reserve', data: { slotId }, requestId }, deps, requests);
    if (r.outcome === 'failed') throw r.cause;
    return r.response;
  };
  return { log, deps, send };
}

test('a refusal found by reads alone is recorded in one write, and is the answer to its repeats even once a place is free', async () => {
  const { log, deps, send } = setup(0);
  expect(await send('s1', 'req-00000001')).toMatchObject({ ok: false, error: { code: 'SLOT_FULL' } });
  expect(log.writes).toEqual(['record']);
  deps.left = 1;
  expect(await send('s1', 'req-00000001')).toMatchObject({ ok: false, error: { code: 'SLOT_FULL' } });
  expect(deps.booked).toEqual([]);
});

test('a run that writes is recorded before its first write and finished after it; a repeat answers the same and writes nothing more', async () => {
  const { log, deps, send } = setup(1);
  const first = await send('s1', 'req-00000001');
  expect(first).toEqual({ ok: true, data: { id: 'a1' } });
  expect(log.writes).toEqual(['begin', 'finish']);
  // The slot is full now (this request took the last place): the repeat still gets its booking.
  expect(await send('s1', 'req-00000001')).toEqual(first);
  expect(deps.booked).toEqual(['s1']);
});

test('another request under the same id is refused, on the read-only path and on the writing one', async () => {
  const { deps, send } = setup(1);
  await send('s1', 'req-00000001');
  expect(await send('s2', 'req-00000001')).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  deps.left = 5;
  expect(await send('s2', 'req-00000001')).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  expect(deps.booked).toEqual(['s1']);
});

test('a repeat while the first still runs is told to wait, whether its reads refuse or not', async () => {
  const { log, deps, send } = setup(0);
  await log.beginRequest('citizen-1:req-00000003', { fn: 'booking', action: 'reserve', fingerprint: sha(canonicalJson({ slotId: 's1' })) });
  expect(await send('s1', 'req-00000003')).toMatchObject({ ok: false, error: { code: 'REQUEST_IN_PROGRESS' } });
  deps.left = 1;
  expect(await send('s1', 'req-00000003')).toMatchObject({ ok: false, error: { code: 'REQUEST_IN_PROGRESS' } });
  expect(deps.booked).toEqual([]);
});

test('an unexpected failure after the first write forgets the request (a retry runs again); one before it records nothing', async () => {
  const { log, deps, send } = setup(1);
  deps.failWrite = true;
  await expect(send('s1', 'req-00000004')).rejects.toThrow('socket hang up');
  expect(log.writes).toEqual(['begin', 'abandon']);
  deps.failWrite = false;
  expect(await send('s1', 'req-00000004')).toEqual({ ok: true, data: { id: 'a1' } });
});
