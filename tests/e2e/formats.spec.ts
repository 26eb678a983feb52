/**
 * Documents in the new formats through the import dialog (a Word file, a scan flagged for OCR in
 * the document view), and a register imported with the column-mapping step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

const FORMATS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

async function registerFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Văn bản đến');
  ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2024']);
  ws.addRow([]);
  ws.addRow(['STT', 'Số, ký hiệu', 'Ngày tháng', 'Trích yếu', 'Tác giả', 'Hồ sơ số', 'Tờ số', 'Ghi chú']);
  ws.addRow([1, '245-BC/HU', new Date(Date.UTC(2023, 11, 15)), 'Báo cáo tổng kết công tác xây dựng Đảng năm 2023', 'Huyện ủy Chư Păh', '1', '1-6', '']);
  ws.addRow([2, '27-NQ/HU', '18/03/2024', 'Nghị quyết về phát triển cây sầu riêng theo hướng hữu cơ', 'Huyện ủy Krông Pắc', '1', '7-12', '']);
  ws.addRow([3, '12-TB/VPTU', '31/02/2024', 'Thông báo lịch làm việc của Thường trực Tỉnh ủy', 'Văn phòng Tỉnh ủy', '', '13', 'ngày ghi sai']);
  ws.addRow([4, '1204-QĐ/HU', '08/9/2023', 'Quyết định thành lập Ban Chỉ đạo phòng, chống dịch bệnh trên cây trồng', 'Huyện ủy Lắk', '', '14-15', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-register-')), 'Sổ đăng ký văn bản đến 2024.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

test('a Word file and a scan through the import dialog; the scan is read by OCR and says so', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('fonds-import').click();
  await page.getByTestId('import-input').setInputFiles([path.join(FORMATS, 'office/f07_chi_thi_tinh_uy.docx'), path.join(FORMATS, 'office/f02_thong_bao_van_phong.scan.pdf'), path.join(FORMATS, 'legacy/f01_nghi_quyet_huyen_uy.vntime.docx')]);
  await fullPageShot(page, 'formats-01-import-dialog');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-state')).toHaveText('Hoàn tất', { timeout: 60_000 });
  await expect(page.getByTestId('import-result')).toHaveCount(3);
  await expect(page.locator('[data-testid="import-result"][data-outcome="imported"]')).toHaveCount(3);
  await fullPageShot(page, 'formats-02-import-results');

  // The scan: read by OCR on import, it says where its text came from, and its number was read.
  await page.locator('[data-testid="import-result"]', { hasText: 'scan.pdf' }).getByTestId('import-result-open').click();
  await expect(page.getByTestId('document-view')).toBeVisible();
  await expect(page.getByTestId('reading-ocr')).toContainText('nhận dạng chữ (OCR)');
  await expect(page.getByTestId('reading-ocr')).toContainText('1 trang');
  await expect(page.getByTestId('reading-needs-ocr')).toHaveCount(0);
  await fullPageShot(page, 'formats-03-scan-read-by-ocr');

  // Where its number was read is drawn over the scan (it has no text to mark): the boxes of the
  // words OCR read, inside the drawn page, in the header at the top, with their confidence.
  await expect(page.getByTestId('viewer-stage')).toHaveAttribute('data-kind', 'pdf');
  await page.getByTestId('locate-numberSymbol').click();
  const read = page.locator('[data-testid="viewer-box"][data-kind="read"]');
  await expect(read.first()).toBeVisible();
  await expect(read.first()).toHaveAttribute('title', /OCR/);
  await expect(page.getByTestId('viewer-read-confidence')).toContainText('OCR');
  const drawn = (await page.locator('.pdf-page canvas').boundingBox())!;
  const box = (await read.first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(drawn.x);
  expect(box.x + box.width).toBeLessThanOrEqual(drawn.x + drawn.width);
  expect(box.y).toBeGreaterThanOrEqual(drawn.y);
  expect(box.y + box.height).toBeLessThanOrEqual(drawn.y + drawn.height / 4);
  await fullPageShot(page, 'formats-03b-scan-field-read-here');
  // Looking at no field draws no box of it.
  await page.getByTestId('locate-numberSymbol').click();
  await expect(read).toHaveCount(0);

  // The old .VnTime Word file: read as Unicode, and says it was converted.
  await page.locator('#top-search').fill('sầu riêng hữu cơ');
  await page.locator('#top-search').press('Enter');
  await page.getByTestId('search-hit-open').first().click();
  await expect(page.getByTestId('document-number')).toHaveText('27-NQ/HU');
  await expect(page.getByTestId('reading-converted')).toContainText('TCVN3 (ABC)');
  await expect(page.getByTestId('reading-needs-ocr')).toHaveCount(0);
  await fullPageShot(page, 'formats-04-tcvn3-converted');
});

test('an upload too large for one request is refused in the form, pointing to the folder mode', async ({ page }) => {
  // The host and the sample fonds of the first test.
  await page.goto(host.url);
  await page.getByTestId('tree').locator('li.tree-fonds .tree-label').first().click();
  await expect(page.getByTestId('fonds-view')).toBeVisible();
  const countBefore = await page.getByTestId('fonds-view').textContent();
  // A sparse 101 MB file: the browser reads its size, nothing is sent.
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-big-')), 'Tập văn bản lớn.pdf');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 101 * 1024 * 1024);
  await page.getByTestId('fonds-import').click();
  await page.getByTestId('import-input').setInputFiles(big);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('error-import-input')).toContainText('101 MB');
  await expect(page.getByTestId('error-import-input')).toContainText('Thư mục (hoặc tệp) trên máy này');
  await expect(page.getByTestId('import-state')).toHaveCount(0);
  await fullPageShot(page, 'formats-08-upload-too-large');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('fonds-view')).toHaveText(countBefore ?? '');
});

test('a register imported with the column-mapping step', async ({ page }) => {
  const xlsx = await registerFile();
  await page.goto(host.url);
  await page.getByTestId('nav-register-import').click();
  await expect(page.getByTestId('register-import-view')).toBeVisible();
  await page.getByTestId('register-input').setInputFiles(xlsx);
  await expect(page.getByTestId('register-preview')).toBeVisible();
  await expect(page.getByTestId('register-summary')).toContainText('4 dòng có nội dung');
  await expect(page.getByTestId('register-header-row')).toHaveValue('3');
  // Suggested from the headers.
  await expect(page.getByTestId('register-map-numberSymbol')).toHaveValue('1');
  await expect(page.getByTestId('register-map-issueDate')).toHaveValue('2');
  await expect(page.getByTestId('register-map-subject')).toHaveValue('3');
  await expect(page.getByTestId('register-map-issuer')).toHaveValue('4');
  await expect(page.getByTestId('register-map-fileCode')).toHaveValue('5');
  await expect(page.getByTestId('register-map-docType')).toHaveValue('');
  await expect(page.getByTestId('register-preview-table').locator('tbody tr')).toHaveCount(4);
  // The impossible date is marked before anything is imported.
  await expect(page.locator('[data-bad-date]')).toHaveText(['31/02/2024']);
  // The archivist decides the notes stay out.
  await page.getByTestId('register-map-notes').selectOption('');
  await expect(page.getByTestId('register-col-7-notes')).toHaveCount(0);
  await expect(page.getByTestId('register-col-1-numberSymbol')).toBeVisible();
  await fullPageShot(page, 'formats-05-register-mapping');

  await page.getByTestId('register-start').click();
  await expect(page.getByTestId('register-state')).toHaveText('Hoàn tất', { timeout: 60_000 });
  // 27-NQ/HU of 18/03/2024 came in from its Word file above: the register row finds it, not a copy.
  await expect(page.getByTestId('register-count-imported')).toHaveText('Đã nhập: 3');
  await expect(page.getByTestId('register-count-duplicates')).toHaveText('Trùng lặp: 1');
  await fullPageShot(page, 'formats-06-register-done');

  // The register's row with an impossible date: imported, date empty, said why.
  await page.getByTestId('register-open-run').click();
  await expect(page.getByText('Ngày “31/02/2024” không đọc được')).toBeVisible();
  await fullPageShot(page, 'formats-07-register-report');
});
