/**
 * The import area in a real browser: a folder imported from a path on this machine, its run report
 * (filter, CSV export), the review queue (confirm, edit then confirm), a document's citations, and
 * the list of cited documents missing from the catalogue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TestHost } from './host';
import { SCREENSHOT_DIR, fullPageShot } from './screenshot';
import { writePartyDocument } from '../support/partyDocs';

let host: TestHost;
let folder: string;

test.beforeAll(async () => {
  host = await TestHost.fresh();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-import-'));
  writePartyDocument(folder, 'thong-bao-ve-1485.txt', {
    number: '230-TB/TU',
    date: '02/6/2025',
    type: 'THÔNG BÁO',
    subject: 'về việc thực hiện Kết luận 1485-KL/TU',
    body: ['Thực hiện Kết luận số 1485-KL/TU ngày 14/5/2025 của Ban Chấp hành Đảng bộ tỉnh và Hướng dẫn số 17-HD/VPTW của Văn phòng Trung ương, các đơn vị bàn giao hồ sơ.'],
  });
  writePartyDocument(path.join(folder, 'hộp 2'), 'ke-hoach.txt', {
    number: '231-KH/TU',
    date: '03/6/2025',
    type: 'KẾ HOẠCH',
    body: ['Căn cứ Hướng dẫn số 17-HD/VPTW, Ban Thường vụ Tỉnh ủy ban hành kế hoạch kiểm kê tài liệu.'],
  });
  fs.writeFileSync(path.join(folder, 'rỗng.txt'), '');
});

test.afterAll(async () => {
  await host?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('bulk import from a folder, its report, the review queue and citations', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });

  // Import a folder on this machine.
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-mode-path').check();
  await page.getByTestId('import-path').fill(folder);
  await fullPageShot(page, 'import-01-folder-form');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('import-count-imported')).toHaveText('Đã nhập: 2');
  await expect(page.getByTestId('import-count-failed')).toHaveText('Lỗi: 1');
  await fullPageShot(page, 'import-02-folder-done');

  // Its report: every file, filtered by outcome, exported as CSV.
  await page.getByTestId('import-run-link').click();
  const report = page.getByTestId('import-run-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('import-report-item')).toHaveCount(3);
  await page.getByTestId('import-report-filter-failed').click();
  await expect(page.getByTestId('import-report-item')).toHaveCount(1);
  await expect(page.getByTestId('import-report-item')).toContainText('rỗng.txt');
  await expect(page.getByTestId('import-report-item')).toContainText('tệp rỗng');
  await fullPageShot(page, 'import-03-report-failed');
  // The report, kept in the catalogue, reads in English in the English interface.
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('import-report-note')).toHaveText(/^Cannot read “.*rỗng\.txt”: the file is empty\.\s*$/);
  await page.getByTestId('locale-vi').click();
  await expect(page.getByTestId('import-report-note')).toContainText('tệp rỗng');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report-csv').click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^bao-cao-nhap-\d+-failed\.csv$/);
  expect(csv.startsWith('\uFEFFSTT,Tệp,Kết quả')).toBe(true);
  expect(csv).toContain('rỗng.txt');

  // The runs list, and back to this run's imported files.
  await page.getByTestId('nav-import-runs').click();
  await expect(page.getByTestId('import-run-row')).toHaveCount(1);
  await fullPageShot(page, 'import-04-runs');
  await page.getByTestId('import-run-open').first().click();
  await page.getByTestId('import-report-filter-imported').click();
  await expect(page.getByTestId('import-report-item')).toHaveCount(2);

  // A document's citations: the notice cites 1485-KL/TU (a sample) and 17-HD/VPTW (missing).
  await page.getByTestId('import-report-item').filter({ hasText: 'thong-bao-ve-1485.txt' }).getByTestId('import-report-open').click();
  await expect(page.getByTestId('document-number')).toHaveText('230-TB/TU');
  const cites = page.getByTestId('cite-item');
  await expect(cites).toHaveCount(2);
  await expect(cites.nth(0)).toHaveAttribute('data-state', 'linked');
  await expect(cites.nth(1)).toHaveAttribute('data-state', 'missing');
  await fullPageShot(page, 'import-05-document-citations');
  await cites.nth(0).getByTestId('cite-doc-link').click();
  await expect(page.getByTestId('document-number')).toHaveText('1485-KL/TU');
  await expect(page.getByTestId('cited-by-item')).toHaveCount(1);
  await expect(page.getByTestId('cited-by-item')).toContainText('230-TB/TU');

  // Cited documents not yet catalogued, most cited first.
  await page.getByTestId('nav-missing-citations').click();
  const missing = page.getByTestId('missing-citation').filter({ hasText: '17-HD/VPTW' });
  await expect(missing.getByTestId('missing-citing')).toHaveText('2');
  await fullPageShot(page, 'import-06-missing-citations');

  // The review queue: each flagged field beside the passage where it was found.
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('review-view')).toBeVisible();
  await page.getByTestId('review-field-filter').selectOption('place');
  const k1485 = page.getByTestId('review-card').filter({ hasText: '1485-KL/TU' });
  const place = k1485.locator('[data-testid="review-field"][data-field="place"]');
  await expect(place.locator('mark')).toHaveText('Đắk Lăk');
  await fullPageShot(page, 'import-07-review');
  // Confirm only the place.
  for (const checkbox of await k1485.getByTestId('review-select').all()) await checkbox.uncheck();
  await place.getByTestId('review-select').check();
  await k1485.getByTestId('review-confirm').click();
  await expect(page.getByTestId('review-notice')).toContainText('Đã xác nhận 1 trường');
  await expect(page.getByTestId('review-card').filter({ hasText: '1485-KL/TU' })).toHaveCount(0);

  // Edit, then confirm: the letter 4029-CV/TU has no date.
  await page.getByTestId('review-field-filter').selectOption('issueDate');
  const letter = page.getByTestId('review-card').filter({ hasText: '4029-CV/TU' });
  await letter.getByTestId('review-edit').click();
  for (const checkbox of await letter.getByTestId('review-select').all()) await checkbox.uncheck();
  const dateRow = letter.locator('[data-testid="review-field"][data-field="issueDate"]');
  await dateRow.getByTestId('review-select').check();
  await expect(dateRow.getByText('không tìm thấy trong văn bản')).toBeVisible();
  await dateRow.getByTestId('review-input').fill('2025-06-30');
  await fullPageShot(page, 'import-08-review-edit');
  await letter.getByTestId('review-confirm').click();
  await expect(page.getByTestId('review-notice')).toContainText('4029-CV/TU');
  await expect(page.getByTestId('review-card').filter({ hasText: '4029-CV/TU' })).toHaveCount(0);
  await page.getByTestId('review-field-filter').selectOption('');
  await page.getByTestId('review-card').filter({ hasText: '4029-CV/TU' }).getByTestId('review-open').click();
  await expect(page.getByTestId('meta-issueDate')).toContainText('30/06/2025');
  await fullPageShot(page, 'import-09-document-after-review');
  const history = page.getByTestId('audit-history');
  await expect(history.locator('[data-action="document.review.confirm"]')).toContainText('Xác nhận rà soát văn bản');
  await history.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-10-review-in-history.png') });
});
