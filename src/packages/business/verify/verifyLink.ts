/**
 * What a certificate's QR code holds, so that a school's or an employer's ordinary scan opens the
 * public verification page with the serial:
 * - weapp, when the build has HUKOU_VERIFY_LINK_PREFIX: that https address with `?serial=`. The
 *   mini-program's 扫普通链接二维码打开小程序 rule (mp.weixin.qq.com; docs/DEPLOY.md) maps the prefix to
 *   this page, so WeChat's scanner opens it with the whole link in `q`;
 * - H5: the page's own web address (any phone camera opens it in a browser);
 * - otherwise the page path (only the page's own 扫码核验 reads it).
 * The page's scan and a pasted text read the serial back out of any of them.
 */
export const VERIFY_PAGE = '/packages/business/verify/index';

export const verifyPathOf = (serial: string): string => `${VERIFY_PAGE}?serial=${encodeURIComponent(serial)}`;

/** `base`: the https prefix or the H5 page address ('' for the bare path). */
export function verifyLinkOf(serial: string, base: string): string {
  if (!base) return verifyPathOf(serial);
  return `${base}${base.includes('?') ? '&' : '?'}serial=${encodeURIComponent(serial)}`;
}

/** The serial in a scanned or pasted text: the `serial=` of a verification link, else the text itself (trimmed). */
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

/**
 * The serial the page was opened with: `serial` of its path, or the link WeChat passes in `q`
 * (URI-encoded) when an ordinary QR code matched the 扫普通链接二维码 rule.
 */
export function serialFromOpening(params: Partial<Record<string, string>>): string {
  if (params.serial) return serialFromText(`?serial=${params.serial}`);
  if (!params.q) return '';
  let link = params.q;
  try {
    link = decodeURIComponent(link);
  } catch {
    // already decoded
  }
  return /[?&]serial=/.test(link) ? serialFromText(link) : '';
}
