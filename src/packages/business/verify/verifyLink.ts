/**
 * What a certificate's QR code holds: the path of the public verification page with the serial,
 * so a WeChat scan opens the page, and the page's own scan reads the serial back out of it.
 */
export const VERIFY_PAGE = '/packages/business/verify/index';

export const verifyPathOf = (serial: string): string => `${VERIFY_PAGE}?serial=${encodeURIComponent(serial)}`;

/** The serial in a scanned or pasted text: the `serial=` of a verification path, else the text itself (trimmed). */
export function serialFromText(text: string): string {
  const m = /[?&]serial=([^&#\s]+)/.exec(text);
  if (m) {
    try {
      return decodeURIComponent(m[1]).trim();
    } catch {
      return m[1].trim();
    }
  }
  return text.trim();
}
