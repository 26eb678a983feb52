/**
 * A full-page screenshot of the app. The app keeps its top bar, tree and status bar in place while
 * the page scrolls, so the viewport is first stretched to the page's height (then restored), and
 * those bars land where a reader expects them instead of over the middle of the page. While a
 * dialog is open only the window is taken: the dialog is what the picture is about.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

export async function fullPageShot(page: Page, name: string, dir = SCREENSHOT_DIR): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 860 };
  const dialogOpen = await page.evaluate(() => document.querySelector('dialog[open]') !== null);
  if (dialogOpen) {
    await page.screenshot({ path: path.join(dir, `${name}.png`) });
    return;
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  try {
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  } finally {
    if (height > viewport.height) await page.setViewportSize(viewport);
  }
}
