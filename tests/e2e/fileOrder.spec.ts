/**
 * Arranging a fonds' files in the browser host: a file moved with its ↑ button, two selected files
 * moved together with Alt+↑ from the keyboard, the order saved after a preview of old → new
 * numbers, the save undone from its report; then the files renumbered from 1 after a preview. The
 * table, the Mục lục's CSV and the catalogue follow. axe-core checks the bar and both dialogs.
 */
import { expect, test, type Page } from '@playwright/test';
import { defaultCataloguePath } from '../../electron/paths';
import { Catalogue } from '../../electron/data/catalogue';
import { seedArrangement } from '../support/arrangement';
import { expectAccessible } from './axe';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

let host: TestHost;
let fondsId = 0;
/** The fonds' files by year: numbered 1 (2022) to 4 (2025). */
let byYear = new Map<number, number>();
let url = '';

test.beforeAll(async () => {
  host = await TestHost.fresh();
  const cat = Catalogue.open(defaultCataloguePath(host.dataDir));
  try {
    const seeded = seedArrangement(cat, { count: 60, texts: 10, seed: 11 });
    fondsId = seeded.fondsId;
    byYear = seeded.fileByYear;
  } finally {
    cat.close();
  }
  url = await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
});

/** The table's rows as "code title-year", top to bottom (read with `expect.poll`: the table fills after the view shows). */
async function shown(page: Page): Promise<string[]> {
  const rows = page.getByTestId('files-table').locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-file-code')} ${/\d{4}$/.exec(tr.querySelector('.col-title')?.textContent ?? '')?.[0] ?? ''}`));
}

test('move files up by button and Alt+↑, save the order after its preview, undo it, then renumber', async ({ page }) => {
  await page.goto(url);
  await page.getByTestId(`tree-fonds-${fondsId}`).locator('.tree-label').first().click();
  await expect(page.getByTestId('fonds-view')).toBeVisible();
  await expect.poll(() => shown(page)).toEqual(['1 2022', '2 2023', '3 2024', '4 2025']);

  // 2025's file up one with its button: the table shows the number it would take.
  await page.getByTestId(`file-up-${byYear.get(2025)}`).click();
  await expect.poll(() => shown(page)).toEqual(['1 2022', '2 2023', '4 2025', '3 2024']);
  await expect(page.getByTestId(`file-new-code-${byYear.get(2025)}`)).toHaveText('→ 3');
  await expect(page.getByTestId('file-order-pending')).toHaveAttribute('data-changes', '2');

  // 2023 and 2025 selected, moved up together with Alt+↑ from the keyboard.
  await page.getByTestId(`select-file-${byYear.get(2023)}`).click();
  await page.getByTestId(`select-file-${byYear.get(2025)}`).click();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '2');
  await page.getByTestId(`select-file-${byYear.get(2025)}`).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => shown(page)).toEqual(['2 2023', '4 2025', '1 2022', '3 2024']);
  // The focus stayed on the control it was on.
  await expect(page.getByTestId(`select-file-${byYear.get(2025)}`)).toBeFocused();
  await fullPageShot(page, 'file-order-01-arranged');
  await expectAccessible(page, 'fonds files being arranged');

  // Save: the preview lists every number that changes, old → new.
  await page.getByTestId('file-order-save').click();
  const dialog = page.getByTestId('file-order-dialog');
  const preview = dialog.getByTestId('file-order-preview').locator('tbody tr');
  await expect(preview).toHaveCount(4);
  await expect(dialog.getByTestId(`file-order-change-${byYear.get(2023)}`)).toHaveAttribute('data-to', '1');
  await expect(dialog.getByTestId(`file-order-change-${byYear.get(2025)}`)).toHaveAttribute('data-from', '4');
  await expect(dialog.getByTestId(`file-order-change-${byYear.get(2025)}`)).toHaveAttribute('data-to', '2');
  await fullPageShot(page, 'file-order-02-save-preview');
  await expectAccessible(page, 'save order preview', '[data-testid=file-order-dialog]');
  await dialog.getByTestId('file-order-submit').click();
  await expect(dialog.getByTestId('bulk-report')).toHaveAttribute('data-changed', '4');
  await dialog.getByTestId('file-order-close').click();
  await expect.poll(() => shown(page)).toEqual(['1 2023', '2 2025', '3 2022', '4 2024']);
  await expect(page.getByTestId('file-order-pending')).toHaveCount(0);

  // The history of bulk actions undoes it as one step.
  await page.getByTestId('nav-bulk-history').click();
  await page.locator('[data-testid^="bulk-op-undo-"]').first().click();
  await expect(page.locator('[data-testid^="bulk-op-undo-"]')).toHaveCount(0);
  await page.getByTestId(`tree-fonds-${fondsId}`).locator('.tree-label').first().click();
  await expect.poll(() => shown(page)).toEqual(['1 2022', '2 2023', '3 2024', '4 2025']);

  // Renumber: 2024's file to the top first, then numbers from 1 with a prefix.
  await page.getByTestId(`select-file-${byYear.get(2024)}`).focus();
  await page.keyboard.press('Alt+Home');
  await expect.poll(() => shown(page)).toEqual(['3 2024', '1 2022', '2 2023', '4 2025']);
  await page.getByTestId('file-order-renumber').click();
  await dialog.getByTestId('file-order-prefix').fill('HS-');
  await expect(dialog.getByTestId('file-order-preview').locator('tbody tr')).toHaveCount(4);
  await expect(dialog.getByTestId(`file-order-change-${byYear.get(2024)}`)).toHaveAttribute('data-to', 'HS-1');
  await expect(dialog.getByTestId(`file-order-change-${byYear.get(2025)}`)).toHaveAttribute('data-to', 'HS-4');
  await fullPageShot(page, 'file-order-03-renumber-preview');
  await expectAccessible(page, 'renumber preview', '[data-testid=file-order-dialog]');
  await dialog.getByTestId('file-order-submit').click();
  await expect(dialog.getByTestId('bulk-report')).toHaveAttribute('data-changed', '4');
  await fullPageShot(page, 'file-order-04-renumber-report');
  await dialog.getByTestId('file-order-close').click();
  await expect.poll(() => shown(page)).toEqual(['HS-1 2024', 'HS-2 2022', 'HS-3 2023', 'HS-4 2025']);
});
