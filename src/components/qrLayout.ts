// The encoder only: the package's browser entry also bundles canvas and SVG renderers we never use.
import { create } from 'qrcode/lib/core/qrcode';

/**
 * A QR code as the rectangles of its dark modules, for drawing with plain views on weapp (H5
 * draws the same rectangles as one SVG picture: src/components/qrSvg.ts; no canvas on either).
 * Rows are cut into runs of dark modules, and a run that repeats in the rows below it becomes one taller rectangle, so a typical ticket (version 9,
 * 53×53 modules) draws with a few hundred views rather than thousands.
 *
 * Coordinates are in modules and include the quiet zone: the symbol starts at (QUIET_ZONE,
 * QUIET_ZONE) and the whole square is `total` modules wide.
 */

export const QUIET_ZONE = 4;

export interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface QrLayout {
  /** Modules per side of the symbol itself (21 for version 1, +4 per version). */
  modules: number;
  version: number;
  /** Modules per side including the quiet zone on every side. */
  total: number;
  rects: QrRect[];
}

export function qrLayout(text: string): QrLayout {
  // Bytes given as a segment: for a string, qrcode 1.5.4 calls TextEncoder, which WeChat's
  // JavaScript engine on phones does not have.
  const qr = create([{ mode: 'byte', data: utf8(text) }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const rects: QrRect[] = [];
  let open = new Map<string, QrRect>();
  for (let row = 0; row < n; row++) {
    const next = new Map<string, QrRect>();
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      const key = `${start}:${col - start}`;
      let rect = open.get(key);
      if (rect) rect.h++;
      else {
        rect = { x: start + QUIET_ZONE, y: row + QUIET_ZONE, w: col - start, h: 1 };
        rects.push(rect);
      }
      next.set(key, rect);
    }
    open = next;
  }
  return { modules: n, version: qr.version, total: n + 2 * QUIET_ZONE, rects };
}

/** UTF-8 bytes of a string, without TextEncoder (see above). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
