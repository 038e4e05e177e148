import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { basisOf } from '../../core/tempProof/basis';
import { faceIsFresh } from '../../core/tempProof/face';
import type { ApplicationFacts, CardFacts } from '../../core/tempProof/facts';
import { decideIssue, expiryOf, monthOf } from '../../core/tempProof/issuance';
import { TEMP_PROOF_POLICY, tokenShownUntil } from '../../core/tempProof/policy';
import { revocationOf } from '../../core/tempProof/revocation';
import { judgeScan } from '../../core/tempProof/scan';
import { statusOf, type TempProof } from '../../core/tempProof/TempProof';
import { issueProofToken, readProofToken, windowOf, type ProofSigner } from '../../core/tempProof/token';
import { holderView, verificationView } from '../../core/tempProof/views';
import { REISSUE_STATES } from '../../core/reissue/ReissueApplication';

const signer = (key = 'k'.repeat(32)): ProofSigner => ({
  sign: (p) => createHmac('sha256', key).update(p).digest('base64url'),
  verify: (p, s) => createHmac('sha256', key).update(p).digest('base64url') === s,
});
const S = signer();
const ID = 'AbCdEfGhIjKlMnOpQrSt12';
const t = (iso: string) => new Date(iso);

function proof(over: Partial<TempProof> = {}): TempProof {
  const issuedAt = over.issuedAt ?? t('2026-03-02T02:00:00Z');
  return {
    _id: ID,
    openid: 'o',
    idIndex: 'i',
    residentId: 'r',
    month: monthOf(issuedAt),
    slot: 1,
    nameMasked: '王**',
    idNumberMasked: '4601**********1311',
    photoOnFile: true,
    basis: { kind: 'lost', lostAt: t('2026-03-01T00:00:00Z') },
    issuedAt,
    expiresAt: expiryOf(issuedAt),
    faceAt: issuedAt,
    faceKey: 'f',
    ...over,
  };
}
const app = (state: ApplicationFacts['state'], at: string, reason: 'lost' | 'damaged' = 'lost', id = 'a1'): ApplicationFacts => ({
  _id: id,
  state,
  reason,
  timeline: [
    { state: 'submitted', at: t('2026-03-01T00:00:00Z') },
    { state, at: t(at) },
  ],
});

describe('who may get a temporary proof', () => {
  test('a card being produced (an open application, lost or damaged) or reported lost; not a valid card', () => {
    expect(basisOf({ applications: [app('inProduction', '2026-03-01T05:00:00Z', 'damaged')] })).toEqual({
      ok: true,
      basis: { kind: 'application', applicationId: 'a1', reason: 'damaged' },
    });
    expect(basisOf({ applications: [], card: { lostAt: t('2026-03-01T00:00:00Z'), photoOnFile: true } })).toMatchObject({ ok: true, basis: { kind: 'lost' } });
    expect(basisOf({ applications: [], card: { photoOnFile: true, issuedOn: '2020-01-01' } })).toEqual({ ok: false });
    expect(basisOf({ applications: [app('draft', '2026-03-01T00:00:00Z')] })).toEqual({ ok: false });
    // A new card after the loss ends it.
    expect(basisOf({ applications: [app('delivered', '2026-03-05T00:00:00Z')], card: { lostAt: t('2026-03-01T00:00:00Z'), photoOnFile: true } })).toEqual({ ok: false });
  });
});

