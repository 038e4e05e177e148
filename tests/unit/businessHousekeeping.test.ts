/**
 * The business timers' rules (issue 15, core/business/housekeeping.ts): what lapses, what expires,
 * and that whatever the rule asks of the system the state machine accepts.
 */
import fc from 'fast-check';
import { BUSINESS_STATES, type BusinessApplication } from '../../core/business/BusinessApplication';
import { lapseDue, LAPSING_STATES } from '../../core/business/housekeeping';
import { BUSINESS_KINDS } from '../../core/business/kinds';
import { transition } from '../../core/business/stateMachine';
import { at, draft, HOUR } from './support/businessFixtures';

const DAY = 24 * HOUR;
const config = { lapseAfterDays: 30 };

function inState(kind: (typeof BUSINESS_KINDS)[number], state: BusinessApplication['state'], updatedAt: Date, permitEnd?: Date): BusinessApplication {
  const app = draft(kind);
  return {
    ...app,
    state,
    updatedAt,
    ...(permitEnd
      ? { permit: { number: 'ZQ0000000000000000', issuedAt: updatedAt, validUntil: permitEnd, extensions: [] }, moveOut: { originDivisionCode: '460106', dueAt: permitEnd } }
      : {}),
    ...(state === 'issued' || state === 'revoked' ? { certificate: { serial: 'HJ0000000000000000', issuedAt: updatedAt, validUntil: permitEnd ?? at(1000) } } : {}),
  };
}

test('a draft or an unanswered correction lapses after the silence limit, not a moment before', () => {
  for (const state of ['draft', 'correctionRequested'] as const) {
    const app = inState('householdCertificate', state, at(0));
    expect(lapseDue(app, config, new Date(at(0).getTime() + 30 * DAY - 1))).toBeUndefined();
    expect(lapseDue(app, config, new Date(at(0).getTime() + 30 * DAY))).toBe('expire');
  }
});

test("a migration's permit expires at its end, before or after the move-out; other tracks have none to expire", () => {
  for (const state of ['permitIssued', 'readyForHandover'] as const) {
    const app = inState('migrationSpouse', state, at(0), at(40 * 24));
    expect(lapseDue(app, config, new Date(at(40 * 24).getTime() - 1))).toBeUndefined();
    expect(lapseDue(app, config, at(40 * 24))).toBe('expirePermit');
  }
  expect(lapseDue(inState('birthRegistration', 'readyForHandover', at(0)), config, at(10_000))).toBeUndefined();
  expect(lapseDue(inState('migrationSpouse', 'permitExpired', at(0), at(1)), config, at(30 * 24))).toBe('expire');
});

test('property: whatever the rule asks of the system, the state machine accepts; outside the lapsing states it asks nothing', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...BUSINESS_KINDS),
      fc.constantFrom(...BUSINESS_STATES),
      fc.integer({ min: 0, max: 100 * 24 }),
      fc.integer({ min: 0, max: 100 * 24 }),
      (kind, state, permitHours, nowHours) => {
        const app = inState(kind, state, at(0), kind.startsWith('migration') ? at(permitHours) : undefined);
        const now = at(nowHours);
        const due = lapseDue(app, config, now);
        if (!LAPSING_STATES.includes(state)) expect(due).toBeUndefined();
        if (due) expect(transition(app, { type: due, expectedVersion: app.version }, { role: 'system' }, now).ok).toBe(true);
      },
    ),
  );
});
