/**
 * What a material photo must be (issue 15): a JPEG or PNG (what phones take and officers' screens
 * show), legible (the shorter side at least 600 px: an ID card's number stays readable) and not
 * more than the phone's compression leaves (the longer side at most 2,000 px, at most 2 MiB).
 * The phone compresses to `COMPRESS_TO` before uploading; the function checks again on what
 * arrived, from the file's first bytes, because a client can send anything.
 */
export const PHOTO_LIMITS = { maxBytes: 2 * 1024 * 1024, minShortSide: 600, maxLongSide: 2000 } as const;
/** What the phone asks of its compression: the longer side and JPEG quality. */
export const COMPRESS_TO = { longSide: 2000, quality: 0.8 } as const;

export type PhotoType = 'jpeg' | 'png';

export interface PhotoFacts {
  type: PhotoType;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];

/** JPEG start-of-frame markers (baseline, progressive, …), which carry the dimensions; not DHT (C4), JPG (C8) or DAC (CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Type and dimensions read from a file's first bytes (its header; 64 KiB is plenty), or undefined when it is neither a JPEG nor a PNG. */
export function photoFacts(head: Uint8Array): PhotoFacts | undefined {
  if (head.length >= 24 && head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47 && u32be(head, 12) === 0x49484452) {
    return { type: 'png', width: u32be(head, 16), height: u32be(head, 20) };
  }
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < head.length) {
    if (head[i] !== 0xff) return undefined;
    const marker = head[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (SOF.has(marker)) return { type: 'jpeg', height: u16be(head, i + 5), width: u16be(head, i + 7) };
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan data before any frame header
    i += 2 + u16be(head, i + 2);
  }
  return undefined;
}

/** Why this file cannot be a material photo (shown to the citizen), or undefined when it can. */
export function photoProblem(facts: PhotoFacts | undefined, bytes: number): string | undefined {
  if (!facts) return '请上传JPG或PNG格式的照片';
  if (bytes > PHOTO_LIMITS.maxBytes) return '照片过大，请重新拍摄或选择压缩后的照片';
  const short = Math.min(facts.width, facts.height);
  const long = Math.max(facts.width, facts.height);
  if (short < PHOTO_LIMITS.minShortSide) return '照片太小，可能看不清，请靠近拍摄并保持清晰';
  if (long > PHOTO_LIMITS.maxLongSide) return '照片尺寸过大，请重新选择';
  return undefined;
}
