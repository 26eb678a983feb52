/**
 * The original beside its record, in a real browser: a PDF drawn by pdf.js with its text layer, the
 * searched words and a field's place highlighted, page navigation and zoom; a Word file as HTML; a
 * TCVN3 text file as Unicode; a copy saved. Each screen is photographed and checked with axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TestHost } from './host';
import { SCREENSHOT_DIR } from './screenshot';
import { expectAccessible } from './axe';
import { REPO } from '../support/paths';

const OFFICE = path.join(REPO, 'tests', 'fixtures', 'formats', 'office');
const ENCODINGS = path.join(REPO, 'tests', 'fixtures', 'formats', 'encodings');

let host: TestHost;
let folder: string;

test.beforeAll(async () => {
  host = await TestHost.fresh();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-viewer-'));
  // A two-page PDF (the seed 1485-KL/TU as LibreOffice printed it), a Word letter, a TCVN3 text.
  fs.copyFileSync(path.join(OFFICE, '000_7b32d37c7a9e4c58.pdf'), path.join(folder, 'ket-luan-1485.pdf'));
  fs.copyFileSync(path.join(OFFICE, '003_b4be3f4186006de6.docx'), path.join(folder, 'cong-van-4029.docx'));
  fs.copyFileSync(path.join(ENCODINGS, '001_38eeffc6e2bc3679.tcvn3.txt'), path.join(folder, 'ket-luan-tcvn3.txt'));
});

test.afterAll(async () => {
  await host?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function openDocument(page: Page, fileName: string) {
  await page.getByTestId('nav-import-runs').click();
  await page.getByTestId('import-run-open').first().click();
  await page.getByTestId('import-report-item').filter({ hasText: fileName }).getByTestId('import-report-open').click();
  await expect(page.getByTestId('document-view')).toBeVisible();
}

test('the original beside its record: PDF, Word and legacy text', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-mode-path').check();
  await page.getByTestId('import-path').fill(folder);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await page.getByTestId('import-close').click();

  // Searched, then opened: the words are marked on the PDF page.
  await page.getByTestId('search-input').fill('chính quyền địa phương');
  await openDocument(page, 'ket-luan-1485.pdf');
  const viewer = page.getByTestId('original-viewer');
  const stage = viewer.getByTestId('viewer-stage');
  await expect(stage).toHaveAttribute('data-kind', 'pdf');
  await expect(stage.locator('canvas')).toBeVisible();
  await expect(stage.locator('.textLayer span').first()).toBeAttached();
  await expect(viewer.getByTestId('viewer-page-count')).toHaveText('/ 2');
  await expect(viewer.getByTestId('viewer-matches')).not.toHaveText(/^0 /);
  const searchMarks = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('kholuu-search')?.size ?? 0);
  expect(searchMarks).toBeGreaterThan(0);
  // The canvas has been drawn on: not a blank page.
  const inked = await stage.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'viewer-01-pdf-search.png') });
  await expectAccessible(page, 'document page with a PDF original');

  // The place a field was read: the number-symbol, marked where it stands.
  await page.getByTestId('locate-numberSymbol').click();
  await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('kholuu-field')?.size ?? 0)).toBeGreaterThan(0);
  const marked = await page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('kholuu-field') ?? [])].map((r) => r.toString()));
  expect(marked.join(' ')).toContain('1485');

  // Pages and zoom.
  await viewer.getByTestId('viewer-next').click();
  await expect(stage).toHaveAttribute('data-page', '2');
  const scale = await viewer.getByTestId('viewer-scale').textContent();
  await viewer.getByTestId('viewer-zoom-in').click();
  await expect(viewer.getByTestId('viewer-scale')).not.toHaveText(scale!);
  await viewer.getByTestId('viewer-fit').click();
  await stage.focus();
  await page.keyboard.press('PageUp');
  await expect(stage).toHaveAttribute('data-page', '1');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'viewer-02-pdf-field.png') });

  // A copy of the original, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByTestId('viewer-save').click()]);
  expect(download.suggestedFilename()).toBe('ket-luan-1485.pdf');
  expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(path.join(folder, 'ket-luan-1485.pdf')))).toBe(true);

  // Word as HTML.
  await page.getByTestId('search-input').fill('');
  await openDocument(page, 'cong-van-4029.docx');
  await expect(stage).toHaveAttribute('data-kind', 'docx');
  await expect(viewer.getByTestId('viewer-docx')).toContainText('4029-CV/TU');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'viewer-03-docx.png') });
  await expectAccessible(page, 'document page with a Word original');

  // A TCVN3 text file, read as the import read it.
  await openDocument(page, 'ket-luan-tcvn3.txt');
  await expect(stage).toHaveAttribute('data-kind', 'text');
  await expect(viewer.getByTestId('viewer-text')).toContainText('CỦA BAN THƯỜNG VỤ TỈNH ỦY');
  await expect(viewer).toContainText('TCVN3');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'viewer-04-tcvn3-text.png') });
});
