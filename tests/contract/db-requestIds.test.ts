/**
 * The emulator's answer request ids: unique within a handler, with one draw of random bytes per
 * handler rather than one per request (which was a sizeable share of the emulator's CPU in a burst).
 */
import { randomBytes } from 'crypto';
import { requestIds } from '../../devcloud/db/httpHandler';

it('draws random bytes once, then counts; every id is unique and shaped like local-<hex>', () => {
  let draws = 0;
  const next = requestIds((size) => {
    draws++;
    return randomBytes(size);
  });
  const ids = Array.from({ length: 5000 }, () => next());
  expect(draws).toBe(1);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids.slice(0, 3)) expect(id).toMatch(/^local-[0-9a-f]{16}$/);
  // Two handlers (two emulators in one process) do not share a sequence.
  expect(requestIds()()).not.toBe(requestIds()());
});
