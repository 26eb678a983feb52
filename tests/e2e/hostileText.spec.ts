/**
 * Script and markup inside imported documents stay text: a document whose subject and
 * body hold `<script>` and `<img onerror>`, and a file whose very name is an `<img onerror>`, are
 * imported; the import report, the document view, its originals and the search results show those
 * characters literally, and nothing runs (no dialog, no script element or image made from them,
 * the page's sentinel untouched).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';
import { writePartyDocument } from '../support/partyDocs';

const SCRIPT = '<script>window.kholuuPwned = 1</script>';
const IMG = '<img src=x onerror="window.kholuuPwned = 2">';
const FILE_NAME = '<img src=y onerror=window.kholuuPwned=3>.txt';

let host: TestHost;
let folder: string;

test.beforeAll(async () => {
  host = await TestHost.fresh();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-hostile-'));
  writePartyDocument(folder, 'ma-doc.txt', {
    number: '66-KL/TU',
    date: '12/6/2025',
    subject: `về việc ${SCRIPT} thử mã độc`,
    body: [`Nội dung có ${IMG} và ${SCRIPT} giữa văn bản, cùng từ khoá kholuumadoc.`],
  });
  writePartyDocument(folder, FILE_NAME, { number: '67-KL/TU', date: '13/6/2025', subject: 'về tên tệp lạ' });
});

test.afterAll(async () => {
  await host?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('markup in documents and file names is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('open-import').click();
  await page.getByTestId('import-mode-path').check();
  await page.getByTestId('import-path').fill(folder);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('import-count-imported')).toHaveText('Đã nhập: 2');

  // The report names the odd file literally.
  await page.getByTestId('import-run-link').click();
  const odd = page.getByTestId('import-report-item').filter({ hasText: FILE_NAME });
  await expect(odd).toHaveCount(1);
  await fullPageShot(page, 'hostile-01-report');

  // The document: subject and full text show the markup as characters.
  await page.getByTestId('import-report-item').filter({ hasText: 'ma-doc.txt' }).getByTestId('import-report-open').click();
  await expect(page.getByTestId('document-number')).toHaveText('66-KL/TU');
  const view = page.getByTestId('document-view');
  await expect(view.locator('.doc-subject')).toContainText(SCRIPT);
  await expect(page.getByTestId('full-text')).toContainText(SCRIPT);
  await expect(page.getByTestId('full-text')).toContainText(IMG);
  await expect(view.locator('script')).toHaveCount(0);
  await expect(view.locator('img')).toHaveCount(0);
  await fullPageShot(page, 'hostile-02-document');

  // The document named after an image tag: its original's name is text too.
  await page.getByTestId('nav-import-runs').click();
  await page.getByTestId('import-run-open').first().click();
  await page.getByTestId('import-report-item').filter({ hasText: FILE_NAME }).getByTestId('import-report-open').click();
  await expect(page.getByTestId('document-number')).toHaveText('67-KL/TU');
  await expect(page.getByTestId('document-view')).toContainText(FILE_NAME);
  await expect(page.getByTestId('document-view').locator('img')).toHaveCount(0);
  await fullPageShot(page, 'hostile-03-odd-file-name');

  // Search: the snippet around the hit keeps the markup as text.
  await page.getByTestId('search-input').fill('kholuumadoc');
  await page.getByTestId('search-input').press('Enter');
  const snippet = page.getByTestId('search-hit-snippet').first();
  await expect(snippet).toContainText('kholuumadoc');
  await expect(page.getByTestId('search-results').locator('script, img')).toHaveCount(0);
  await fullPageShot(page, 'hostile-04-search');

  // Nothing ran, anywhere.
  expect(await page.evaluate(() => (window as unknown as { kholuuPwned?: number }).kholuuPwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
