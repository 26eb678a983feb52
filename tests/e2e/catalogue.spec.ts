/**
 * The archivist's main path on a fresh catalogue: create a fonds (with a new creating body) and a
 * permanent file, import a real party document into it, find it by a search typed without
 * diacritics, change its file's retention period, and check that the change and its audit row
 * survive a restart of the host.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.resolve(HERE, '../../../shared/seeds/000_7b32d37c7a9e4c58.txt');
const shot = fullPageShot;

async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByTestId('search-input').fill(text);
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
}

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

test('catalogue, import, search, edit retention, and restart', async ({ page }) => {
  await page.goto(await host.start());

  // Welcome on an empty catalogue.
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 0');
  await shot(page, 'catalogue-01-welcome');

  // New fonds, with its creating body typed in (no organization exists yet).
  await page.getByTestId('welcome-new-fonds').click();
  const fondsDialog = page.getByTestId('new-fonds-dialog');
  await expect(fondsDialog).toBeVisible();
  // Client-side checks first: an empty form names the required fields.
  await page.getByTestId('fonds-form-submit').click();
  await expect(page.getByTestId('error-fonds-code')).toBeVisible();
  await page.getByTestId('fonds-code').fill('TU-DL');
  await page.getByTestId('fonds-name').fill('Phông Tỉnh ủy Đắk Lắk (2020–2025)');
  await expect(page.getByTestId('fonds-org-new')).toBeVisible();
  await page.getByTestId('fonds-org-new').fill('Tỉnh ủy Đắk Lắk');
  await page.getByTestId('fonds-status-closed').check();
  await shot(page, 'catalogue-02-new-fonds');
  await page.getByTestId('fonds-form-submit').click();
  await expect(fondsDialog).toBeHidden();
  await expect(page.getByTestId('fonds-title')).toHaveText('Phông Tỉnh ủy Đắk Lắk (2020–2025)');
  await expect(page.getByTestId('count-fonds')).toHaveText('Phông: 1');

  // New file in it, kept permanently.
  await page.getByTestId('add-file').click();
  const fileDialog = page.getByTestId('file-dialog');
  await page.getByTestId('file-code').fill('HS-01');
  await page.getByTestId('file-title').fill('Kết luận của Ban Chấp hành Đảng bộ tỉnh năm 2025');
  await page.getByTestId('file-retentionCode').selectOption({ label: 'Vĩnh viễn' });
  await page.getByTestId('file-completion').selectOption('completed');
  await page.getByTestId('file-box').fill('12');
  await page.getByTestId('file-startDate').fill('2025-05-01');
  await page.getByTestId('file-endDate').fill('2025-04-01');
  await page.getByTestId('file-form-submit').click();
  await expect(page.getByTestId('error-file-endDate')).toBeVisible();
  await page.getByTestId('file-endDate').fill('2025-12-31');
  await shot(page, 'catalogue-03-new-file');
  await page.getByTestId('file-form-submit').click();
  await expect(fileDialog).toBeHidden();
  await expect(page.getByTestId('file-view')).toBeVisible();
  await expect(page.getByTestId('file-retention')).toHaveText('Vĩnh viễn');
  await shot(page, 'catalogue-04-file-empty');

  // Import the seed document into that file.
  await page.getByTestId('file-import').click();
  const importDialog = page.getByTestId('import-dialog');
  await expect(importDialog).toBeVisible();
  await expect(page.getByTestId('import-file')).not.toHaveValue('');
  await page.getByTestId('import-input').setInputFiles(SEED);
  await shot(page, 'catalogue-05-import-form');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result-outcome').first()).toHaveText('Đã nhập', { timeout: 60_000 });
  await expect(page.getByTestId('import-count-imported')).toHaveText('Đã nhập: 1');
  await shot(page, 'catalogue-06-import-done');
  await page.getByTestId('import-close').click();
  await expect(importDialog).toBeHidden();
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 1');
  await expect(page.getByTestId('documents-table')).toContainText('1485-KL/TU');
  await shot(page, 'catalogue-07-file-with-document');

  // Search without diacritics; the conclusion comes first, the hit words marked.
  await searchFor(page, 'ban giao tai lieu');
  await expect(page.getByTestId('search-hit-number').first()).toHaveText('1485-KL/TU');
  await expect(page.getByTestId('search-hit-snippet').first().locator('mark').first()).toBeVisible();
  await shot(page, 'catalogue-08-search');

  // Open it: metadata, file, originals, history.
  await page.getByTestId('search-hit-open').first().click();
  await expect(page.getByTestId('document-view')).toBeVisible();
  await expect(page.getByTestId('document-number')).toHaveText('1485-KL/TU');
  await expect(page.getByTestId('document-file-retention')).toHaveText('Vĩnh viễn');
  await expect(page.getByTestId('full-text')).toContainText('ĐẢNG CỘNG SẢN VIỆT NAM');
  await shot(page, 'catalogue-09-document');

  // Change the file's retention to a fixed term.
  await page.getByTestId('document-edit-file').click();
  await expect(fileDialog).toBeVisible();
  await expect(page.getByTestId('file-code')).toHaveValue('HS-01');
  await page.getByTestId('file-retentionCode').selectOption({ label: '10 năm' });
  await shot(page, 'catalogue-10-edit-file');
  await page.getByTestId('file-form-submit').click();
  await expect(fileDialog).toBeHidden();
  await expect(page.getByTestId('document-file-retention')).toHaveText('10 năm');
  const retentionChange = page.getByTestId('audit-history').getByTestId('audit-change-retentionCode');
  await expect(retentionChange).toContainText('Vĩnh viễn');
  await expect(retentionChange).toContainText('10 năm');

  // Restart the host on the same catalogue; the change is still there, with its audit row.
  await page.goto(await host.restart());
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 1');
  await searchFor(page, 'ban giao tai lieu');
  await page.getByTestId('search-hit-open').first().click();
  await expect(page.getByTestId('document-number')).toHaveText('1485-KL/TU');
  await expect(page.getByTestId('document-file-retention')).toHaveText('10 năm');
  const row = page.getByTestId('audit-row').filter({ has: page.getByTestId('audit-change-retentionCode') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Vĩnh viễn');
  await expect(row).toContainText('10 năm');
  await page.getByTestId('audit-history').scrollIntoViewIfNeeded();
  await shot(page, 'catalogue-11-after-restart');

  // The same screen in English.
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('edit-document')).toHaveText('Edit document');
  await shot(page, 'catalogue-12-document-en');
  await page.getByTestId('locale-vi').click();
  await expect(page.getByTestId('edit-document')).toHaveText('Sửa văn bản');
});
