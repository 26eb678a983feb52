/**
 * From intake to handover, as an archivist does it in the browser host: a folder of 3,000
 * generated mixed documents (text, Word, PDF) picked and imported into a fonds created in the
 * import dialog; the search filtered by type and year; all that match selected and moved into a
 * new hồ sơ; its retention and box set; the review fields of the selection confirmed in bulk; an
 * original page looked at in the viewer; one bulk action undone; a handover batch built, its Mục
 * lục exported and its package made. Every click, key, value typed, file pick and drop goes
 * through `act`, which counts it; the count is printed and held to the goal (60).
 *
 * KHOLUU_SCENARIO_COUNT sets the number of documents (default 300 in CI; 3,000 for the acceptance run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { TestHost } from './host';
import { SCREENSHOT_DIR } from './screenshot';
import { expectAccessible } from './axe';
import { type ArchiveCorpusFile, writeArchiveCorpus } from '../support/mixedCorpus';

// CI runs 300 documents to keep its run short; KHOLUU_SCENARIO_COUNT=3000 runs the acceptance size
// (the browser's upload goes in parts into one import run: about 2 min for the whole scenario on the
// shared 2-core machine).
const COUNT = Number(process.env.KHOLUU_SCENARIO_COUNT ?? 300);
const GOAL = 60;

// A missing control fails at once instead of waiting out the long test timeout.
test.use({ actionTimeout: 30_000 });

let host: TestHost;
let folder: string;
let corpus: ArchiveCorpusFile[];

test.beforeAll(async () => {
  test.setTimeout(600_000);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-scenario-'));
  corpus = await writeArchiveCorpus(path.join(folder, 'Tài liệu Tỉnh ủy'), COUNT);
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

/** The user's actions, counted: each is one click, one key, one value typed, one pick or one drop. */
class Actions {
  count = 0;
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}
  private note(what: string) {
    this.count++;
    this.log.push(what);
  }
  async click(target: Locator, what: string) {
    this.note(`click ${what}`);
    await target.click();
  }
  async check(target: Locator, what: string) {
    this.note(`click ${what}`);
    await target.check();
  }
  async type(target: Locator, value: string, what: string) {
    this.note(`type ${what}`);
    await target.fill(value);
  }
  async select(target: Locator, value: string, what: string) {
    this.note(`choose ${what}`);
    // A value, or else an option's label.
    const values = await target.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await target.selectOption(values.includes(value) ? value : { label: value });
  }
  async key(key: string, what: string) {
    this.note(`key ${key} (${what})`);
    await this.page.keyboard.press(key);
  }
  /** Clicks what opens the system's file chooser, then picks `dir` in it: two actions. */
  async pickFolder(opener: Locator, dir: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.click(opener, 'Chọn thư mục…');
    this.note('pick a folder in the chooser');
    await (await chooser).setFiles(dir);
  }
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `scenario-${name}.png`) });
}

