/**
 * Electronic certificates (issue 15): serials are well formed, carry all their randomness and
 * refuse a mistyped character; the public view tells valid, expired and revoked apart and never
 * shows the holder unmasked.
 */
import fc from 'fast-check';
import { certificateSerial, certificateStatus, parseCertificateSerial, publicCertificateView } from '../../core/business/certificate';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';

const bytes = fc.uint8Array({ minLength: 10, maxLength: 10 });
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('certificate serials', () => {
  it('property: well formed, parsed back as itself (also lower-case, spaced, with O for 0), and two different randoms never share one', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        const serial = certificateSerial(a);
        expect(serial).toMatch(/^HJ[0-9A-HJKMNP-TV-Z]{17}$/);
        expect(parseCertificateSerial(serial)).toBe(serial);
        expect(parseCertificateSerial(` ${serial.slice(0, 6).toLowerCase()}-${serial.slice(6).replace(/0/g, 'o')} `)).toBe(serial);
        if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) expect(certificateSerial(b)).not.toBe(serial);
      }),
    );
  });

  it('property: one character changed is refused', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 2, max: 18 }), fc.integer({ min: 1, max: 31 }), (random, at, shift) => {
        const serial = certificateSerial(random);
        const changed = ALPHABET[(ALPHABET.indexOf(serial[at]) + shift) % 32];
        expect(parseCertificateSerial(serial.slice(0, at) + changed + serial.slice(at + 1))).toBeUndefined();
      }),
    );
  });

  it('refuses what cannot be a serial', () => {
    for (const text of ['', 'HJ', 'ZM0000000000000000', 'HJ00000000000000000000', 'HJ0000000000000000U', '张三']) expect(parseCertificateSerial(text)).toBeUndefined();
  });
});

describe('public certificate view', () => {
  const issuedAt = new Date('2026-12-01T02:00:00Z');
  const validUntil = new Date('2027-03-01T02:00:00Z');
  const statement = { holderName: '王建国', holderIdNumberMasked: '1101**********002X', householdPlace: '广东省深圳市福田区' };

  it('valid until its end, expired from then, revoked whenever revoked', () => {
    const cert = { serial: 'HJ0000000000000000', issuedAt, validUntil };
    expect(certificateStatus(cert, new Date(validUntil.getTime() - 1))).toBe('valid');
    expect(certificateStatus(cert, validUntil)).toBe('expired');
    expect(certificateStatus({ ...cert, revocation: { reason: '材料不实', at: issuedAt } }, issuedAt)).toBe('revoked');
  });

  it('shows the holder masked, the place to the district, and nothing unmasked', () => {
    const view = publicCertificateView({ serial: 'HJ0000000000000000', issuedAt, validUntil }, statement, '福田区户政服务大厅', issuedAt);
    expect(view).toMatchObject({ status: 'valid', statusName: '有效', holderName: '王**', householdPlace: '广东省深圳市福田区' });
    expect(view.holderIdNumber).toBe('1101**********002X');
    expect(containsUnmaskedIdOrPhone(JSON.stringify(view))).toEqual([]);
  });

  it('passes no ID number on that is not masked already: anything else is masked whole', () => {
    for (const odd of ['11010519491231002X', '1101*****1231002X', '', 'HJ']) {
      expect(publicCertificateView({ serial: 'HJ0000000000000000', issuedAt, validUntil }, { ...statement, holderIdNumberMasked: odd }, '', issuedAt).holderIdNumber).toBe(
        '*'.repeat(18),
      );
    }
  });
});
