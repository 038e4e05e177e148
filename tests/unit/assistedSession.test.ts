import fc from 'fast-check';
import { ASSISTED_POLICY, type AssistedSession } from '../../core/assisted/AssistedSession';
import { MATERIALS_TEXT_MAX, materialsLine } from '../../core/assisted/notice';
import { assistedOwner, confirmation, judgeCode, openedSession, requireFeeInPerson, requireSessionHall, requireUsable, sessionPhase } from '../../core/assisted/sessionRules';
import { isDomainError } from '../../core/errors/DomainError';

const T0 = new Date('2026-03-02T02:00:00Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);

function opened(): AssistedSession {
  return openedSession(
    {
      _id: 's1',
      officerOpenid: 'officer-a',
      hallId: 'hall-a',
      reason: 'phone',
      subjectResidentId: 'resident-005',
      subjectIdIndex: 'idx',
      subjectNameEnc: 'enc',
      subjectIdMasked: '4601**********2864',
      phoneEnc: 'enc-phone',
      phoneSource: 'registry',
      codeHash: 'h',
    },
    T0,
  );
}

function codeOf(f: () => unknown): string {
  try {
    f();
    return 'OK';
  } catch (e) {
    return isDomainError(e) ? e.code : 'THROWN';
  }
}

describe('an assisted session', () => {
  test('a code lives 5 minutes; a confirmed session 15 minutes from its confirmation', () => {
    const s = opened();
    expect(sessionPhase(s, min(4.99))).toBe('codeSent');
    expect(sessionPhase(s, min(5))).toBe('expired');
    const c = { ...s, ...confirmation(min(4)) };
    expect(sessionPhase(c, min(18.99))).toBe('confirmed');
    expect(sessionPhase(c, min(19))).toBe('expired');
  });

  test('failed and closed stay so, whatever the clock', () => {
    expect(sessionPhase({ ...opened(), state: 'failed' }, min(1))).toBe('failed');
    expect(sessionPhase({ ...opened(), ...confirmation(min(1)), state: 'closed' }, min(2))).toBe('closed');
  });

  test('only its officer uses it; another officer is told there is no such session', () => {
    const c = { ...opened(), ...confirmation(min(1)) };
    expect(codeOf(() => requireUsable(c, 'officer-a', min(2)))).toBe('OK');
    expect(codeOf(() => requireUsable(c, 'officer-b', min(2)))).toBe('ASSISTED_SESSION_NOT_FOUND');
    expect(codeOf(() => requireUsable(null, 'officer-a', min(2)))).toBe('ASSISTED_SESSION_NOT_FOUND');
    expect(codeOf(() => requireUsable(c, 'officer-a', min(17)))).toBe('ASSISTED_SESSION_EXPIRED');
    expect(codeOf(() => requireUsable(opened(), 'officer-a', min(1)))).toBe('ASSISTED_SESSION_NOT_CONFIRMED');
    expect(codeOf(() => requireUsable(c, 'officer-a', min(2), 'codeSent'))).toBe('ASSISTED_SESSION_CONFIRMED');
  });

  test('bound to its hall', () => {
    expect(codeOf(() => requireSessionHall(opened(), 'hall-a'))).toBe('OK');
    expect(codeOf(() => requireSessionHall(opened(), 'hall-b'))).toBe('ASSISTED_OTHER_HALL');
  });

  test('three wrong codes fail it; a right code after the limit does not confirm', () => {
    expect(judgeCode(false, 1)).toEqual({ kind: 'retry', left: 2 });
    expect(judgeCode(false, 2)).toEqual({ kind: 'retry', left: 1 });
    expect(judgeCode(false, 3)).toEqual({ kind: 'fail' });
    expect(judgeCode(true, 3)).toEqual({ kind: 'confirm' });
    expect(judgeCode(true, 4)).toEqual({ kind: 'fail' });
  });

  test('the owner of an assisted booking can never be an openid', () => {
    expect(assistedOwner('abc')).toContain(':');
  });
});

describe('properties', () => {
  test('no sequence of codes confirms a session after more than the allowed attempts, and a wrong code never confirms', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (codes) => {
        let confirmed = false;
        let failed = false;
        codes.forEach((correct, i) => {
          if (confirmed || failed) return;
          const v = judgeCode(correct, i + 1);
          if (v.kind === 'confirm') {
            expect(correct).toBe(true);
            expect(i + 1).toBeLessThanOrEqual(ASSISTED_POLICY.codeMaxAttempts);
            confirmed = true;
          }
          if (v.kind === 'fail') failed = true;
          if (v.kind === 'retry') expect(v.left).toBe(ASSISTED_POLICY.codeMaxAttempts - (i + 1));
        });
        // Wrong codes up to the limit always end in a failed session.
        if (codes.slice(0, ASSISTED_POLICY.codeMaxAttempts).every((c) => !c) && codes.length >= ASSISTED_POLICY.codeMaxAttempts) expect(failed).toBe(true);
      }),
    );
  });

  test('a session is usable only by its officer, only while confirmed and within 15 minutes of the confirmation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 * 60_000 }),
        fc.integer({ min: 0, max: 40 * 60_000 }),
        fc.constantFrom('officer-a', 'officer-b'),
        fc.constantFrom('codeSent', 'confirmed', 'failed', 'closed') as fc.Arbitrary<AssistedSession['state']>,
        (confirmAfter, useAfter, officer, state) => {
          const confirmedAt = new Date(T0.getTime() + confirmAfter);
          const s = state === 'codeSent' ? opened() : { ...opened(), ...confirmation(confirmedAt), state };
          const at = new Date(confirmedAt.getTime() + useAfter);
          const ok = codeOf(() => requireUsable(s, officer, at)) === 'OK';
          const expected = officer === 'officer-a' && state === 'confirmed' && useAfter < ASSISTED_POLICY.sessionMinutes * 60_000;
          expect(ok).toBe(expected);
        },
      ),
    );
  });
});

describe('a fee in an assisted session (issue 18)', () => {
  it('is collected only in person: a reissue by phone is refused, at the desk or on a home visit it may go on', () => {
    expect(() => requireFeeInPerson({ reason: 'phone' })).toThrow(expect.objectContaining({ code: 'ASSISTED_REISSUE_BY_PHONE' }));
    expect(() => requireFeeInPerson({ reason: 'desk' })).not.toThrow();
    expect(() => requireFeeInPerson({ reason: 'homeVisit' })).not.toThrow();
  });
});

describe('the materials told by text (issue 18)', () => {
  const m = (name: string, required = true) => ({ name, required });
  it('names only, required first, the others marked 如有', () => {
    expect(materialsLine([m('居民户口簿', false), m('本人居民身份证')])).toBe('需带本人居民身份证、居民户口簿（如有）');
  });
  it('cut at whole names within the limit, with how many there are', () => {
    const many = Array.from({ length: 8 }, (_, i) => m(`第${i + 1}份证明材料原件`));
    const line = materialsLine(many);
    expect(line).toMatch(/^需带第1份证明材料原件、.*等8项$/);
    expect(line.length).toBeLessThanOrEqual(MATERIALS_TEXT_MAX + 8);
    // One name longer than the limit still shows (never an empty list).
    expect(materialsLine([m('很'.repeat(60)), m('户口簿')])).toBe(`需带${'很'.repeat(60)}等2项`);
  });
});