/** The type and year with the most documents the generator dated, to filter on. */
function busiestTypeAndYear(): { docType: string; year: string; expected: number } {
  const counts = new Map<string, number>();
  for (const f of corpus) {
    const t = f.document.truth;
    if (!t.issueDate || t.securityLevel) continue;
    const key = `${t.docType}|${t.issueDate.slice(0, 4)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key, expected] = [...counts.entries()].filter(([k]) => !k.startsWith('CÔNG VĂN')).sort((a, b) => b[1] - a[1])[0]!;
  const [docType, year] = key.split('|') as [string, string];
  return { docType, year, expected };
}

test('from intake to handover', async ({ page }) => {
  test.setTimeout(900_000);
  const act = new Actions(page);
  const { docType, year, expected } = busiestTypeAndYear();
  const started = Date.now();

  // 1. Intake: an empty catalogue; the fonds is made in the import dialog, the folder picked.
  await page.goto(await host.start());
  await act.click(page.getByTestId('open-import'), 'Nhập tài liệu');
  const dialog = page.getByTestId('import-dialog');
  await act.type(dialog.getByTestId('fonds-code'), 'TU-DL', 'fonds code');
  await act.type(dialog.getByTestId('fonds-name'), 'Phông Tỉnh ủy (tài liệu nhận năm 2025)', 'fonds name');
  await act.type(dialog.getByTestId('fonds-org-new'), 'Tỉnh ủy Đắk Lắk', 'creating body');
  await act.click(dialog.getByTestId('import-create-fonds'), 'create the fonds');
  await expect(dialog.getByTestId('import-fonds')).toContainText('TU-DL');
  await act.pickFolder(dialog.getByTestId('import-pick-folder'), path.join(folder, 'Tài liệu Tỉnh ủy'));
  await expect(dialog.getByTestId('import-selection')).toContainText(`Đã chọn ${COUNT.toLocaleString('vi-VN')} tệp`);
  await act.click(dialog.getByTestId('import-start'), 'start the import');
  // Reading the files and sending the first part: the progress shows, or what went wrong does.
  await expect(page.getByTestId('import-progress').or(dialog.locator('.error-banner'))).toBeVisible({ timeout: 120_000 });
  await expect(dialog.locator('.error-banner')).toHaveCount(0);
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', { timeout: 600_000 });
  await expect(page.getByTestId('import-count-imported')).toHaveText(`Đã nhập: ${COUNT}`);
  const imported = Date.now();
  await shot(page, '01-imported');
  await act.click(page.getByTestId('import-close'), 'close');

  // 2. Filter by type and year: the search, browsed without words, narrowed by two facets.
  await act.key('/', 'to the search box');
  await act.key('Enter', 'browse every document');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await act.check(page.getByTestId(`facet-docType-${docType}`), `type ${docType}`);
  const yearBox = page.getByTestId(`facet-year-${year}`);
  if (!(await yearBox.isVisible())) await act.click(page.getByTestId('facet-more-year'), 'more years');
  await act.check(yearBox, `year ${year}`);
  await expect(page.getByTestId('search-active-filters')).toContainText(year);
  // The total is read once the search for both filters has answered (on a loaded machine the
  // type's answer alone can still be on screen).
  await expect(page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false');
  const total = Number(/([\d.]+)/.exec((await page.getByTestId('search-total').textContent())!)![1]!.replace(/\./g, ''));
  // What the parser read of the generated documents: the filter finds them (the generator's count is the reference).
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(expected + 5);
  await shot(page, '02-filtered');

  // 3. Select all that match, move them into a new hồ sơ.
  await act.check(page.getByRole('checkbox', { name: 'Chọn cả trang' }), 'select the page');
  if (total > 20) {
    await act.click(page.getByTestId('bulk-select-all'), 'select all that match');
  }
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', String(total));
  await act.click(page.getByTestId('bulk-move'), 'Chuyển vào hồ sơ…');
  const bulk = page.getByTestId('bulk-dialog');
  await act.check(bulk.getByTestId('bulk-move-new'), 'a new hồ sơ');
  await act.type(bulk.getByTestId('bulk-move-code'), `${year}-01`, 'file code');
  await act.type(bulk.getByTestId('bulk-move-title'), `${docType} của Tỉnh ủy năm ${year}`, 'file title');
  await act.click(bulk.getByTestId('bulk-submit'), 'move');
  await expect(bulk.getByTestId('bulk-report')).toHaveAttribute('data-changed', String(total + 1), { timeout: 120_000 });
  await shot(page, '03-moved');
  await act.click(bulk.getByTestId('bulk-close'), 'close the report');

  // 4. An original page in the viewer: one of the moved documents, opened from the results.
  await act.click(page.getByTestId('search-hit-open').first(), 'open a result');
  const viewer = page.getByTestId('original-viewer');
  await expect(viewer.getByTestId('viewer-stage')).toHaveAttribute('data-kind', /^(pdf|text|docx)$/);
  await expect(viewer.getByTestId('viewer-stage')).not.toHaveAttribute('data-rendered', '0');
  await expect(page.getByTestId('document-file-link')).toContainText(`${year}-01`);
  await shot(page, '04-original');

  // 5. Retention and box of the new hồ sơ, from the document's file card.
  await act.click(page.getByTestId('document-file-link'), 'the new hồ sơ');
  await expect(page.getByTestId('file-view')).toBeVisible();
  await act.click(page.getByTestId('edit-file'), 'edit the hồ sơ');
  await act.select(page.getByTestId('file-retentionCode'), 'VV', 'retention: permanent');
  await act.type(page.getByTestId('file-box'), 'Hộp 1', 'box');
  await act.click(page.getByTestId('file-form-submit'), 'save');
  await expect(page.getByTestId('file-dialog')).toBeHidden();

  // 6. The review fields of every document confirmed in bulk, and that bulk action undone.
  await act.key('/', 'to the search box');
  await act.key('Enter', 'browse every document');
  await act.click(page.getByTestId('filter-clear'), 'clear the filters');
  await expect(page.getByTestId('search-active-filters')).toHaveCount(0);
  await act.check(page.getByRole('checkbox', { name: 'Chọn cả trang' }), 'select the page');
  await act.click(page.getByTestId('bulk-select-all'), 'select all that match');
  const waiting = async () => Number(/\d+/.exec((await page.getByTestId('count-review').textContent())!)![0]);
  const before = await waiting();
  await act.click(page.getByTestId('bulk-review'), 'Xác nhận rà soát…');
  await act.click(bulk.getByTestId('bulk-submit'), 'confirm');
  await expect(bulk.getByTestId('bulk-report')).toBeVisible({ timeout: 300_000 });
  const confirmed = Number(await bulk.getByTestId('bulk-report').getAttribute('data-changed'));
  expect(confirmed).toBeGreaterThan(0);
  // Secret documents stay hidden (and unconfirmed) in the browser host.
  await expect.poll(waiting).toBeLessThan(before);
  await shot(page, '05-review-confirmed');
  await act.click(bulk.getByTestId('bulk-undo'), 'undo');
  await expect(bulk.getByTestId('bulk-undone')).toContainText(String(confirmed));
  await act.click(bulk.getByTestId('bulk-close'), 'close the report');
  await expect.poll(waiting).toBe(before);

  // 7. A handover batch to the provincial archive, with the new hồ sơ.
  await act.click(page.getByTestId('nav-handover'), 'Kiểm kê, bàn giao');
  await act.click(page.getByTestId('hv-new-batch'), 'new batch');
  await act.type(page.locator('#hv-code'), '01/BB-BG', 'minutes number');
  await act.select(page.locator('#hv-from'), 'Tỉnh ủy Đắk Lắk', 'the handing-over body');
  await act.select(page.locator('#hv-to'), '__new__', 'a new receiving body');
  await act.type(page.locator('#hv-to-new'), 'Đảng ủy xã Hòa Phú (mới)', 'its name');
  await act.click(page.getByTestId('hv-new-submit'), 'create the batch');
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'draft');
  await act.click(page.getByTestId('hv-add-files'), 'add files');
  await act.check(page.getByTestId('hv-select-all'), 'every file');
  await act.click(page.getByTestId('hv-add-submit'), 'add');
  await expect(page.getByTestId('hv-files-table').locator('tbody tr')).toHaveCount(1);
  await act.click(page.getByTestId('hv-list'), 'list the files');
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'listed');
  await shot(page, '06-batch-listed');

  // 8. The Mục lục exported, and the package made.
  const download = page.waitForEvent('download');
  await act.click(page.getByTestId('hv-export-fileList-xlsx'), 'export the Mục lục');
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await act.click(page.getByTestId('hv-pack'), 'make the package');
  await expect(page.getByTestId('hv-package-job')).toHaveAttribute('data-state', 'done', { timeout: 300_000 });
  await expect(page.getByTestId('hv-package-digest')).toHaveText(/^[0-9a-f]{64}$/);
  await shot(page, '07-packed');
  await expectAccessible(page, 'handover batch, packed');

  // Times are printed for the record, never asserted (a shared machine's timings are noise).
  const seconds = (ms: number) => (ms / 1000).toFixed(0);
  console.log(
    `intake to handover: ${act.count} user actions (goal ${GOAL}) for ${COUNT} documents, ${seconds(Date.now() - started)} s (import ${seconds(imported - started)} s)\n  ${act.log.join('\n  ')}`,
  );
  expect(act.count).toBeLessThanOrEqual(GOAL);
});
