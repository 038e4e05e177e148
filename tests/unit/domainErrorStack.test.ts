/**
 * A DomainError is an expected answer (SLOT_FULL thousands of times at a release): no stack is
 * captured for it, and the engine's stack limit is left as it was for every other error.
 */
import { DomainError } from '../../core/errors/DomainError';

it('captures no stack frames, keeps code, message and detail, and leaves Error.stackTraceLimit as it was', () => {
  const limit = Error.stackTraceLimit;
  const e = new DomainError('SLOT_FULL', '测试');
  expect(e).toBeInstanceOf(Error);
  expect(e).toMatchObject({ name: 'DomainError', code: 'SLOT_FULL', detail: '测试' });
  expect(e.message).toContain('测试');
  expect(e.stack ?? '').not.toMatch(/\n\s+at /);
  expect(Error.stackTraceLimit).toBe(limit);
  expect(new Error('a fault').stack).toMatch(/\n\s+at /);
});

it('keeps a limit changed after it was loaded', () => {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 3;
    new DomainError('INTERNAL');
    expect(Error.stackTraceLimit).toBe(3);
  } finally {
    Error.stackTraceLimit = limit;
  }
});
