import { maskName } from '../privacy/mask';
import type { Certificate } from './BusinessApplication';

/**
 * The electronic household-registration certificate (户籍类证明, issue 15) as anyone holding it
 * sees it: a serial that is unguessable (the public page answers to it) and carries a check
 * character (a serial typed by hand with one character wrong is refused, not looked up), its
 * status, and what it states, masked.
 */

/** Crockford's base-32 alphabet: no I, L, O or U, so nothing reads as 1, 0 or a word. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'HJ';
const BODY_LENGTH = 16;

/**
 * The Luhn mod-32 check character of `body`: catches every single wrong character and every swap
 * of two neighbours except between characters whose values differ by 16.
 */
export function serialCheckCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i]);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32];
}

/** A serial from 80 random bits (10 bytes, e.g. node's randomBytes): 'HJ' + 16 characters + a check character. */
export function certificateSerial(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('a serial needs 10 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) {
    body = ALPHABET[Number(bits & 31n)] + body;
    bits >>= 5n;
  }
  return PREFIX + body + serialCheckCharacter(body);
}

/** A typed or scanned serial, normalised (case, spaces, dashes; O→0, I/L→1 as Crockford reads them), or undefined when it cannot be one. */
export function parseCertificateSerial(text: string): string | undefined {
  const s = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!s.startsWith(PREFIX)) return undefined;
  const rest = s.slice(PREFIX.length);
  if (rest.length !== BODY_LENGTH + 1 || [...rest].some((c) => !ALPHABET.includes(c))) return undefined;
  return serialCheckCharacter(rest.slice(0, BODY_LENGTH)) === rest[BODY_LENGTH] ? PREFIX + rest : undefined;
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked';
export const CERTIFICATE_STATUS_NAMES: Record<CertificateStatus, string> = { valid: '有效', expired: '已过期', revoked: '已撤销' };

export function certificateStatus(certificate: Certificate, now: Date): CertificateStatus {
  if (certificate.revocation) return 'revoked';
  return now.getTime() >= certificate.validUntil.getTime() ? 'expired' : 'valid';
}

/** What the certificate states about its holder, fixed when it was issued. */
export interface CertificateStatement {
  holderName: string;
  /** As the registry masks it (first 4 and last 4 characters): the service never holds the number itself. */
  holderIdNumberMasked: string;
  /** Where the household is registered, down to the district (no street), e.g. 广东省深圳市福田区. */
  householdPlace: string;
}

export interface PublicCertificateView {
  serial: string;
  status: CertificateStatus;
  statusName: string;
  holderName: string;
  holderIdNumber: string;
  householdPlace: string;
  issuedBy: string;
  issuedAt: string;
  validUntil: string;
}

/** An ID number already masked to its first 4 and last 4 characters, or fully masked when it is anything else (never passes a number on). */
function maskedIdNumber(masked: string): string {
  return /^[0-9]{4}\*{10}[0-9]{3}[0-9X]$/.test(masked) ? masked : '******************';
}

/** The public page's answer: what the certificate states, the holder masked (GB/T 35273), and whether it still holds. */
export function publicCertificateView(certificate: Certificate, statement: CertificateStatement, issuedBy: string, now: Date): PublicCertificateView {
  const status = certificateStatus(certificate, now);
  return {
    serial: certificate.serial,
    status,
    statusName: CERTIFICATE_STATUS_NAMES[status],
    holderName: maskName(statement.holderName),
    holderIdNumber: maskedIdNumber(statement.holderIdNumberMasked),
    householdPlace: statement.householdPlace,
    issuedBy,
    issuedAt: certificate.issuedAt.toISOString(),
    validUntil: certificate.validUntil.toISOString(),
  };
}
