/**
 * Search in the browser host, on a generated catalogue of 1,500 documents: typing a query one
 * character at a time updates the hits while every keystroke lands (the page never blocks), two
 * facets narrow the hits, a hit opens its document, and a number-symbol with Enter goes straight
 * to its document.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { defaultCataloguePath } from '../../electron/paths';
import { buildCatalogue } from '../bench/search/buildCatalogue';
import { generateDocuments } from '../bench/corpus/generate';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
  buildCatalogue(defaultCataloguePath(host.dataDir), { size: 1500, texts: 1000, seed: 3, citations: true });
});

test.afterAll(async () => {
  await host?.dispose();
});

/** The totals of every search answered while the test watches. */
function watchAnswers(page: Page): number[] {
  const totals: number[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/search.query')) return;
    response
      .json()
      .then((body: { ok: boolean; result?: { total: number } }) => {
        if (body.ok && body.result) totals.push(body.result.total);
      })
      .catch(() => undefined);
  });
  return totals;
}

test('as-you-type search, two facets, opening a hit, and a number-symbol jump', async ({ page }) => {
  await page.goto(await host.start());
  // The tree of a large catalogue (about 2,300 fonds here) shows at once; a fonds' files come when it is opened.
  const firstFonds = page.getByTestId('tree').locator('li.tree-fonds').first();
  await expect(firstFonds).toBeVisible();
  await firstFonds.locator('.tree-toggle').click();
  await expect(firstFonds.locator('.tree-children li').first()).toBeVisible();
  const input = page.getByTestId('search-input');
  await input.click();
  await input.pressSequentially('c');
  await expect(page.getByTestId('search-view')).toBeVisible();
  const answers = watchAnswers(page);

  // One character at a time, as a person types.
  const query = 'chuyển đổi số';
  await input.pressSequentially(query.slice(1), { delay: 90 });
  await expect(input).toHaveValue(query);
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expect(page.getByTestId('search-hit-snippet').first().locator('mark').first()).toBeVisible();
  // The page may still show the answer to an earlier keystroke for a moment; the final one marks the whole phrase.
  const firstMarks = page.getByTestId('search-hit-snippet').first().locator('mark');
  await expect.poll(async () => (await firstMarks.allTextContents()).join(' ').toLowerCase()).toMatch(/chuyển đổi số/);
  // Hits were asked for and answered while typing, not only once at the end, and the count shown is the last answer's.
  expect(new Set(answers).size, JSON.stringify(answers)).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('search-total')).toContainText(answers[answers.length - 1]!.toLocaleString('vi-VN'));
  await fullPageShot(page, 'search-01-typed');

  // Facets, with counts.
  await expect(page.getByTestId('facet-docType')).toBeVisible();
  const typeBox = page.getByTestId('facet-docType').locator('input[type=checkbox]').first();
  const typeValue = (await typeBox.getAttribute('data-testid'))!.replace('facet-docType-', '');
  const typeCount = Number((await page.getByTestId('facet-docType').getByTestId('facet-count').first().textContent())!.replace(/\D/g, ''));
  await typeBox.check();
  await expect(page.getByTestId('search-total')).toContainText(typeCount.toLocaleString('vi-VN'));
  await expect(page.getByTestId('search-active-filters')).toContainText(typeValue);

  const yearRow = page.getByTestId('facet-year').locator('label.facet-value').filter({ has: page.locator('input:not([disabled])') }).first();
  const yearBox = yearRow.locator('input[type=checkbox]');
  const year = (await yearBox.getAttribute('data-testid'))!.replace('facet-year-', '');
  const yearCount = Number((await yearRow.getByTestId('facet-count').textContent())!.replace(/\D/g, ''));
  await yearBox.check();
  await expect(page.getByTestId('search-total')).toContainText(yearCount.toLocaleString('vi-VN'));
  const hits = page.getByTestId('search-hit');
  const n = await hits.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await expect(hits.nth(i).locator('.hit-type')).toHaveText(typeValue);
    await expect(hits.nth(i).locator('.hit-date')).toContainText(year);
  }
  await fullPageShot(page, 'search-02-facets');

  // "Cites / cited by" of a hit, read from the catalogue's citations.
  const withCitations = hits.first().getByTestId('hit-citations');
  await withCitations.locator('summary').click();
  await expect(withCitations.locator('.hit-citations-body, p')).toBeVisible();

  // Open a hit.
  const number = await hits.first().getByTestId('search-hit-number').textContent();
  await hits.first().getByTestId('search-hit-open').click();
  await expect(page.getByTestId('document-view')).toBeVisible();
  await expect(page.getByTestId('document-number')).toHaveText(number!);
  await fullPageShot(page, 'search-03-document');

  // A number-symbol typed in another order, then Enter: straight to the document.
  const docs = [...generateDocuments({ count: 1500, seed: 3, withText: false })];
  const counts = new Map<string, number>();
  for (const d of docs) if (d.truth.numberSymbol) counts.set(d.truth.numberSymbol, (counts.get(d.truth.numberSymbol) ?? 0) + 1);
  const unique = docs.find((d) => d.truth.numberSymbol && counts.get(d.truth.numberSymbol) === 1 && /^\d+-\p{L}+\/\p{L}+$/u.test(d.truth.numberSymbol) && !d.truth.securityLevel)!;
  const [num, rest] = unique.truth.numberSymbol!.split('-');
  await input.fill('');
  await input.pressSequentially(`${rest} ${num}`);
  await expect(page.getByTestId('search-view')).toBeVisible();
  // The two facets are still applied: clear them, then Enter.
  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('search-active-filters')).toHaveCount(0);
  await input.press('Enter');
  await expect(page.getByTestId('document-view')).toBeVisible();
  await expect(page.getByTestId('document-number')).toHaveText(unique.truth.numberSymbol!);
  await fullPageShot(page, 'search-04-number-jump');
  expect(path.basename(defaultCataloguePath(host.dataDir))).toMatch(/\.sqlite$/);
});

