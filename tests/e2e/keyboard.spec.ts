/**
 * The keyboard alone: the skip link first, `/` to the search box and Esc back, J/K between the
 * results, Enter to open one, E to edit it and Esc to leave the dialog, ? for the shortcuts' help.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TestHost } from './host';
import { SCREENSHOT_DIR } from './screenshot';
import { expectAccessible } from './axe';

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

test('the keyboard: skip link, search, results, edit, help', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });

  // The skip link is the first stop and takes the focus to the main content.
  await page.reload();
  await expect(page.getByTestId('topbar')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-01-skip-link.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('main-pane')).toBeFocused();

  // `/` to the search box, Esc back to where the focus was.
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('ban chap hanh');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('main-pane')).toBeFocused();

  // J and K between the results; Enter opens the focused one. The list is filled as the words
  // are typed, so wait for the answer to the whole query (several hits) before walking it.
  const hits = page.getByTestId('search-hit-open');
  await expect.poll(() => hits.count()).toBeGreaterThan(1);
  await page.keyboard.press('j');
  await expect(hits.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(hits.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  const number = (await hits.nth(1).getByTestId('search-hit-number').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-number')).toHaveText(number);

  // E edits the record shown; Esc closes the dialog.
  await page.getByTestId('main-pane').focus();
  await page.keyboard.press('e');
  await expect(page.locator('dialog[open]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  // ? opens the list of shortcuts; Esc closes it and gives the focus back.
  await page.getByTestId('main-pane').focus();
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  // The window's seven shortcuts and five other keys, moving a hồ sơ in its list (Alt + ↑/↓) among them.
  await expect(help.getByTestId('shortcut-row')).toHaveCount(12);
  await expect(help).toContainText('Alt + ↑');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'keyboard-02-help.png') });
  await expectAccessible(page, 'shortcuts help');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(page.getByTestId('main-pane')).toBeFocused();
});
