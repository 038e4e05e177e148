import { actsForAnyHall, hallsActedFor, mayActForHall, mayAdminister, requireActingForHall, requireAdmin } from '../../core/identity/hallAccess';
import { newAccount, type Account } from '../../core/identity/Account';

const account = (role: Account['role'], halls: string[]): Account => ({ ...newAccount(`${role}-${halls.join('-')}`, new Date(0)), role, halls });

test.each([
  ['citizen', [], 'A', false],
  ['citizen', ['A'], 'A', false],
  ['officer', ['A'], 'A', true],
  ['officer', ['A'], 'B', false],
  ['admin', [], 'A', false],
  ['admin', ['A'], 'A', true],
  ['admin', ['A'], 'B', false],
] as const)('%s of %j acts for hall %s: %s', (role, halls, hall, expected) => {
  const a = account(role, [...halls]);
  expect(mayActForHall(a, hall)).toBe(expected);
  if (expected) expect(requireActingForHall(a, hall)).toBe(a);
  else expect(() => requireActingForHall(a, hall)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
});

test('an admin administers, and acts for halls only when bound to them; no account means nothing', () => {
  expect(mayAdminister(account('admin', []))).toBe(true);
  expect(mayAdminister(account('officer', ['A']))).toBe(false);
  expect(() => requireAdmin(account('officer', ['A']))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  expect(hallsActedFor(account('admin', []))).toEqual([]);
  expect(actsForAnyHall(account('admin', ['A']))).toBe(true);
  expect(hallsActedFor(account('citizen', ['A']))).toEqual([]);
  expect(mayActForHall(null, 'A')).toBe(false);
  expect(() => requireAdmin(undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
});