/** The first number in the total line ("Tìm thấy 1.234 văn bản"). */
async function shownTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('search-total').textContent()) ?? '';
  return Number((/[\d.]+/.exec(text)?.[0] ?? '0').replace(/\./g, ''));
}

async function facetSum(page: Page, key: string): Promise<number> {
  const counts = await page.getByTestId(`facet-${key}`).getByTestId('facet-count').allTextContents();
  return counts.reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0);
}

test('counts that add up while typing and after Enter, the undated documents picked, a typo offered', async ({ page }) => {
  await page.goto(host.url || (await host.start()));
  const input = page.getByTestId('search-input');
  const filters = page.getByTestId('search-filters');
  await input.click();
  await input.pressSequentially('công tá', { delay: 60 });
  await expect(page.getByTestId('search-view')).toBeVisible();
  // Once the typing pauses, the counts are of the words shown, in the same mode: every document
  // has one security level, so that facet adds up to the total.
  await expect(filters).toHaveAttribute('aria-busy', 'false');
  await expect.poll(async () => (await facetSum(page, 'security')) === (await shownTotal(page)) && (await shownTotal(page)) > 0).toBe(true);
  await input.press('Enter');
  await expect(filters).toHaveAttribute('aria-busy', 'false');
  await expect.poll(async () => (await facetSum(page, 'security')) === (await shownTotal(page))).toBe(true);
  await fullPageShot(page, 'search-05-counts');

  // Every document, then the undated ones: their facet value is a filter like any other.
  await input.fill('');
  await input.press('Enter');
  await expect(filters).toHaveAttribute('aria-busy', 'false');
  const undated = page.getByTestId('facet-year-none');
  const undatedCount = Number((await page.getByTestId('facet-year').locator('label.facet-value', { has: undated }).getByTestId('facet-count').textContent())!.replace(/\D/g, ''));
  expect(undatedCount).toBeGreaterThan(0);
  await undated.check();
  await expect.poll(() => shownTotal(page)).toBe(undatedCount);
  const hits = page.getByTestId('search-hit');
  for (let i = 0; i < Math.min(5, await hits.count()); i++) await expect(hits.nth(i).locator('.hit-date')).toHaveCount(0);
  await fullPageShot(page, 'search-06-undated');
  await page.getByTestId('filter-clear').click();

  // A three-letter word with one letter wrong: the query whose words then stand side by side is
  // offered, as the documents spell it, and its hits shown; picking it searches it.
  await input.fill('ban giao tsi lieu');
  await input.press('Enter');
  await expect(page.getByTestId('search-did-you-mean')).toContainText('bàn giao tài liệu');
  await expect(hits.first()).toBeVisible();
  await fullPageShot(page, 'search-07-did-you-mean');
  await page.getByTestId('search-did-you-mean-text').click();
  await expect(input).toHaveValue('bàn giao tài liệu');
  await expect(page.getByTestId('search-did-you-mean')).toHaveCount(0);
  await expect(hits.first()).toBeVisible();
});