describe('issuing', () => {
  const now = t('2026-03-10T04:00:00Z');
  test('at most 3 a calendar month (Shanghai), revoked and expired ones count', () => {
    const used = [1, 2, 3].map((slot) => proof({ slot, issuedAt: t('2026-03-01T02:00:00Z'), revokedAt: slot === 1 ? t('2026-03-01T03:00:00Z') : undefined }));
    expect(decideIssue(used, now)).toEqual({ ok: false, code: 'TEMP_PROOF_MONTHLY_LIMIT' });
    expect(decideIssue(used.slice(1), now)).toEqual({ ok: true, slots: [1] });
    // 2026-03-31 16:30 UTC is April 1st in Shanghai: a new month.
    expect(monthOf(t('2026-03-31T16:30:00Z'))).toBe('2026-04');
    expect(decideIssue(used, t('2026-03-31T16:30:00Z'))).toEqual({ ok: true, slots: [1, 2, 3] });
  });
  test('a valid one blocks a new one until its last 3 hours', () => {
    const current = proof({ issuedAt: t('2026-03-10T00:00:00Z') });
    expect(decideIssue([current], t('2026-03-10T20:59:00Z'))).toMatchObject({ ok: false, code: 'TEMP_PROOF_STILL_VALID' });
    expect(decideIssue([current], t('2026-03-10T21:01:00Z'))).toEqual({ ok: true, slots: [2, 3] });
  });
  test('valid 24 hours; revoked wins', () => {
    const p = proof();
    expect(statusOf(p, new Date(p.issuedAt.getTime() + 24 * 3_600_000 - 1))).toBe('valid');
    expect(statusOf(p, new Date(p.issuedAt.getTime() + 24 * 3_600_000))).toBe('expired');
    expect(statusOf({ ...p, revokedAt: p.issuedAt }, p.issuedAt)).toBe('revoked');
    // Revoked a moment after the caller read its clock (verification reads it first): revoked still.
    expect(statusOf({ ...p, revokedAt: new Date(p.issuedAt.getTime() + 5) }, p.issuedAt)).toBe('revoked');
  });
  test('property: never more than 3 slots taken in a month, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 6 }), fc.integer({ min: 0, max: 40 * 24 }), (slots, hours) => {
        const now = new Date(t('2026-03-01T00:00:00Z').getTime() + hours * 3_600_000);
        const recent = slots.map((slot) => proof({ slot, issuedAt: new Date(now.getTime() - 25 * 3_600_000), month: monthOf(now) }));
        const d = decideIssue(recent, now);
        const taken = new Set(slots);
        if (d.ok) {
          expect(d.slots.every((s) => !taken.has(s) && s >= 1 && s <= TEMP_PROOF_POLICY.perMonth)).toBe(true);
          expect(taken.size + d.slots.length).toBe(TEMP_PROOF_POLICY.perMonth);
        } else expect(taken.size).toBe(TEMP_PROOF_POLICY.perMonth);
      }),
    );
  });
});

describe('the QR token', () => {
  const now = t('2026-03-02T02:00:30Z');
  test('changes every minute; taken in its window and the next only', () => {
    const a = issueProofToken(ID, now, S);
    expect(issueProofToken(ID, t('2026-03-02T02:00:59Z'), S)).toBe(a);
    expect(issueProofToken(ID, t('2026-03-02T02:01:00Z'), S)).not.toBe(a);
    expect(readProofToken(a, S, t('2026-03-02T02:01:59Z'))).toEqual({ ok: true, proofId: ID, window: windowOf(now) });
    expect(readProofToken(a, S, t('2026-03-02T02:02:00Z'))).toEqual({ ok: false, reason: 'stale', proofId: ID });
    expect(readProofToken(a, S, t('2026-03-02T01:59:59Z'))).toEqual({ ok: false, reason: 'stale', proofId: ID });
    expect(readProofToken(a, signer('x'.repeat(32)), now)).toEqual({ ok: false, reason: 'signature' });
    expect(readProofToken('T1.abc.def', S, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(readProofToken(42, S, now)).toEqual({ ok: false, reason: 'malformed' });
  });
  test('property: a token reads back in its window; any change to it is refused', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{16,43}$/),
        fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (id, ms, pos, c) => {
          const token = issueProofToken(id, new Date(ms), S);
          expect(readProofToken(token, S, new Date(ms))).toMatchObject({ ok: true, proofId: id });
          const i = pos % token.length;
          const changed = token.slice(0, i) + c + token.slice(i + 1);
          if (changed !== token) expect(readProofToken(changed, S, new Date(ms)).ok).toBe(false);
        },
      ),
    );
  });
  test('property: reading is total', () => {
    fc.assert(fc.property(fc.anything(), (x) => expect(() => readProofToken(x, S, new Date())).not.toThrow()));
  });
  test('property: a code the page still shows (it could not fetch a new one) is one the server still takes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }), fc.integer({ min: 0, max: 200_000 }), (fetched, later) => {
        const token = issueProofToken(ID, new Date(fetched), S);
        const at = fetched + later;
        if (at < tokenShownUntil(fetched)) expect(readProofToken(token, S, new Date(at)).ok).toBe(true);
      }),
    );
  });
});

describe('the face again after 30 minutes', () => {
  test('fresh up to 30 minutes, not after, not from the future', () => {
    const f = t('2026-03-02T02:00:00Z');
    expect(faceIsFresh(f, t('2026-03-02T02:30:00Z'))).toBe(true);
    expect(faceIsFresh(f, t('2026-03-02T02:30:00.001Z'))).toBe(false);
    expect(faceIsFresh(f, t('2026-03-02T01:50:00Z'))).toBe(false);
  });
});

