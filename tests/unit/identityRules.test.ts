/**
 * The pure rules of identity: the daily lock, binding, family members, WeChat face results,
 * consent, the verification clocks and the checks of what a citizen typed. Examples pin the
 * boundaries; properties check each rule against an oracle written independently here.
 */
import fc from 'fast-check';
import { DomainError } from '../../core/errors/DomainError';
import { newAccount, type Account } from '../../core/identity/Account';
import { decideBinding } from '../../core/identity/binding';
import { checkPerson, checkPhone } from '../../core/identity/checkPerson';
import { CONSENT_VERSION, hasConsent, withConsents } from '../../core/identity/consent';
import { judgeFaceResult, type FaceIdentifyInfo } from '../../core/identity/faceResult';
import { FAMILY_POLICY, judgeFamilyMember, type FamilyRelation } from '../../core/identity/family';
import { idProblemMessage, type IdNumberProblem } from '../../core/identity/idNumber';
import { describeUntil, failureDay, lockoutState } from '../../core/identity/lockout';
import { VERIFICATION_POLICY, canResendOtp, isExpired, otpExpired } from '../../core/identity/Verification';
import { chinaDivisions } from '../../server/identity/chinaDivisions';
import { idNumberOf } from './support/idNumberArbitraries';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year (no DST since 1991): the oracle of these tests. */
const SHANGHAI = 8 * HOUR;

/** Instants from 2000 to 2100, on any millisecond. */
const instantArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => new Date(t));

describe('lockoutState', () => {
  const now = new Date('2026-11-23T02:00:00Z');

  it.each([0, 1, 2, 3, 4])('%i failures today: not locked, 5 minus that many attempts remain', (failures) => {
    expect(lockoutState(failures, now)).toEqual({ locked: false, failuresToday: failures, remaining: 5 - failures });
  });

  it('the fifth failure locks until the next midnight in Asia/Shanghai', () => {
    const state = lockoutState(5, now);
    expect(state).toEqual({ locked: true, failuresToday: 5, remaining: 0, until: new Date('2026-11-23T16:00:00Z') });
    expect(describeUntil(state.until!)).toBe('11月24日 00:00');
  });

  it('late evening UTC is already the next day in Shanghai: the lock runs to the midnight after that', () => {
    // 2026-11-22T16:30Z is 00:30 on 23 November in Shanghai.
    expect(lockoutState(7, new Date('2026-11-22T16:30:00Z')).until).toEqual(new Date('2026-11-23T16:00:00Z'));
    // One millisecond before Shanghai midnight still belongs to the 22nd.
    expect(lockoutState(5, new Date('2026-11-22T15:59:59.999Z')).until).toEqual(new Date('2026-11-22T16:00:00Z'));
  });

  it('property: 5 or more failures lock until a Shanghai midnight strictly after now and at most 24 h later', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 5, max: 10_000 }), (now, failures) => {
        const state = lockoutState(failures, now);
        expect(state.locked).toBe(true);
        expect(state.remaining).toBe(0);
        const until = state.until!.getTime();
        expect((until + SHANGHAI) % DAY).toBe(0);
        expect(until).toBeGreaterThan(now.getTime());
        expect(until - now.getTime()).toBeLessThanOrEqual(DAY);
        // The very next midnight, not a later one.
        expect(until).toBe((Math.floor((now.getTime() + SHANGHAI) / DAY) + 1) * DAY - SHANGHAI);
      }),
    );
  });

  it('property: fewer than 5 failures never lock, and remaining counts down from 5', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 4 }), (now, failures) => {
        const state = lockoutState(failures, now);
        expect(state).toEqual({ locked: false, failuresToday: failures, remaining: 5 - failures });
      }),
    );
  });
});

