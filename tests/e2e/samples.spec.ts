/** The welcome screen's "Nạp phông tài liệu mẫu" loads the five sample documents. */
import { expect, test } from '@playwright/test';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';


let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

test('loading the sample fonds from the welcome screen', async ({ page }) => {
  await page.goto(await host.start());
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('fonds-view')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 5');
  await expect(page.getByTestId('count-fonds')).toHaveText('Phông: 1');
  await fullPageShot(page, 'samples-01-fonds');
});
