/**
 * Selection and bulk actions in the browser host, on a generated catalogue: search and filter,
 * select the page with its checkbox, then all that match; move them into a new file (the dialog
 * says what will change, the report what was refused); undo it from the report; Shift-click a run
 * of a file's documents and set a field; select files of a fonds and set their retention. axe-core
 * checks the selection bar, the dialogs and the report.
 */
import { expect, test, type Page } from '@playwright/test';
import { defaultCataloguePath } from '../../electron/paths';
import { Catalogue } from '../../electron/data/catalogue';
import { seedArrangement } from '../support/arrangement';
import { expectAccessible } from './axe';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

let host: TestHost;
/** A fonds with many documents, one of its files, and the type filtered on. */
let fondsId = 0;
let fileId = 0;
let docType = '';
let year = '';
let url = '';

test.beforeAll(async () => {
  host = await TestHost.fresh();
  const cat = Catalogue.open(defaultCataloguePath(host.dataDir));
  try {
    const seeded = seedArrangement(cat, { count: 900, texts: 200, seed: 5 });
    fondsId = seeded.fondsId;
    fileId = seeded.fileByYear.get(2023)!;
    year = '2024';
    const counts = new Map<string, number>();
    for (const d of seeded.docs) if (d.year === 2024 && !d.secret && d.docType) counts.set(d.docType, (counts.get(d.docType) ?? 0) + 1);
    docType = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  } finally {
    cat.close();
  }
  url = await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
});

async function openSearch(page: Page, text: string) {
  const input = page.getByTestId('search-input');
  await input.fill(text);
  await input.press('Enter');
  await expect(page.getByTestId('search-view')).toBeVisible();
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
}

test('select all that match a search, move them into a new file, undo from the report', async ({ page }) => {
  await page.goto(url);
  await openSearch(page, '');
  // Narrow to one type and one year with the facets.
  await page.getByTestId(`facet-docType-${docType}`).check();
  await page.getByTestId(`facet-year-${year}`).check();
  await expect(page.getByTestId('search-active-filters')).toContainText(year);
  // The total is read once the search for both filters has answered (on a loaded machine the
  // type's answer alone can still be on screen).
  await expect(page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false');
  const total = Number(/([\d.]+)/.exec((await page.getByTestId('search-total').textContent())!)![1]!.replace(/\./g, ''));
  expect(total).toBeGreaterThan(20);

  // The page's checkbox selects the page; the bar then offers every match.
  await page.getByRole('checkbox', { name: 'Chọn cả trang' }).check();
  const bar = page.getByRole('toolbar', { name: 'Thao tác với các mục đã chọn' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '20');
  await page.getByTestId('bulk-select-all').click();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', String(total));
  // One unticked after "all": the selection is the query less that one.
  await page.getByTestId('search-hit').nth(1).locator('input[type=checkbox]').uncheck();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', String(total - 1));
  await fullPageShot(page, 'bulk-01-selection-bar');
  await expectAccessible(page, 'search results with a selection');

  await bar.getByRole('button', { name: 'Chuyển vào hồ sơ…' }).click();
  const dialog = page.getByTestId('bulk-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('bulk-move-new').check();
  await dialog.getByTestId('bulk-move-code').fill(`SX-${year}`);
  await dialog.getByTestId('bulk-move-title').fill(`${docType} năm ${year} (sắp xếp lại)`);
  await expect(dialog.getByTestId('bulk-summary')).toContainText(`${total - 1} văn bản`);
  await fullPageShot(page, 'bulk-02-move-dialog');
  await expectAccessible(page, 'move dialog', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-submit').click();

  const report = dialog.getByTestId('bulk-report');
  await expect(report).toBeVisible();
  // Every document of one fonds moved (plus the new file); those of other fonds are refused by reason.
  const changed = Number(await report.getAttribute('data-changed'));
  const refused = Number(await report.getAttribute('data-refused'));
  expect(changed - 1 + refused).toBe(total - 1);
  await fullPageShot(page, 'bulk-03-report');
  await expectAccessible(page, 'bulk report', '[data-testid=bulk-dialog]');

  await dialog.getByTestId('bulk-undo').click();
  await expect(dialog.getByTestId('bulk-undone')).toContainText(String(changed));
  await dialog.getByTestId('bulk-close').click();
  await expect(dialog).toHaveCount(0);
});

test('Shift-click a run of a file’s documents and set a field; set retention on selected files', async ({ page }) => {
  await page.goto(url);
  const node = page.getByTestId(`tree-fonds-${fondsId}`);
  await node.locator('.tree-label').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible();

  // Files of the fonds: the first and, with Shift, the third — a run of three.
  const rows = page.getByTestId('files-table').locator('tbody tr');
  await rows.nth(0).locator('td').nth(2).click();
  await rows.nth(2).locator('td').nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '3');
  await page.getByRole('toolbar', { name: 'Thao tác với các mục đã chọn' }).getByRole('button', { name: 'Thời hạn, hộp số…' }).click();
  const dialog = page.getByTestId('bulk-dialog');
  await dialog.getByTestId('bulk-on-retentionCode').check();
  await dialog.getByTestId('bulk-field-retentionCode').selectOption('30');
  await dialog.getByTestId('bulk-on-box').check();
  await dialog.getByTestId('bulk-field-box').fill('Hộp 41');
  await expect(dialog.getByTestId('bulk-summary')).toContainText('3 hồ sơ');
  await fullPageShot(page, 'bulk-04-file-fields-dialog');
  await expectAccessible(page, 'file fields dialog', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-submit').click();
  await expect(dialog.getByTestId('bulk-report')).toHaveAttribute('data-changed', '3');
  await dialog.getByTestId('bulk-close').click();
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('Hộp 41');
  await expect(rows.nth(3)).not.toContainText('Hộp 41');

  // A file's documents: click one, Ctrl-click another, Shift-click to extend from it.
  await node.locator('.tree-toggle').click();
  await page.getByTestId(`tree-file-${fileId}`).locator('button').first().click();
  await expect(page.getByTestId('file-view')).toBeVisible();
  const docs = page.getByTestId('documents-table').locator('tbody tr');
  await docs.nth(0).locator('td').nth(2).click();
  await docs.nth(2).locator('td').nth(2).click({ modifiers: ['Control'] });
  await docs.nth(4).locator('td').nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '4');
  await expect(docs.nth(1)).not.toHaveAttribute('data-selected', 'true');
  // The keyboard: the checkbox of the second row, ticked with Space.
  await docs.nth(1).locator('input[type=checkbox]').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '5');
  await fullPageShot(page, 'bulk-05-file-documents-selected');
  await page.getByTestId('bulk-fields').click();
  await dialog.getByTestId('bulk-on-notes').check();
  await dialog.getByTestId('bulk-field-notes').fill('Bản chụp, chữ mờ');
  await expect(dialog.getByTestId('bulk-summary')).toContainText('5 văn bản');
  await expectAccessible(page, 'document fields dialog', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-submit').click();
  await expect(dialog.getByTestId('bulk-report')).toHaveAttribute('data-changed', '5');
  await dialog.getByTestId('bulk-close').click();
  await docs.nth(0).getByRole('button').first().click();
  await expect(page.getByTestId('document-view')).toContainText('Bản chụp, chữ mờ');
});
