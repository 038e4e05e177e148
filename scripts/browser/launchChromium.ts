import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/**
 * Headless Debian Chromium as the e2e tests and `npm run bench:phone` drive it (docs/TOOLCHAIN: the
 * distribution's chromium through playwright-core, no sandbox, no background traffic).
 */

/** Switches for a quiet, headless Chromium in a container: no GPU, no QUIC, nothing in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone-sized viewport in Shanghai, Chinese first. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** The Chromium binary: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: run `bash scripts/ensure-chromium.sh` (npm test does) or set CHROMIUM_PATH');
  return found;
}

/** A browser whose contexts are opened by the caller (one fresh context per cold load). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** A phone-sized context in a profile directory of its own (the e2e tests' browser). */
export function launchPhoneContext(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath(), headless: true, ...PHONE, args: CHROMIUM_ARGS });
}
