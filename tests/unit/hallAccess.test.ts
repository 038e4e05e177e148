import {
  actsForAnyHall,
  auditScope,
  hallsActedFor,
  hallsBoundTo,
  hallsWithNumbersFor,
  mayActForHall,
  mayAdminister,
  mayReadHallNumbers,
  mustVerifyToAct,
  requireActingForAnyHall,
  requireActingForHall,
  requireAdmin,
} from '../../core/identity/hallAccess';
import { newAccount, type Account, type VerifiedIdentity } from '../../core/identity/Account';

/** Verified unless said otherwise: officers act only once verified (the last describe). */
const account = (role: Account['role'], halls: string[], identity: VerifiedIdentity | null = {} as VerifiedIdentity): Account => ({
  ...newAccount(`${role}-${halls.join('-')}`, new Date(0)),
  role,
  halls,
  ...(identity ? { identity } : {}),
});
const unverified = (role: Account['role'], halls: string[]): Account => account(role, halls, null);

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

describe('an officer acts only once verified themselves (issue 13)', () => {
  const verified = account;

  test.each([
    ['officer', ['A'], 'A'],
    ['officer', ['A'], 'B'],
    ['admin', ['A'], 'A'],
  ] as const)('an unverified %s of %j is told to verify first at hall %s', (role, halls, hall) => {
    const a = unverified(role, [...halls]);
    expect(mayActForHall(a, hall)).toBe(false);
    expect(hallsActedFor(a)).toEqual([]);
    expect(hallsBoundTo(a)).toEqual(halls);
    expect(mustVerifyToAct(a)).toBe(true);
    expect(() => requireActingForHall(a, hall)).toThrow(expect.objectContaining({ code: 'OFFICER_NOT_VERIFIED' }));
    expect(() => requireActingForAnyHall(a)).toThrow(expect.objectContaining({ code: 'OFFICER_NOT_VERIFIED' }));
  });

  test('verified, the same accounts act for their halls; citizens and admins without halls are simply forbidden', () => {
    expect(requireActingForHall(verified('officer', ['A']), 'A').halls).toEqual(['A']);
    expect(hallsActedFor(verified('admin', ['A']))).toEqual(['A']);
    for (const a of [account('citizen', ['A']), account('admin', [])]) {
      expect(mustVerifyToAct(a)).toBe(false);
      expect(() => requireActingForAnyHall(a)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });

  test('a status view says it with its flag, as the pages read it', () => {
    expect(actsForAnyHall({ role: 'officer', halls: ['A'], verified: false })).toBe(false);
    expect(mustVerifyToAct({ role: 'officer', halls: ['A'], verified: false })).toBe(true);
    expect(actsForAnyHall({ role: 'officer', halls: ['A'], verified: true })).toBe(true);
  });

  test('an unverified admin still administers (the first admin is granted by openid)', () => {
    expect(mayAdminister(unverified('admin', ['A']))).toBe(true);
    expect(auditScope(unverified('admin', ['A']))).toBe('all');
    expect(auditScope(unverified('officer', ['A']))).toBeNull();
  });
});

describe("a hall's numbers (ratings, the statistics report): counts without personal data", () => {
  test.each([
    ['an admin, bound to no hall, verified or not', account('admin', []), ['A', 'B']],
    ['an unverified admin', unverified('admin', []), ['A', 'B']],
    ['an officer of A', account('officer', ['A']), ['A']],
    ['an unverified officer of A', unverified('officer', ['A']), []],
    ['a citizen', account('citizen', ['A']), []],
  ])('%s reads those of %j', (_, who, readable) => {
    expect(hallsWithNumbersFor(who, ['A', 'B'])).toEqual(readable);
    for (const hall of ['A', 'B']) expect(mayReadHallNumbers(who, hall)).toBe(readable.includes(hall));
  });

  it('no account reads none', () => {
    expect(mayReadHallNumbers(null, 'A')).toBe(false);
    expect(hallsWithNumbersFor(undefined, ['A'])).toEqual([]);
  });
});
