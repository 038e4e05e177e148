import jsQR from 'jsqr';
import type { QrRect } from '../../../src/components/qrLayout';
import { byClass } from './wxDom';

/**
 * Reading back the QR code that src/components/TicketQr.tsx draws with views: a `ticket-qr` box
 * whose `ticket-qr__dark` children are absolutely positioned by inline styles in CSS px (left /
 * top / width / height, each a whole number of modules). The matrix is rebuilt from the rendered
 * positions alone, without asking the component how big a module is.
 */

/** A module matrix, quiet zone included: `true` is dark. */
export type ModuleMatrix = boolean[][];

export interface RenderedQr {
  /** The box's side in px, from its inline style. */
  side: number;
  /** One module in px: the greatest common divisor of every edge and length drawn. */
  unit: number;
  /** Dark views drawn. */
  views: number;
  matrix: ModuleMatrix;
}

/** px of one inline style property ('16px' → 16); throws for anything else. */
function px(style: Record<string, string>, name: string, where: string): number {
  const m = /^(\d+)px$/.exec(style[name] ?? '');
  if (!m) throw new Error(`${where}: style ${name} is ${JSON.stringify(style[name])}, expected whole CSS px`);
  return Number(m[1]);
}

/** The inline style attribute as a map ("left: 4px; top: 8px" → { left: '4px', top: '8px' }). */
function inlineStyle(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of (el.getAttribute('style') ?? '').split(';')) {
    const at = decl.indexOf(':');
    if (at > 0) out[decl.slice(0, at).trim()] = decl.slice(at + 1).trim();
  }
  return out;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The one QR box under `root`, read back as a module matrix. Throws when there is none, or more. */
export function readRenderedQr(root: Element): RenderedQr {
  const boxes = byClass(root, 'ticket-qr');
  if (boxes.length !== 1) throw new Error(`expected one ticket-qr box, found ${boxes.length}`);
  const box = boxes[0]!;
  const boxStyle = inlineStyle(box);
  const side = px(boxStyle, 'width', 'ticket-qr');
  if (px(boxStyle, 'height', 'ticket-qr') !== side) throw new Error('ticket-qr is not square');

  const rects = byClass(box, 'ticket-qr__dark').map((el, i) => {
    const s = inlineStyle(el);
    const where = `ticket-qr__dark #${i}`;
    return { left: px(s, 'left', where), top: px(s, 'top', where), width: px(s, 'width', where), height: px(s, 'height', where) };
  });
  if (rects.length === 0) throw new Error('ticket-qr has no dark modules');
  const unit = rects.reduce((g, r) => [r.left, r.top, r.width, r.height].reduce(gcd, g), side);
  const total = side / unit;
  const matrix: ModuleMatrix = Array.from({ length: total }, () => Array<boolean>(total).fill(false));
  for (const r of rects) {
    if (r.width === 0 || r.height === 0 || r.left + r.width > side || r.top + r.height > side) {
      throw new Error(`a dark view outside the box or empty: ${JSON.stringify(r)} in ${side}px`);
    }
    for (let y = r.top / unit; y < (r.top + r.height) / unit; y++) {
      for (let x = r.left / unit; x < (r.left + r.width) / unit; x++) {
        if (matrix[y]![x]) throw new Error(`two dark views overlap at module (${x}, ${y})`);
        matrix[y]![x] = true;
      }
    }
  }
  return { side, unit, views: rects.length, matrix };
}

/** The matrix that a layout's rectangles (in modules) paint on a `total`-wide square. */
export function matrixOfRects(rects: readonly QrRect[], total: number): ModuleMatrix {
  const matrix: ModuleMatrix = Array.from({ length: total }, () => Array<boolean>(total).fill(false));
  for (const r of rects) for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) matrix[y]![x] = true;
  return matrix;
}

/**
 * What a phone's camera would read: the matrix painted black on white (`scale` px per module)
 * and decoded with jsQR. Undefined when it holds no readable code.
 */
export function decodeMatrix(matrix: ModuleMatrix, scale = 4): string | undefined {
  const size = matrix.length * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!matrix[Math.floor(y / scale)]![Math.floor(x / scale)]) continue;
      const at = (y * size + x) * 4;
      rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
    }
  }
  return jsQR(rgba, size, size, { inversionAttempts: 'dontInvert' })?.data;
}
