import type { Page } from 'playwright-core';

/**
 * Acts as a local persona from a fresh load of 我的 (so no page of the previous persona lives on):
 * chooses it in the persona switcher when listed and waits until the switcher marks it; otherwise
 * (an account made during the test, e.g. an officer bound by an invitation) writes the H5 persona
 * storage as the switcher would and loads 我的 again. When the mark never comes, the failure says
 * what the page showed instead (and `shot` keeps a picture of it).
 */
export async function actAs(page: Page, cloudUrl: string, persona: string, shot?: (name: string) => Promise<string>): Promise<void> {
  const openMine = async () => {
    await page.goto('about:blank');
    await page.goto(`${cloudUrl}/#/pages/mine/index`);
  };
  await openMine();
  await page.locator('[data-persona]:visible').first().waitFor();
  const listed = page.locator(`[data-persona="${persona}"]:visible`);
  if ((await listed.count()) === 0) {
    // Taro H5 keeps storage as JSON { data } under the key.
    await page.evaluate((p) => localStorage.setItem('hukou.localPersona', JSON.stringify({ data: p })), persona);
    await openMine();
    return;
  }
  await listed.click();
  try {
    await page.locator(`.persona--current[data-persona="${persona}"]:visible`).waitFor();
  } catch (e) {
    await shot?.(`actAs-${persona}-failed`).catch(() => undefined);
    const state = await page
      .evaluate(() => ({
        url: location.href,
        stored: localStorage.getItem('hukou.localPersona'),
        rows: Array.from(document.querySelectorAll('[data-persona]')).map((el) => `${el.getAttribute('data-persona')}:${el.className}`),
      }))
      .catch((err: unknown) => String(err));
    throw new Error(`the switcher did not mark ${persona} after the click: ${JSON.stringify(state)}`, { cause: e });
  }
}