describe('revocation', () => {
  const p = proof();
  const lostCard: CardFacts['card'] = { lostAt: t('2026-03-01T00:00:00Z'), photoOnFile: true };
  test('a card delivered or collected after issue revokes it (reissued)', () => {
    expect(revocationOf(p, { applications: [app('delivered', '2026-03-02T05:00:00Z')], card: lostCard })).toBe('reissued');
    expect(revocationOf(p, { applications: [app('collected', '2026-03-02T05:00:00Z')] })).toBe('reissued');
    expect(revocationOf(p, { applications: [app('shipped', '2026-03-02T05:00:00Z')], card: lostCard })).toBeUndefined();
    // A card issued at a window on a later day.
    expect(revocationOf(p, { applications: [], card: { photoOnFile: true, issuedOn: '2026-03-03' } })).toBe('reissued');
  });
  test('the loss withdrawn, or the application abandoned with nothing else to stand on (withdrawn)', () => {
    expect(revocationOf(p, { applications: [], card: { photoOnFile: true, issuedOn: '2020-01-01' } })).toBe('withdrawn');
    const onApp = proof({ basis: { kind: 'application', applicationId: 'a1', reason: 'damaged' } });
    expect(revocationOf(onApp, { applications: [app('cancelled', '2026-03-02T05:00:00Z', 'damaged')] })).toBe('withdrawn');
    // A lost card is still lost: cancelling the application leaves the proof.
    expect(
      revocationOf({ ...onApp, basis: { kind: 'application', applicationId: 'a1', reason: 'lost' } }, { applications: [app('cancelled', '2026-03-02T05:00:00Z')], card: lostCard }),
    ).toBeUndefined();
    // The registry not answering decides nothing about a loss.
    expect(revocationOf(p, { applications: [] })).toBeUndefined();
  });
  test('property: a proof is revoked exactly when a card completed after issue, or nothing entitles and the facts can tell', () => {
    const arbApp = fc.record({
      state: fc.constantFrom(...REISSUE_STATES),
      reason: fc.constantFrom<'lost' | 'damaged'>('lost', 'damaged'),
      hours: fc.integer({ min: -48, max: 48 }),
    });
    fc.assert(
      fc.property(fc.array(arbApp, { maxLength: 3 }), fc.option(fc.boolean(), { nil: undefined }), (apps, lost) => {
        const applications = apps.map((a, i) => app(a.state, new Date(p.issuedAt.getTime() + a.hours * 3_600_000).toISOString(), a.reason, `a${i}`));
        const card = lost === undefined ? undefined : { photoOnFile: true, ...(lost ? { lostAt: t('2026-03-01T00:00:00Z') } : {}) };
        const reason = revocationOf(p, { applications, card });
        const completedAfter = apps.some((a) => (a.state === 'delivered' || a.state === 'collected') && a.hours >= 0);
        if (completedAfter) expect(reason).toBe('reissued');
        else if (basisOf({ applications, card }).ok) expect(reason).toBeUndefined();
        else expect(reason).toBe(card ? 'withdrawn' : undefined);
      }),
    );
  });
});

describe('what a verifier sees', () => {
  test('valid / expired / revoked with masked data; unknown and forged codes show nothing', () => {
    const p = proof();
    const token = issueProofToken(p._id, p.issuedAt, S);
    const valid = judgeScan(readProofToken(token, S, p.issuedAt), p, p.issuedAt);
    expect(valid).toMatchObject({ result: 'valid', staleCode: false });
    const view = verificationView(valid.result, valid.proof);
    expect(view).toMatchObject({ result: 'valid', resultName: '有效', holder: { nameMasked: '王**', idNumberMasked: '4601**********1311', photoOnFile: true } });
    expect(JSON.stringify(view)).not.toMatch(/\d{17}/);
    const later = new Date(p.expiresAt.getTime() + 1000);
    expect(judgeScan(readProofToken(issueProofToken(p._id, later, S), S, later), p, later).result).toBe('expired');
    expect(judgeScan(readProofToken(token, S, p.issuedAt), { ...p, revokedAt: p.issuedAt }, p.issuedAt).result).toBe('revoked');
    expect(judgeScan(readProofToken(token, S, p.issuedAt), null, p.issuedAt)).toEqual({ result: 'unknown', staleCode: false });
    const forged = judgeScan(readProofToken(token, signer('z'.repeat(32)), p.issuedAt), p, p.issuedAt);
    expect(forged).toEqual({ result: 'unknown', staleCode: false });
    expect(verificationView('unknown', p)).not.toHaveProperty('holder');
    const stale = judgeScan(readProofToken(token, S, new Date(p.issuedAt.getTime() + 180_000)), p, p.issuedAt);
    expect(stale).toMatchObject({ result: 'unknown', staleCode: true, proof: p });
    expect(Object.keys(holderView(p)).sort()).toEqual(['expiresAt', 'expiresAtText', 'idNumberMasked', 'issuedAt', 'issuedAtText', 'nameMasked', 'photoOnFile']);
  });
});
