import { openBrowser, requireH5Build, type Browser } from './browser';
import { startHarness, type Harness } from '../../support/localCloudHarness';

export interface Journey {
  harness: Harness;
  browser: Browser;
  /** Uncaught errors of the page so far; a journey ends with none. */
  pageErrors: string[];
}

/**
 * Registers beforeAll/afterAll that start a local cloud (in memory, seeded) and a fresh headless
 * Chromium for a test file; returns the journey, filled in once beforeAll has run.
 */
export function useJourney(): Journey {
  const journey = { pageErrors: [] as string[] } as Journey;
  beforeAll(async () => {
    requireH5Build();
    journey.harness = await startHarness();
    journey.browser = await openBrowser();
    journey.browser.page.on('pageerror', (e) => journey.pageErrors.push(e.message));
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.harness?.close();
  });
  return journey;
}
