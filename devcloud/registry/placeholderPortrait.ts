import { createHash } from 'node:crypto';

/**
 * A drawn stand-in for the photo on file of a synthetic resident (the local registry has no
 * photographs): an ID-photo-shaped SVG, the same for the same seed, marked 演示照片 so nobody
 * takes it for a face. Made here, never fetched: no request leaves the machine.
 */
export function placeholderPortrait(seed: string, sex: 'male' | 'female'): string {
  const h = createHash('sha256').update(seed).digest();
  const pick = <T>(list: readonly T[], byte: number): T => list[h[byte] % list.length];
  const skin = pick(['#f1c9a5', '#e8b98f', '#dba67c', '#f4d3b5', '#c98e62'], 0);
  const hair = pick(['#1f1a17', '#2e2622', '#3b2f29', '#4a3b31'], 1);
  const shirt = pick(['#2f4f7f', '#3d5a40', '#5a4a6b', '#6b4b3a', '#44505c'], 2);
  const faceW = 46 + (h[3] % 8);
  const faceH = 58 + (h[4] % 8);
  const eyeY = 108 + (h[5] % 6);
  const long = sex === 'female';
  const hairPath = long
    ? `M${120 - faceW - 8} 170 Q${120 - faceW - 14} 60 120 52 Q${120 + faceW + 14} 60 ${120 + faceW + 8} 170 Z`
    : `M${120 - faceW - 2} 110 Q${120 - faceW} 52 120 50 Q${120 + faceW} 52 ${120 + faceW + 2} 110 Q120 ${70 + (h[6] % 10)} ${120 - faceW - 2} 110 Z`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300">',
    '<rect width="240" height="300" fill="#ffffff"/>',
    `<path d="M20 300 Q24 222 120 214 Q216 222 220 300 Z" fill="${shirt}"/>`,
    `<rect x="104" y="170" width="32" height="50" fill="${skin}"/>`,
    `<path d="${hairPath}" fill="${hair}"/>`,
    `<ellipse cx="120" cy="120" rx="${faceW}" ry="${faceH}" fill="${skin}"/>`,
    long ? '' : `<path d="M${120 - faceW} 104 Q120 ${58 + (h[7] % 12)} ${120 + faceW} 104 Q${120 + faceW} 66 120 62 Q${120 - faceW} 66 ${120 - faceW} 104 Z" fill="${hair}"/>`,
    `<ellipse cx="${102 - (h[8] % 4)}" cy="${eyeY}" rx="5" ry="3.5" fill="#2b2b2b"/>`,
    `<ellipse cx="${138 + (h[8] % 4)}" cy="${eyeY}" rx="5" ry="3.5" fill="#2b2b2b"/>`,
    `<path d="M120 ${eyeY + 8} L116 ${eyeY + 26} L123 ${eyeY + 27}" stroke="#b07a55" stroke-width="2" fill="none"/>`,
    `<path d="M108 ${eyeY + 40} Q120 ${eyeY + 44 + (h[9] % 4)} 132 ${eyeY + 40}" stroke="#9c4f46" stroke-width="3" fill="none" stroke-linecap="round"/>`,
    '<rect x="0" y="272" width="240" height="28" fill="#000000" fill-opacity="0.55"/>',
    '<text x="120" y="292" font-size="16" text-anchor="middle" fill="#ffffff" font-family="sans-serif">演示照片 · 非真实人像</text>',
    '</svg>',
  ].join('');
}
