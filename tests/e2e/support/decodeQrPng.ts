import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * The text of the QR code in a PNG image (a screenshot), decoded with jsQR. Throws when the
 * image holds no readable QR code, saying how big the image was.
 */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height, {
    inversionAttempts: 'dontInvert',
  });
  if (!found) throw new Error(`no QR code could be read in the ${image.width}×${image.height} image`);
  return found.data;
}
