/**
 * Intake without typing a path: in an empty catalogue the import dialog creates the fonds in
 * place; a folder (with sub-folders) is chosen with the folder picker and imported, each file
 * under its path in the folder; files dropped on the window open the dialog with them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TestHost } from './host';
import { SCREENSHOT_DIR } from './screenshot';
import { expectAccessible } from './axe';
import { writeMixedCorpus } from '../support/mixedCorpus';

let host: TestHost;
let folder: string;

test.beforeAll(async () => {
  host = await TestHost.fresh();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-intake-'));
  await writeMixedCorpus(path.join(folder, 'Hồ sơ 2024'), 30);
  fs.writeFileSync(path.join(folder, 'Hồ sơ 2024', 'bảng kê.xlsx'), 'not a document');
});

test.afterAll(async () => {
  await host?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('an empty catalogue: the fonds made in the import dialog, a folder picked and imported', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-new-fonds')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'intake-01-new-fonds-in-place.png') });
  await expectAccessible(page, 'import dialog, empty catalogue');
  await dialog.getByTestId('fonds-code').fill('HU-KP');
  await dialog.getByTestId('fonds-name').fill('Phông Huyện ủy Krông Pắc');
  await dialog.getByTestId('fonds-org-new').fill('Huyện ủy Krông Pắc');
  await dialog.getByTestId('import-create-fonds').click();
  await expect(dialog.getByTestId('import-fonds')).toContainText('HU-KP');

  // The folder picker: every file under the folder, with its path; what cannot be read is named.
  await dialog.getByTestId('import-folder-input').setInputFiles(path.join(folder, 'Hồ sơ 2024'));
  await expect(dialog.getByTestId('import-selection')).toContainText('Đã chọn 30 tệp');
  await expect(dialog.getByTestId('import-selection')).toContainText('Hồ sơ 2024');
  await expect(dialog.getByTestId('import-skipped')).toContainText('Bỏ qua 1 tệp');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'intake-02-folder-chosen.png') });
  await expectAccessible(page, 'import dialog, folder chosen');
  await dialog.getByTestId('import-start').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('import-count-imported')).toHaveText('Đã nhập: 30');
  await page.getByTestId('import-run-link').click();
  await expect(page.getByTestId('import-report-item').first()).toContainText('Hồ sơ 2024/hop-');
});

test('files dropped on the window open the import dialog with them', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('topbar')).toBeVisible();
  const seed = (name: string) => ({ name, text: fs.readFileSync(path.join(folder, 'Hồ sơ 2024', 'hop-01', name), 'utf8') });
  const files = [seed('vb-0000.txt'), seed('vb-0002.txt')];
  const data = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, files);
  await page.dispatchEvent('#main-content', 'dragenter', { dataTransfer: data });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'intake-03-drop-overlay.png') });
  await page.dispatchEvent('#main-content', 'drop', { dataTransfer: data });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-selection')).toContainText('Đã chọn 2 tệp');
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await dialog.getByTestId('import-start').click();
  // The same bytes were imported from the folder: two duplicates, nothing imported twice.
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('import-count-duplicates')).toHaveText('Trùng lặp: 2');
});