describe('failureDay', () => {
  it('is the Shanghai calendar date', () => {
    expect(failureDay(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(failureDay(new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(failureDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('property: equals the UTC date of the instant plus eight hours', () => {
    fc.assert(
      fc.property(instantArb, (now) => {
        expect(failureDay(now)).toBe(new Date(now.getTime() + SHANGHAI).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('decideBinding', () => {
  it('binds an identity nobody holds', () => {
    expect(decideBinding({ openid: 'a', idIndex: 'X' })).toEqual({ kind: 'bind' });
  });
  it('is already bound when this account holds it', () => {
    expect(decideBinding({ openid: 'a', accountIdIndex: 'X', idIndex: 'X', boundOpenid: 'a' })).toEqual({ kind: 'already-bound' });
  });
  it('moves an identity from the account that holds it', () => {
    expect(decideBinding({ openid: 'b', idIndex: 'X', boundOpenid: 'a' })).toEqual({ kind: 'move', fromOpenid: 'a' });
  });
  it('refuses when the account holds a different identity, whoever holds this one', () => {
    expect(decideBinding({ openid: 'a', accountIdIndex: 'Y', idIndex: 'X' })).toEqual({ kind: 'refuse', reason: 'account-has-other-identity' });
    expect(decideBinding({ openid: 'a', accountIdIndex: 'Y', idIndex: 'X', boundOpenid: 'b' }).kind).toBe('refuse');
  });

  it('property: refuse iff the account holds a different identity; otherwise decided by who holds it', () => {
    const small = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(small, fc.option(small, { nil: undefined }), small, fc.option(small, { nil: undefined }), (openid, accountIdIndex, idIndex, boundOpenid) => {
        const d = decideBinding({ openid, accountIdIndex, idIndex, boundOpenid });
        const holdsOther = accountIdIndex !== undefined && accountIdIndex !== idIndex;
        expect(d.kind === 'refuse').toBe(holdsOther);
        if (holdsOther) return;
        if (boundOpenid === undefined) expect(d).toEqual({ kind: 'bind' });
        else if (boundOpenid === openid) expect(d).toEqual({ kind: 'already-bound' });
        else expect(d).toEqual({ kind: 'move', fromOpenid: boundOpenid });
      }),
    );
  });
});

describe('judgeFamilyMember', () => {
  const actor = { _id: 'r-actor', householdId: 'hh-1' };
  const member = { _id: 'r-member', householdId: 'hh-1' };
  const base = { actor, actorAge: 40, member, memberAge: 10, relation: 'child' as FamilyRelation, currentMembers: 0 };

  it('a child of 15 may be added, one of 16 may not (they verify themselves)', () => {
    expect(judgeFamilyMember({ ...base, memberAge: 15 })).toEqual({ ok: true });
    expect(judgeFamilyMember({ ...base, memberAge: 0 })).toEqual({ ok: true });
    const sixteen = judgeFamilyMember({ ...base, memberAge: 16 });
    expect(sixteen.ok).toBe(false);
    expect(!sixteen.ok && sixteen.reason).toContain('16');
  });

  it('a parent of 60 may be added, one of 59 may not', () => {
    expect(judgeFamilyMember({ ...base, relation: 'parent', memberAge: 60 })).toEqual({ ok: true });
    expect(judgeFamilyMember({ ...base, relation: 'parent', memberAge: 95 })).toEqual({ ok: true });
    const young = judgeFamilyMember({ ...base, relation: 'parent', memberAge: 59 });
    expect(!young.ok && young.reason).toContain('60');
  });

  it('an actor of 17 may not act for anyone; one of 18 may', () => {
    const minor = judgeFamilyMember({ ...base, actorAge: 17 });
    expect(!minor.ok && minor.reason).toContain('18');
    expect(judgeFamilyMember({ ...base, actorAge: 18 })).toEqual({ ok: true });
  });

  it('only members of the same household', () => {
    const other = judgeFamilyMember({ ...base, member: { _id: 'r-member', householdId: 'hh-2' } });
    expect(!other.ok && other.reason).toContain('同一户口簿');
  });

  it('not oneself', () => {
    const self = judgeFamilyMember({ ...base, member: actor, memberAge: 40, relation: 'parent' });
    expect(!self.ok && self.reason).toContain('本人');
    // Even when the age would fit the relation.
    expect(judgeFamilyMember({ ...base, member: actor, actorAge: 60, memberAge: 60, relation: 'parent' }).ok).toBe(false);
  });

  it(`at most ${FAMILY_POLICY.maxMembers} members`, () => {
    expect(judgeFamilyMember({ ...base, currentMembers: FAMILY_POLICY.maxMembers - 1 })).toEqual({ ok: true });
    const full = judgeFamilyMember({ ...base, currentMembers: FAMILY_POLICY.maxMembers });
    expect(!full.ok && full.reason).toContain(String(FAMILY_POLICY.maxMembers));
  });

  it('property: accepted iff adult actor, another person, same household, age fits the relation, room left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom<FamilyRelation>('child', 'parent'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 15 }),
        (actorAge, memberAge, relation, sameHousehold, self, currentMembers) => {
          const m = self ? actor : { _id: 'r-member', householdId: sameHousehold ? 'hh-1' : 'hh-2' };
          const verdict = judgeFamilyMember({ actor, actorAge, member: m, memberAge, relation, currentMembers });
          const ageFits = relation === 'child' ? memberAge < 16 : memberAge >= 60;
          const expected = actorAge >= 18 && !self && sameHousehold && ageFits && currentMembers < 10;
          expect(verdict.ok).toBe(expected);
          if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('judgeFaceResult', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const nowSeconds = now.getTime() / 1000;
  const expected = { openid: 'o-citizen', idNumberMd5: 'a'.repeat(32), nameMd5: 'b'.repeat(32) };
  const good: FaceIdentifyInfo = {
    errcode: 0,
    errmsg: 'ok',
    identify_ret: 0,
    openid: 'o-citizen',
    finish_time: nowSeconds - 30,
    id_card_number_md5: 'a'.repeat(32),
    name_utf8_md5: 'b'.repeat(32),
  };

  it('accepts a fresh result for this caller and this identity', () => {
    expect(judgeFaceResult(good, expected, now)).toEqual({ ok: true });
  });
  it('errcode other than 0 is a service failure, whatever else it says', () => {
    expect(judgeFaceResult({ ...good, errcode: 84001 }, expected, now)).toEqual({ ok: false, reason: 'service' });
    expect(judgeFaceResult({ ...good, errcode: -1, identify_ret: 10001, openid: 'x' }, expected, now)).toEqual({ ok: false, reason: 'service' });
  });
  it('identify_ret other than 0 is a mismatch', () => {
    expect(judgeFaceResult({ ...good, identify_ret: 10001 }, expected, now)).toEqual({ ok: false, reason: 'mismatch' });
  });
  it.each([
    ['another openid', { openid: 'o-thief' }],
    ['another ID number', { id_card_number_md5: 'c'.repeat(32) }],
    ['another name', { name_utf8_md5: 'c'.repeat(32) }],
    ['an empty openid', { openid: '' }],
    ['an empty ID md5', { id_card_number_md5: '' }],
  ])('%s is not this person', (_what, change) => {
    expect(judgeFaceResult({ ...good, ...change }, expected, now)).toEqual({ ok: false, reason: 'not-this-person' });
  });
  it('compares the MD5s without regard to case', () => {
    const upper = { ...good, id_card_number_md5: 'A'.repeat(32), name_utf8_md5: 'B'.repeat(32) };
    expect(judgeFaceResult(upper, expected, now)).toEqual({ ok: true });
    expect(judgeFaceResult(good, { ...expected, idNumberMd5: 'A'.repeat(32), nameMd5: 'B'.repeat(32) }, now)).toEqual({ ok: true });
  });
  it('is stale when older than 600 s or more than 60 s in the future', () => {
    const at = (finish: number) => judgeFaceResult({ ...good, finish_time: finish }, expected, now);
    expect(at(nowSeconds - VERIFICATION_POLICY.faceResultMaxAgeSeconds)).toEqual({ ok: true });
    expect(at(nowSeconds - 601)).toEqual({ ok: false, reason: 'stale' });
    expect(at(nowSeconds + 60)).toEqual({ ok: true });
    expect(at(nowSeconds + 61)).toEqual({ ok: false, reason: 'stale' });
    expect(at(0)).toEqual({ ok: false, reason: 'stale' });
  });
  it('property: a matching result is accepted iff its age is within [-60 s, 600 s]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), (age) => {
        const verdict = judgeFaceResult({ ...good, finish_time: nowSeconds - age }, expected, now);
        expect(verdict.ok).toBe(age >= -60 && age <= 600);
      }),
    );
  });
});

describe('consent', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const account = (consents: Account['consents']): Account => ({ ...newAccount('o-1', new Date('2026-01-01T00:00:00Z')), consents });

  it('counts only for the current version of the text, and only for its purpose', () => {
    expect(hasConsent(account([]), 'identity')).toBe(false);
    expect(hasConsent(account([{ purpose: 'identity', version: CONSENT_VERSION, at: now }]), 'identity')).toBe(true);
    expect(hasConsent(account([{ purpose: 'identity', version: CONSENT_VERSION, at: now }]), 'face')).toBe(false);
    expect(hasConsent(account([{ purpose: 'identity', version: CONSENT_VERSION - 1, at: now }]), 'identity')).toBe(false);
    expect(hasConsent(account([{ purpose: 'face', version: CONSENT_VERSION + 1, at: now }]), 'face')).toBe(false);
  });

  it('withConsents replaces an older consent to the same purpose and keeps the others', () => {
    const before = account([
      { purpose: 'identity', version: CONSENT_VERSION - 1, at: new Date('2025-01-01T00:00:00Z') },
      { purpose: 'face', version: CONSENT_VERSION, at: new Date('2025-02-01T00:00:00Z') },
    ]);
    const after = withConsents(before, ['identity'], now);
    expect(after.consents).toHaveLength(2);
    expect(after.consents.filter((c) => c.purpose === 'identity')).toEqual([{ purpose: 'identity', version: CONSENT_VERSION, at: now }]);
    expect(after.consents.find((c) => c.purpose === 'face')?.at).toEqual(new Date('2025-02-01T00:00:00Z'));
    expect(after.updatedAt).toEqual(now);
    expect(hasConsent(after, 'identity')).toBe(true);
    // The account given is not changed.
    expect(before.consents[0].version).toBe(CONSENT_VERSION - 1);
  });

  it('property: after withConsents every given purpose holds exactly one current consent', () => {
    const purposes = fc.subarray(['identity', 'face'] as const, { minLength: 1 });
    const record = fc.record({ purpose: fc.constantFrom('identity' as const, 'face' as const), version: fc.integer({ min: 0, max: 3 }), at: fc.constant(now) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 4 }), purposes, (consents, given) => {
        const after = withConsents(account(consents), given, now);
        for (const p of given) {
          expect(after.consents.filter((c) => c.purpose === p)).toEqual([{ purpose: p, version: CONSENT_VERSION, at: now }]);
          expect(hasConsent(after, p)).toBe(true);
        }
        const untouched = consents.filter((c) => !given.includes(c.purpose));
        expect(after.consents.filter((c) => !given.includes(c.purpose))).toEqual(untouched);
      }),
    );
  });
});

describe('verification clocks', () => {
  const sent = new Date('2026-11-23T02:00:00Z');
  const after = (ms: number) => new Date(sent.getTime() + ms);

  it('a one-time code expires exactly 5 minutes after it was sent', () => {
    expect(otpExpired({ otpSentAt: sent }, after(5 * 60_000 - 1))).toBe(false);
    expect(otpExpired({ otpSentAt: sent }, after(5 * 60_000))).toBe(true);
    expect(otpExpired({ otpSentAt: sent }, sent)).toBe(false);
  });
  it('a new code may be sent 60 s after the last one, not before', () => {
    expect(canResendOtp({ otpSentAt: sent }, after(59_999))).toBe(false);
    expect(canResendOtp({ otpSentAt: sent }, after(60_000))).toBe(true);
    expect(canResendOtp({ otpSentAt: sent }, sent)).toBe(false);
  });
  it('a session is expired from its expiry instant on', () => {
    const expiresAt = after(30 * 60_000);
    expect(isExpired({ expiresAt }, after(30 * 60_000 - 1))).toBe(false);
    expect(isExpired({ expiresAt }, expiresAt)).toBe(true);
  });
  it('property: the thresholds are the policy values', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY, max: DAY }), (elapsed) => {
        const now = after(elapsed);
        expect(otpExpired({ otpSentAt: sent }, now)).toBe(elapsed >= VERIFICATION_POLICY.otpMinutes * 60_000);
        expect(canResendOtp({ otpSentAt: sent }, now)).toBe(elapsed >= VERIFICATION_POLICY.otpResendSeconds * 1000);
        expect(isExpired({ expiresAt: sent }, now)).toBe(elapsed >= 0);
      }),
    );
  });
});

/** The error a call throws, or fails the test when it does not throw a DomainError. */
function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('checkPerson', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const VALID = idNumberOf({ divisionCode: '460106', birthDate: '1990-12-05', sequence: '286' });
  const check = (name: string, id = VALID, at = now) => checkPerson(name, id, at, chinaDivisions);

  it('accepts a Chinese name and a valid number, giving the normalized number and birth date', () => {
    expect(check('陈晓燕')).toEqual({ name: '陈晓燕', idNumber: VALID, birthDate: '1990-12-05' });
  });

  it('accepts minority names with the middle dot, and removes spaces typed inside a name', () => {
    expect(check('阿依古丽·买买提').name).toBe('阿依古丽·买买提');
    expect(check('爱新觉罗•溥仪').name).toBe('爱新觉罗•溥仪');
    expect(check(' 王 小明 ').name).toBe('王小明');
  });

  it('accepts rare characters beyond the BMP (CJK Extension B and later), counted as one character each', () => {
    expect(check('王𠀾').name).toBe('王𠀾');
    expect(check('𠮷明').name).toBe('𠮷明');
    expect(check('李𪚥').name).toBe('李𪚥');
    // A lone half of a surrogate pair is not a character.
    expect(domainErrorOf(() => check('王\ud840')).code).toBe('NAME_INVALID');
  });

  it.each([['Robert'], ['张'], ['王小明1'], ['123'], ['·张三'], ['张三·'], ['Wang 小明'], ['']])('refuses the name %j with NAME_INVALID', (name) => {
    expect(domainErrorOf(() => check(name)).code).toBe('NAME_INVALID');
  });

  const cases: Array<[IdNumberProblem, string]> = [
    ['format', '46010619901205'],
    ['birthDate', idNumberOf({ divisionCode: '460106', birthDate: '1990-02-30', sequence: '286' })],
    ['checkDigit', VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0')],
    ['division', idNumberOf({ divisionCode: '990101', birthDate: '1990-12-05', sequence: '286' })],
  ];
  it.each(cases)('refuses a number with a %s problem: ID_NUMBER_INVALID saying what is wrong, never the number', (problem, id) => {
    const e = domainErrorOf(() => check('陈晓燕', id));
    expect(e.code).toBe('ID_NUMBER_INVALID');
    expect(e.detail).toBe(idProblemMessage(problem));
    expect(e.message).toContain(idProblemMessage(problem));
    expect(e.message).not.toContain(id);
  });

  it('normalizes what people paste: spaces, full-width digits, a lower-case x', () => {
    const withX = idNumberOf({ divisionCode: '110105', birthDate: '1949-12-31', sequence: '002' });
    expect(withX).toBe('11010519491231002X');
    expect(check('张三', '110105 19491231 002x').idNumber).toBe(withX);
    expect(check('张三', '１１０１０５１９４９１２３１００２Ｘ').idNumber).toBe(withX);
  });

  it('a birth date is in the future until it is that day in Shanghai', () => {
    const born = idNumberOf({ divisionCode: '460106', birthDate: '2026-11-23', sequence: '101' });
    // 2026-11-22T16:00Z is midnight of the 23rd in Shanghai.
    expect(check('王小宝', born, new Date('2026-11-22T16:00:00Z')).birthDate).toBe('2026-11-23');
    const e = domainErrorOf(() => check('王小宝', born, new Date('2026-11-22T15:59:59Z')));
    expect(e.code).toBe('ID_NUMBER_INVALID');
    expect(e.detail).toBe(idProblemMessage('birthDate'));
  });

  it('checks the name before the number', () => {
    expect(domainErrorOf(() => check('Robert', 'garbage')).code).toBe('NAME_INVALID');
  });
});

describe('checkPhone', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['+8619912345678', '19912345678'],
  ])('%j → %j', (typed, digits) => {
    expect(checkPhone(typed)).toBe(digits);
  });

  it.each([['12345'], ['12912345678'], ['1391234567'], ['139123456789'], ['1391234567a'], ['+1 139-1234-5678'], ['']])('refuses %j with PHONE_INVALID', (typed) => {
    expect(domainErrorOf(() => checkPhone(typed)).code).toBe('PHONE_INVALID');
  });

  it('property: any mobile number written with +86, spaces or dashes normalizes to its 11 digits', () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    const sep = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '86', '+86', '+86 '), sep, sep, (digits, prefix, a, b) => {
        const typed = `${prefix}${digits.slice(0, 3)}${a}${digits.slice(3, 7)}${b}${digits.slice(7)}`;
        expect(checkPhone(typed)).toBe(digits);
      }),
    );
  });
});
