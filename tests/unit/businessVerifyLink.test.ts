/**
 * The certificate's QR code holds the public verification page's path with the serial; the page's
 * scan (or a pasted link) reads the serial back, and a serial typed alone is taken as it is.
 */
import { serialFromText, verifyPathOf } from '../../src/packages/business/verify/verifyLink';
import { certificateSerial, parseCertificateSerial } from '../../core/business/certificate';

const SERIAL = certificateSerial(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));

test('the QR path opens the verification page with the serial, and the serial comes back out of it', () => {
  const path = verifyPathOf(SERIAL);
  expect(path).toBe(`/packages/business/verify/index?serial=${SERIAL}`);
  expect(serialFromText(path)).toBe(SERIAL);
  expect(parseCertificateSerial(serialFromText(path))).toBe(SERIAL);
});

test('a serial typed or pasted alone (spaces around it, lower case) is passed on for the function to normalise', () => {
  expect(serialFromText(`  ${SERIAL.toLowerCase()} `)).toBe(SERIAL.toLowerCase());
  expect(parseCertificateSerial(serialFromText(` ${SERIAL.toLowerCase()} `))).toBe(SERIAL);
  expect(serialFromText(`https://example.org/#/packages/business/verify/index?x=1&serial=${SERIAL}&y=2`)).toBe(SERIAL);
  expect(serialFromText('')).toBe('');
});
