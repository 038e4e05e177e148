/**
 * The certificate's QR code holds the public verification page's path with the serial; the page's
 * scan (or a pasted link) reads the serial back, and a serial typed alone is taken as it is.
 */
import { serialFromOpening, serialFromText, verifyLinkOf, verifyPathOf } from '../../src/packages/business/verify/verifyLink';
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

test('the QR link: the https prefix of the scan rule, or the H5 page address, each carrying the serial; the bare path without either', () => {
  expect(verifyLinkOf(SERIAL, 'https://hukou.example.gov.cn/verify')).toBe(`https://hukou.example.gov.cn/verify?serial=${SERIAL}`);
  expect(verifyLinkOf(SERIAL, 'https://h.example.org/#/packages/business/verify/index')).toBe(`https://h.example.org/#/packages/business/verify/index?serial=${SERIAL}`);
  expect(verifyLinkOf(SERIAL, 'https://h.example.org/v?from=qr')).toBe(`https://h.example.org/v?from=qr&serial=${SERIAL}`);
  expect(verifyLinkOf(SERIAL, '')).toBe(verifyPathOf(SERIAL));
  for (const base of ['https://hukou.example.gov.cn/verify', 'https://h.example.org/v?from=qr', '']) expect(serialFromText(verifyLinkOf(SERIAL, base))).toBe(SERIAL);
});

test("the page opened with the serial, or by WeChat's scanner with the link URI-encoded in q; nothing else is taken for a serial", () => {
  const link = verifyLinkOf(SERIAL, 'https://hukou.example.gov.cn/verify');
  expect(serialFromOpening({ serial: SERIAL })).toBe(SERIAL);
  expect(serialFromOpening({ q: encodeURIComponent(link), scancode_time: '1772416800' })).toBe(SERIAL);
  expect(serialFromOpening({ q: link })).toBe(SERIAL);
  expect(serialFromOpening({ q: encodeURIComponent('https://hukou.example.gov.cn/other') })).toBe('');
  expect(serialFromOpening({ q: '%E0%A4%A' })).toBe('');
  expect(serialFromOpening({})).toBe('');
});
