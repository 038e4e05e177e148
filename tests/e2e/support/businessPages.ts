import type { Page } from 'playwright-core';

/**
 * Steps on the business pages (issue 15) shared by the browser journeys: typing into a field,
 * a photo taken by the "camera" and given to the file picker, an officer's decision.
 */
export function businessPages(page: () => Page) {
  const visible = (selector: string) => page().locator(`${selector}:visible`);
  const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();

  async function fill(field: string, value: string): Promise<void> {
    await visible(`[data-field="${field}"] input, input[data-field="${field}"]`).first().fill(value);
  }

  /** A JPEG as a phone camera would give one: drawn on the browser's canvas, `width`×`height`. */
  async function cameraJpeg(width: number, height: number, label: string): Promise<Buffer> {
    const dataUrl = await page().evaluate(
      ({ width, height, label }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#dfe8f5';
        ctx.fillRect(0, 0, width, height);
        ctx.fillStyle = '#1d2433';
        ctx.font = `${Math.round(height / 10)}px sans-serif`;
        ctx.fillText(label, width / 10, height / 2);
        return canvas.toDataURL('image/jpeg', 0.9);
      },
      { width, height, label },
    );
    return Buffer.from(dataUrl.split(',')[1], 'base64');
  }

  /** Taps 上传照片 / 重新上传 of a material and gives the file picker one photo; waits until the `photos`-th is attached. */
  async function uploadPhoto(material: string, label: string, photos: number): Promise<void> {
    const photo = await cameraJpeg(1200, 900, label);
    const chooser = page().waitForEvent('filechooser');
    await visible(`.material[data-material="${material}"] taro-button-core`).first().click();
    await (await chooser).setFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: photo });
    await visible(`.material[data-material="${material}"][data-attached="yes"] .photo`)
      .nth(photos - 1)
      .waitFor();
  }

  /** Clicks an officer's button (a decision asks first: confirmed in the dialog) and waits for the state. */
  async function officerStep(label: string, state: string, confirm?: string): Promise<void> {
    await button(label).click();
    if (confirm) {
      await page().locator('.taro-modal__content:visible').waitFor();
      await page().locator('.taro-modal__foot:visible').getByText(confirm).click();
    }
    await visible(`.biz-case__root[data-state="${state}"]`).waitFor();
  }

  return { fill, cameraJpeg, uploadPhoto, officerStep };
}
