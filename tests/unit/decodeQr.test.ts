/**
 * The QR path of the ticket: qrLayout (what TicketQr draws) covers exactly the dark modules of the
 * symbol, and the rectangles drawn into a PNG decode back to the token with the same code the
 * browser tests use on screenshots (tests/e2e/support/decodeQrPng.ts).
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { create } from 'qrcode';
import { issueTicket } from '../../core/ticket/TicketToken';
import { HmacTicketSigner } from '../../server/ticket/hmacTicketSigner';
import { QUIET_ZONE, qrLayout, utf8, type QrLayout } from '../../src/components/qrLayout';
import { qrSvgDataUrl } from '../../src/components/qrSvg';
import { decodeQrPng } from '../e2e/support/decodeQrPng';

/** The layout drawn as TicketQr does: white square, black rectangles, `px` pixels per module. */
function renderPng(layout: QrLayout, px: number): Buffer {
  const side = layout.total * px;
  const png = new PNG({ width: side, height: side });
  png.data.fill(255);
  for (const r of layout.rects) {
    for (let y = r.y * px; y < (r.y + r.h) * px; y++) {
      for (let x = r.x * px; x < (r.x + r.w) * px; x++) {
        const i = (y * side + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png);
}

const signer = new HmacTicketSigner(randomBytes(32));
const ticket = () => issueTicket({ appointmentId: randomBytes(16).toString('hex'), hallId: 'haikou-longhua', date: '2026-11-23', expiresAt: 1_795_398_060 }, signer);
const tokenLikeArb = fc.stringMatching(/^T1\.[A-Za-z0-9_-]{100,240}\.[A-Za-z0-9_-]{43}$/);

describe('qrLayout', () => {
  it('covers exactly the dark modules, each once, inside the quiet zone', () => {
    fc.assert(
      fc.property(fc.oneof(tokenLikeArb, fc.string({ maxLength: 200 })), (text) => {
        const layout = qrLayout(text);
        const qr = create([{ mode: 'byte', data: utf8(text) }], { errorCorrectionLevel: 'M' });
        const n = qr.modules.size;
        expect(layout.modules).toBe(n);
        expect(layout.total).toBe(n + 2 * QUIET_ZONE);
        const covered = new Uint8Array(n * n);
        for (const r of layout.rects) {
          const inside = r.w > 0 && r.h > 0 && r.x >= QUIET_ZONE && r.y >= QUIET_ZONE && r.x + r.w <= QUIET_ZONE + n && r.y + r.h <= QUIET_ZONE + n;
          if (!inside) throw new Error(`rectangle ${JSON.stringify(r)} outside the symbol`);
          for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) covered[(y - QUIET_ZONE) * n + (x - QUIET_ZONE)]++;
        }
        for (let row = 0; row < n; row++) {
          for (let col = 0; col < n; col++) {
            if (covered[row * n + col] !== (qr.modules.get(row, col) ? 1 : 0)) throw new Error(`module ${row},${col} drawn wrong`);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('encodes UTF-8 like Node, without TextEncoder (which WeChat on phones lacks)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, 'utf8'));
      }),
      { numRuns: 1000 },
    );
  });

  it('draws a typical ticket as a version 9 symbol (53×53) with a few hundred rectangles', () => {
    const layout = qrLayout(ticket());
    console.log(`typical ticket: version ${layout.version}, ${layout.modules}×${layout.modules} modules, ${layout.rects.length} rectangles (views)`);
    expect(layout.version).toBe(9);
    expect(layout.rects.length).toBeLessThan(800);
  });
});

describe('decodeQrPng', () => {
  it('reads back a signed ticket drawn at 8 px and at 4 px a module (TicketQr at 240 px)', () => {
    const token = ticket();
    expect(decodeQrPng(renderPng(qrLayout(token), 8))).toBe(token);
    expect(decodeQrPng(renderPng(qrLayout(token), 4))).toBe(token);
  });

  it('reads back any token-like text and short text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(tokenLikeArb, fc.stringMatching(/^[\x20-\x7e]{1,60}$/)), (text) => {
        expect(decodeQrPng(renderPng(qrLayout(text), 4))).toBe(text);
      }),
      { numRuns: 12 },
    );
  });

  it('says so clearly when the image holds no QR code', () => {
    const blank = new PNG({ width: 120, height: 80 });
    blank.data.fill(255);
    expect(() => decodeQrPng(PNG.sync.write(blank))).toThrow('no QR code could be read in the 120×80 image');
    expect(() => decodeQrPng(Buffer.from('not a png'))).toThrow();
  });
});

test('H5 draws the same rectangles as one SVG picture (qrSvgDataUrl): every rect, white quiet zone, no other shapes', () => {
  const layout = qrLayout(ticket());
  const svg = decodeURIComponent(qrSvgDataUrl(layout).replace(/^data:image\/svg\+xml,/, ''));
  expect(svg).toContain(`viewBox="0 0 ${layout.total} ${layout.total}"`);
  expect(svg).toContain('<rect width="100%" height="100%" fill="#fff"/>');
  const d = /<path d="([^"]+)" fill="#000"\/>/.exec(svg)?.[1] ?? '';
  const rects = [...d.matchAll(/M(\d+) (\d+)h(\d+)v(\d+)h-(\d+)z/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
  expect(rects).toEqual(layout.rects);
  expect(d.replace(/M(\d+) (\d+)h(\d+)v(\d+)h-(\d+)z/g, '')).toBe('');
});
