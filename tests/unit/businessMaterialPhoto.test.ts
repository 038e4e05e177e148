/**
 * Material photos (issue 15): type and dimensions read from real headers (a JPEG with APP segments
 * before its frame, a progressive one, a PNG), anything else refused, and the limits' edges.
 */
import fc from 'fast-check';
import { PHOTO_LIMITS, photoFacts, photoProblem } from '../../core/business/materialPhoto';

const be16 = (n: number) => [n >> 8, n & 255];
const be32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
function jpeg(width: number, height: number, { sof = 0xc0, app = 3 } = {}): Uint8Array {
  const segments: number[] = [];
  for (let k = 0; k < app; k++) segments.push(0xff, 0xe0 + k, ...be16(16), ...Array(14).fill(k));
  return Uint8Array.from([0xff, 0xd8, ...segments, 0xff, 0xdb, ...be16(6), 1, 2, 3, 4, 0xff, sof, ...be16(17), 8, ...be16(height), ...be16(width), 3, ...Array(9).fill(0)]);
}
const png = (width: number, height: number) =>
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...be32(13), 0x49, 0x48, 0x44, 0x52, ...be32(width), ...be32(height), 8, 2, 0, 0, 0]);

describe('photo facts', () => {
  it('property: JPEG (baseline or progressive, any APP segments) and PNG dimensions come back as written', () => {
    const side = fc.integer({ min: 1, max: 65535 });
    fc.assert(
      fc.property(side, side, fc.constantFrom(0xc0, 0xc2), fc.integer({ min: 0, max: 6 }), (w, h, sof, app) => {
        expect(photoFacts(jpeg(w, h, { sof, app }))).toEqual({ type: 'jpeg', width: w, height: h });
        expect(photoFacts(png(w, h))).toEqual({ type: 'png', width: w, height: h });
      }),
    );
  });

  it('property: random bytes, truncated headers and other formats are not photos, and never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const facts = photoFacts(bytes);
        if (facts) expect(['jpeg', 'png']).toContain(facts.type);
      }),
    );
    expect(photoFacts(jpeg(800, 600).subarray(0, 30))).toBeUndefined();
    expect(photoFacts(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(photoFacts(Buffer.from('%PDF-1.7'))).toBeUndefined();
  });
});

describe('photo problems', () => {
  const ok = { type: 'jpeg' as const, width: 1600, height: 1200 };
  it('the limits hold at their edges', () => {
    expect(photoProblem(ok, PHOTO_LIMITS.maxBytes)).toBeUndefined();
    expect(photoProblem(ok, PHOTO_LIMITS.maxBytes + 1)).toMatch(/过大/);
    expect(photoProblem({ ...ok, height: 600 }, 1000)).toBeUndefined();
    expect(photoProblem({ ...ok, height: 599 }, 1000)).toMatch(/太小/);
    expect(photoProblem({ ...ok, width: 2000 }, 1000)).toBeUndefined();
    expect(photoProblem({ ...ok, width: 2001 }, 1000)).toMatch(/尺寸过大/);
    expect(photoProblem(undefined, 1000)).toMatch(/JPG或PNG/);
  });
});
