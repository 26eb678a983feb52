/**
 * The review mode by keyboard alone: the queue walked one document at a time with its original
 * beside it; a field picked with the arrows is marked on the original, corrected (a date typed
 * dd/mm/yyyy), the document accepted with Enter, the next one shown, Esc back to the queue.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TestHost } from './host';
import { SCREENSHOT_DIR } from './screenshot';
import { expectAccessible } from './axe';

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

const fieldMarks = (page: import('@playwright/test').Page) =>
  page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('kholuu-field') ?? [])].map((r) => r.toString()));

test('walking the review queue with the keyboard, the original beside the fields', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nav-review').click();
  const waiting = Number((await page.getByTestId('review-total').textContent())!.match(/\d+/)![0]);
  expect(waiting).toBeGreaterThan(1);

  await page.getByTestId('review-walk-start').click();
  const walk = page.getByTestId('review-walk');
  await expect(walk.getByTestId('review-walk-position')).toHaveText(`Văn bản 1/${waiting} đang chờ rà soát`);
  const fields = walk.getByTestId('review-walk-fields');
  await expect(fields).toBeFocused();
  await expect(walk.getByTestId('viewer-stage')).toHaveAttribute('data-kind', 'text');
  const firstDoc = await fields.getAttribute('data-document-id');

  // A field with a passage in the text: picked with the arrows, its place is marked on the original.
  const rows = walk.getByTestId('review-walk-field');
  const count = await rows.count();
  let marked: string[] = [];
  for (let i = 0; i < count; i++) {
    if ((await rows.nth(i).getAttribute('data-active')) === 'true' && (await rows.nth(i).locator('mark').count()) > 0) {
      const expected = (await rows.nth(i).locator('mark').textContent())!;
      await expect.poll(async () => (marked = await fieldMarks(page)).length).toBeGreaterThan(0);
      expect(marked[0]!.replace(/\s+/g, ' ')).toBe(expected.replace(/\s+/g, ' '));
      break;
    }
    await page.keyboard.press('ArrowDown');
  }
  expect(marked.length).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-walk-01-field-on-original.png') });
  await expectAccessible(page, 'review walk');

  // Enter accepts the document and shows the next one.
  await page.keyboard.press('Enter');
  await expect(walk.getByTestId('review-walk-notice')).toContainText('Đã xác nhận');
  await expect(fields).not.toHaveAttribute('data-document-id', firstDoc!);
  await expect(walk.getByTestId('review-walk-position')).toHaveText(`Văn bản 1/${waiting - 1} đang chờ rà soát`);

  // N skips; P comes back.
  const second = await fields.getAttribute('data-document-id');
  await fields.focus();
  await page.keyboard.press('n');
  await expect(fields).not.toHaveAttribute('data-document-id', second!);
  await page.keyboard.press('p');
  await expect(fields).toHaveAttribute('data-document-id', second!);

  // A document whose date waits: corrected by keyboard, typed day first.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-view')).toBeVisible();
  await page.getByTestId('review-field-filter').selectOption('issueDate');
  await page.getByTestId('review-walk-start').click();
  await expect(fields).toBeFocused();
  const dateDoc = Number(await fields.getAttribute('data-document-id'));
  for (let i = 0; i < 20 && (await walk.locator('[data-testid="review-walk-field"][data-active="true"]').getAttribute('data-field')) !== 'issueDate'; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('e');
  const input = walk.getByTestId('review-walk-input');
  await expect(input).toBeFocused();
  await input.fill('30/6/2025');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'review-walk-02-correct-date.png') });
  await page.keyboard.press('Enter');
  await expect(fields).toBeFocused();
  await expect(walk.locator('[data-field="issueDate"]').getByTestId('review-walk-value')).toContainText('30/06/2025');
  await page.keyboard.press('Enter');
  await expect(walk.getByTestId('review-walk-notice')).toContainText('Đã xác nhận');
  await page.keyboard.press('Escape');
  await page.getByTestId('review-field-filter').selectOption('');

  // The record holds the corrected date.
  const stored = await page.evaluate(async (id) => {
    const reply = await fetch('api/documents.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
    return ((await reply.json()) as { result: { issueDate: string | null; reviewFields: string[] } }).result;
  }, dateDoc);
  expect(stored.issueDate).toBe('2025-06-30');
  expect(stored.reviewFields).not.toContain('issueDate');
});
