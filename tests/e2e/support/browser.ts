import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPhoneContext } from '../../../scripts/browser/launchChromium';
import { ROOT } from '../../../scripts/functionBundles';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot under test-results/screenshots/<name>.png. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Taro's H5 pages slide in from the right (slower on a busy machine), clipped by the router: waits
 * until no animation runs, nothing sticks out of the document sideways, and the page shown stands
 * where it belongs (its slide may start a frame after its content is there).
 */
export async function pageInPlace(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().every((a) => a.playState !== 'running') &&
      document.documentElement.scrollWidth <= window.innerWidth &&
      Array.from(document.querySelectorAll<HTMLElement>('.taro_page'))
        .filter((e) => e.offsetParent !== null)
        .every((e) => Math.abs(e.getBoundingClientRect().left) < 1),
  );
}

/** Headless Debian Chromium sized like a phone, in a fresh profile. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'hukou-e2e-'));
  const context = await launchPhoneContext(profile);
  // Waits are for conditions, so a generous bound costs nothing on a quiet machine and holds on a
  // busy one (CI's 2 cores with other suites beside it).
  context.setDefaultTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    async shot(name) {
      await pageInPlace(page);
      const file = path.join(SCREENSHOTS, `${name}.png`);
      // Taro scrolls inside the page element, not the document: grow the viewport to show it all.
      const viewport = page.viewportSize() ?? { width: 390, height: 844 };
      const height = await page.evaluate(() => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((e) => e.offsetParent !== null);
        return Math.max(window.innerHeight, ...shown.map((e) => e.scrollHeight));
      });
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
      await page.screenshot({ path: file });
      await page.setViewportSize(viewport);
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function requireH5Build(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'h5', 'index.html'))) {
    throw new Error('dist/h5 is missing: build it with `npm run build:h5` (npm test does)');
  }
}

/** Polls `read` until `ok(value)` holds or the time runs out; resolves with the last value. */
export async function waitUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
