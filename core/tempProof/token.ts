import { TEMP_PROOF_POLICY } from './policy';

/**
 * The QR token of a temporary proof: it names the proof and the minute window it was made for, and
 * is signed with the server's ticket key (the TicketSigner port, HMAC-SHA256 under HUKOU_TICKET_KEY,
 * as appointment tickets are: server/ticket/hmacTicketSigner.ts). It says nothing about the person.
 *
 *   token  = 'P1.' + proofId + '.' + window + '.' + signature
 *   signed = 'P1.' + proofId + '.' + window   (a ticket signs 'T1.…': one never reads as the other)
 *
 * window = floor(unix ms / 60 000): the code on screen changes every minute, and a token is taken
 * only in its window and the next (TEMP_PROOF_POLICY.tokenGraceWindows), so a photo of the code is
 * worthless two minutes later.
 */

export const TEMP_PROOF_TOKEN_VERSION = 'P1';
export const MAX_TEMP_PROOF_TOKEN_LENGTH = 200;
const PROOF_ID = /^[A-Za-z0-9_-]{16,43}$/;
const WINDOW = /^[1-9]\d{0,12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{16,86}$/;

/** What signs and checks the text (the appointment tickets' signer). */
export interface ProofSigner {
  sign(payload: string): string;
  verify(payload: string, signature: string): boolean;
}

/** A stale token was signed by us: it still names its proof (the holder sees that an old code was scanned). */
export type TokenReading = { ok: true; proofId: string; window: number } | { ok: false; reason: 'malformed' | 'signature' } | { ok: false; reason: 'stale'; proofId: string };

export function windowOf(now: Date): number {
  return Math.floor(now.getTime() / (TEMP_PROOF_POLICY.tokenWindowSeconds * 1000));
}

/** When the token of `window` stops being shown (the next window starts). */
export function windowEnd(window: number): Date {
  return new Date((window + 1) * TEMP_PROOF_POLICY.tokenWindowSeconds * 1000);
}

export function isProofId(value: string): boolean {
  return PROOF_ID.test(value);
}

/** The token of the proof for the window `now` falls in. */
export function issueProofToken(proofId: string, now: Date, signer: ProofSigner): string {
  if (!isProofId(proofId)) throw new TypeError('proof id: 16–43 characters of A–Z a–z 0–9 _ -');
  const signed = `${TEMP_PROOF_TOKEN_VERSION}.${proofId}.${windowOf(now)}`;
  return `${signed}.${signer.sign(signed)}`;
}

/** Reads a scanned or typed token. Total: never throws; the signature is checked before anything else is believed. */
export function readProofToken(token: unknown, signer: ProofSigner, now: Date): TokenReading {
  if (typeof token !== 'string' || token.length > MAX_TEMP_PROOF_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [version, proofId, window, signature] = parts as [string, string, string, string];
  if (version !== TEMP_PROOF_TOKEN_VERSION || !PROOF_ID.test(proofId) || !WINDOW.test(window) || !SIGNATURE.test(signature)) return { ok: false, reason: 'malformed' };
  if (!signer.verify(`${version}.${proofId}.${window}`, signature)) return { ok: false, reason: 'signature' };
  const age = windowOf(now) - Number(window);
  if (age < 0 || age > TEMP_PROOF_POLICY.tokenGraceWindows) return { ok: false, reason: 'stale', proofId };
  return { ok: true, proofId, window: Number(window) };
}
