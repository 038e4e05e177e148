import type { Locator } from 'playwright-core';
import { decodeQrPng } from './decodeQrPng';

/**
 * Reads the QR code an element shows, as a camera would: a screenshot of the element (e.g.
 * `page.locator('.ticket-qr')`), decoded from its pixels. Throws a clear error when none is found.
 */
export async function decodeQrFrom(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  const png = await locator.screenshot({ animations: 'disabled' });
  try {
    return decodeQrPng(png);
  } catch (error) {
    throw new Error(`no QR code found in ${locator.toString()}: ${(error as Error).message}`, { cause: error });
  }
}
