/**
 * A handover batch walked from draft to received in the browser host, with a screenshot per step:
 * the sender (sample fonds) inventories, makes a batch, fixes the file the batch flags, lists,
 * packs and hands over; a second host, on an empty catalogue, checks and receives the package;
 * the sender records the receiver's receipt.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

let sender: TestHost;
let receiver: TestHost;

test.beforeAll(async () => {
  sender = await TestHost.fresh();
  receiver = await TestHost.fresh();
});

test.afterAll(async () => {
  await sender?.dispose();
  await receiver?.dispose();
});

const shot = (page: Page, name: string) => fullPageShot(page, `handover-${name}`);

test.describe.configure({ mode: 'serial' });

test('a batch from draft to received, between two catalogues', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await page.goto(await sender.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });

  // Inventory of the sample fonds: statistics and the file that lacks its dates.
  await page.getByTestId('fonds-inventory').click();
  await expect(page.getByTestId('inventory-view')).toBeVisible();
  await expect(page.getByTestId('hv-total-files')).toContainText('2');
  await expect(page.getByTestId('hv-total-documents')).toContainText('5');
  await expect(page.getByTestId('hv-problems')).toContainText('thời gian bắt đầu/kết thúc');
  await shot(page, '01-inventory');

  // A new batch: the dissolved district committee hands over to its successor.
  await page.getByTestId('nav-handover').click();
  await expect(page.getByTestId('hv-no-batches')).toBeVisible();
  // The same statistics for the organization that formed the fonds.
  await page.locator('[data-testid^="hv-org-inventory-"]').first().click();
  await expect(page.getByTestId('inventory-view')).toContainText('Huyện ủy Mẫu (đơn vị minh họa) · MAU-01');
  await expect(page.getByTestId('hv-total-files')).toContainText('2');
  await page.getByTestId('nav-handover').click();
  await page.getByTestId('hv-new-batch').click();
  await page.locator('#hv-code').fill('01/BB-BG');
  await page.locator('#hv-place').fill('Buôn Ma Thuột');
  await expect(page.locator('#hv-from')).not.toHaveValue('');
  await shot(page, '02-new-batch');
  await page.getByTestId('hv-new-submit').click();
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'draft');
  await shot(page, '03-draft');

  // Add every file of the fonds.
  await page.getByTestId('hv-add-files').click();
  await page.getByTestId('hv-select-all').check();
  await shot(page, '04-add-files');
  await page.getByTestId('hv-add-submit').click();
  await expect(page.getByTestId('hv-files-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('hv-blocker-file_problems')).toBeVisible();
  await expect(page.getByTestId('hv-list')).toBeDisabled();
  await shot(page, '05-blocked');

  // Fix the file the batch flags: its dates.
  await page.getByTestId('hv-problems').getByRole('button').first().click();
  await expect(page.getByTestId('file-view')).toBeVisible();
  await page.getByTestId('edit-file').click();
  await page.getByTestId('file-startDate').fill('2025-04-10');
  await page.getByTestId('file-endDate').fill('2025-07-01');
  await page.getByTestId('file-sheetCount').fill('14');
  await page.getByTestId('file-form-submit').click();
  await expect(page.getByTestId('file-dialog')).toBeHidden();
  await page.getByTestId('nav-handover').click();
  await page.getByTestId('hv-batches').getByRole('button', { name: '01/BB-BG' }).click();
  await expect(page.getByTestId('hv-ready')).toBeVisible();

  // The particulars of the minutes, then list the files.
  await page.locator('#hv-date').fill('2025-08-15');
  await page.locator('#hv-senderRepresentative').fill('Nguyễn Văn Bình');
  await page.locator('#hv-senderPosition').fill('Chánh Văn phòng Huyện ủy');
  await page.locator('#hv-receiverRepresentative').fill('Trần Thị Hoa');
  await page.locator('#hv-receiverPosition').fill('Phó Chánh Văn phòng Đảng ủy');
  await page.locator('#hv-condition').fill('Tài liệu còn nguyên vẹn.');
  await page.getByTestId('hv-save-particulars').click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await page.getByTestId('hv-list').click();
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'listed');
  await expect(page.getByTestId('hv-files-table')).toContainText('Đã lập danh mục');
  await shot(page, '06-listed');

  // Pack into a zip the receiver can read; progress, then the package's digest.
  const zip = path.join(sender.dataDir, 'goi-ban-giao-01.zip');
  await page.getByTestId('hv-target').fill(zip);
  await page.getByTestId('hv-pack').click();
  await expect(page.getByTestId('hv-package-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'packed');
  await expect(page.getByTestId('hv-package-path')).toHaveText(zip);
  const digest = (await page.getByTestId('hv-package-digest').textContent())!;
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await shot(page, '07-packed');

  // A form: the minutes as PDF, saved in the exports folder and downloaded.
  const download = page.waitForEvent('download');
  await page.getByTestId('hv-export-minutes-pdf').click();
  expect((await download).suggestedFilename()).toBe('bien-ban-giao-nhan-01_bb-bg.pdf');
  await expect(page.getByTestId('hv-export-saved')).toContainText('bien-ban-giao-nhan-01_bb-bg.pdf');

  await page.getByTestId('hv-hand-over').click();
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'handed_over');
  await shot(page, '08-handed-over');

  // The receiving side: an empty catalogue checks the package, then receives it.
  // Its own browser context: both hosts are on 127.0.0.1, and cookies do not tell ports apart.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(await receiver.start());
  await other.getByTestId('nav-handover').click();
  await other.getByTestId('hv-open-receive').click();
  await other.getByTestId('hv-recv-path').fill(zip);
  await other.getByTestId('hv-recv-verify').click();
  await expect(other.getByTestId('hv-report')).toHaveAttribute('data-valid', 'true', { timeout: 60_000 });
  await expect(other.getByTestId('hv-report-contents')).toContainText('Phông MAU-01: 2 hồ sơ, 5 văn bản, 5 bản gốc');
  await expect(other.getByTestId('hv-report')).toContainText(digest);
  await shot(other, '09-verified');
  await other.getByTestId('hv-recv-receive').click();
  await expect(other.getByTestId('hv-received')).toBeVisible({ timeout: 60_000 });
  const receiptText = (await other.getByTestId('hv-receipt-file').textContent())!;
  const receipt = receiptText.slice(receiptText.indexOf('/'));
  await expect(other.getByTestId('count-documents')).toHaveText('Văn bản: 5');
  await shot(other, '10-received');
  await other.getByTestId('hv-open-received').click();
  await expect(other.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'received');
  await shot(other, '11-incoming-batch');

  // Back at the sender: the receiver's receipt closes the batch.
  await page.bringToFront();
  await page.getByTestId('hv-receipt-path').fill(receipt);
  await page.getByTestId('hv-record-receipt').click();
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'received');
  await expect(page.getByTestId('hv-receipt')).toBeVisible();
  await expect(page.getByTestId('hv-handover-progress')).toContainText('Đã tiếp nhận: 2');
  await shot(page, '12-sender-received');
  await otherContext.close();
});

test('a tampered package is reported and refused', async ({ page }) => {
  // Uses the package the first test made (same host data directory).
  const zip = path.join(sender.dataDir, 'goi-ban-giao-01.zip');
  const fs = await import('node:fs');
  const bytes = fs.readFileSync(zip);
  const marker = Buffer.from('Kết luận');
  const at = bytes.indexOf(marker, bytes.indexOf(Buffer.from('ban-goc')));
  expect(at).toBeGreaterThan(0);
  const tampered = path.join(receiver.dataDir, 'goi-sua.zip');
  bytes[at] = bytes[at]! ^ 0x01;
  fs.writeFileSync(tampered, bytes);

  await page.goto(await receiver.restart());
  await page.getByTestId('nav-handover').click();
  await page.getByTestId('hv-open-receive').click();
  await page.getByTestId('hv-recv-path').fill(tampered);
  await page.getByTestId('hv-recv-verify').click();
  await expect(page.getByTestId('hv-report')).toHaveAttribute('data-valid', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('hv-report-problems')).toContainText('đã bị thay đổi');
  await expect(page.getByTestId('hv-recv-receive')).toBeDisabled();
  await shot(page, '13-tampered');
});
