import { VERIFY_PAGE } from './verifyLink';

/** Replaced at build time (config/index.ts defineConstants) from HUKOU_VERIFY_LINK_PREFIX. */
declare const VERIFY_LINK_PREFIX: string | undefined;

/** Where the certificate's QR code points (see verifyLink.ts): the H5 page's address, or the weapp build's https prefix. */
export function verifyLinkBase(): string {
  if (process.env.TARO_ENV === 'h5') return `${window.location.origin}${window.location.pathname}#${VERIFY_PAGE}`;
  return typeof VERIFY_LINK_PREFIX === 'string' ? VERIFY_LINK_PREFIX : '';
}
