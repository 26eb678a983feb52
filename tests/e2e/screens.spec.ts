/**
 * The screens the other specs pass by without looking: the fonds page with its 2025 lineage and
 * its edit dialog, its files arranged (order not saved, its preview, renumbering); bodies and fonds (Đơn vị và phông) with their edit, lineage and removal
 * dialogs; a draft handover batch's particulars edited; the bulk dialogs not shown elsewhere
 * (review, add to a batch, remove) and the history of bulk actions. Each is photographed and
 * checked by axe-core (no serious or critical violation), on the sample fonds.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

const shot = (page: Page, name: string) => fullPageShot(page, `screens-${name}`);

test('fonds and bodies, their lineage and dialogs; batch particulars; bulk review, batch, removal and history', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });

  // The fonds page names what became of its creating body in 2025.
  const lineage = page.getByTestId('fonds-lineage');
  await expect(lineage.locator('.lineage-list li')).not.toHaveCount(0);
  await shot(page, '01-fonds-lineage');
  await expectAccessible(page, 'fonds page with its lineage');

  await lineage.getByTestId('fonds-edit').click();
  const fondsDialog = page.getByTestId('fonds-dialog');
  await expect(fondsDialog.getByTestId('fonds-edit-code')).not.toHaveValue('');
  await shot(page, '02-fonds-dialog');
  await expectAccessible(page, 'fonds dialog', '[data-testid=fonds-dialog]');
  await fondsDialog.getByTestId('fonds-edit-form-cancel').click();
  await expect(fondsDialog).toHaveCount(0);

  // Its files arranged: the last moved to the top, the order not saved yet, its preview, renumbering.
  const fileRows = page.getByTestId('files-table').locator('tbody tr');
  await fileRows.last().getByRole('button', { name: /lên$/ }).click();
  await expect(page.getByTestId('file-order-pending')).toBeVisible();
  await shot(page, '02a-files-arranged');
  await expectAccessible(page, 'fonds files arranged, not saved');
  await page.getByTestId('file-order-save').click();
  const orderDialog = page.getByTestId('file-order-dialog');
  await expect(orderDialog.getByTestId('file-order-preview')).toBeVisible();
  await shot(page, '02b-files-order-preview');
  await expectAccessible(page, 'file order preview', '[data-testid=file-order-dialog]');
  await orderDialog.getByTestId('file-order-cancel-dialog').click();
  await page.getByTestId('file-order-discard').click();
  await expect(page.getByTestId('file-order-pending')).toHaveCount(0);
  await page.getByTestId('file-order-renumber').click();
  await orderDialog.getByTestId('file-order-start').fill('x');
  await expect(orderDialog.getByTestId('file-order-submit')).toBeDisabled();
  await shot(page, '02c-files-renumber-invalid');
  await expectAccessible(page, 'renumber dialog, start not a number', '[data-testid=file-order-dialog]');
  await orderDialog.getByTestId('file-order-cancel-dialog').click();
  await expect(orderDialog).toHaveCount(0);

  // Đơn vị và phông: every body with its lineage, every fonds, each editable and removable.
  await page.getByTestId('nav-structure').click();
  const structure = page.getByTestId('structure-view');
  await expect(structure.getByTestId('org-table').locator('tbody tr')).toHaveCount(2);
  await expect(structure.getByTestId('org-table').locator('.lineage-list').first()).toBeVisible();
  await shot(page, '03-structure');
  await expectAccessible(page, 'bodies and fonds');

  await structure.locator('[data-testid^="org-edit-"]').first().click();
  const orgDialog = page.getByTestId('org-dialog');
  await expect(orgDialog.getByTestId('org-name')).not.toHaveValue('');
  await shot(page, '04-org-dialog');
  await expectAccessible(page, 'organization dialog', '[data-testid=org-dialog]');
  await orgDialog.getByTestId('org-form-cancel').click();

  await structure.locator('[data-testid^="org-lineage-"]').first().click();
  const lineageDialog = page.getByTestId('lineage-dialog');
  await lineageDialog.getByTestId('lineage-kind-merged').check();
  await lineageDialog.getByTestId('lineage-other').selectOption({ index: 1 });
  await lineageDialog.getByTestId('lineage-date').fill('01/07/2025');
  await lineageDialog.getByTestId('lineage-basis').fill('Nghị quyết số 60-NQ/TW');
  await shot(page, '05-lineage-dialog');
  await expectAccessible(page, 'lineage dialog', '[data-testid=lineage-dialog]');
  await lineageDialog.getByTestId('lineage-form-cancel').click();

  await structure.locator('[data-testid^="fonds-remove-"]').first().click();
  const reasonDialog = page.getByTestId('reason-dialog');
  await reasonDialog.getByTestId('structure-reason').fill('Nhập trùng phông');
  await shot(page, '06-remove-fonds');
  await expectAccessible(page, 'remove a fonds', '[data-testid=reason-dialog]');
  await reasonDialog.getByTestId('reason-form-cancel').click();
  await expect(reasonDialog).toHaveCount(0);

  // A draft batch: its particulars are edited on its page.
  await page.getByTestId('nav-handover').click();
  await page.getByTestId('hv-new-batch').click();
  await page.locator('#hv-code').fill('02/BB-BG');
  await page.getByTestId('hv-new-submit').click();
  await expect(page.getByTestId('hv-batch-view')).toHaveAttribute('data-status', 'draft');
  // What keeps it from the next step, in words.
  await expect(page.getByTestId('hv-blockers').locator('li')).toHaveText(['Đợt bàn giao chưa có hồ sơ nào.']);
  const particulars = page.getByTestId('hv-particulars');
  await particulars.getByTestId('hv-date').fill('15/08/2025');
  await particulars.getByTestId('hv-save-particulars').click();
  await expect(particulars.locator('.hv-saved')).toBeVisible();
  await expect(particulars.getByTestId('hv-date')).toHaveValue('15/08/2025');
  await shot(page, '07-batch-particulars');
  await expectAccessible(page, 'draft batch, particulars edited');

  // Every document selected; the bulk dialogs that the other specs do not open.
  const input = page.getByTestId('search-input');
  await input.fill('');
  await input.press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'Chọn cả trang' }).check();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '5');
  const dialog = page.getByTestId('bulk-dialog');

  await page.getByTestId('bulk-remove').click();
  await dialog.getByTestId('bulk-remove-reason').fill('Nhập nhầm');
  await shot(page, '08-bulk-remove');
  await expectAccessible(page, 'bulk removal dialog', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-cancel-dialog').click();
  await expect(dialog).toHaveCount(0);

  await page.getByTestId('bulk-batch').click();
  await expect(dialog.getByTestId('bulk-batch').locator('option')).not.toHaveCount(0);
  await shot(page, '09-bulk-batch');
  await expectAccessible(page, 'add to a batch dialog', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-cancel-dialog').click();

  await page.getByTestId('bulk-review').click();
  await expect(dialog.getByTestId('bulk-summary')).toBeVisible();
  await shot(page, '10-bulk-review');
  await expectAccessible(page, 'bulk review dialog', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-submit').click();
  await expect(dialog.getByTestId('bulk-report')).toBeVisible();
  await shot(page, '11-bulk-review-report');
  await expectAccessible(page, 'bulk review report', '[data-testid=bulk-dialog]');
  await dialog.getByTestId('bulk-close').click();

  // The history of bulk actions, each with its undo.
  await page.getByTestId('nav-bulk-history').click();
  const history = page.getByTestId('bulk-history');
  await expect(history.locator('[data-testid^="bulk-op-undo-"]')).toHaveCount(1);
  await shot(page, '12-bulk-history');
  await expectAccessible(page, 'bulk actions history');
});
