/**
 * "An toàn dữ liệu" in the browser host: audit and integrity checks, backup now and restore with
 * its preview, removing a document with a reason and restoring it, a destruction decision through
 * export → confirm (with the exported file) → quarantine, secret records hidden until unlocked,
 * and an encrypted catalogue opened from the unlock screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { expect, test, type Page } from '@playwright/test';
import { TestHost } from './host';
import { fullPageShot } from './screenshot';
import { errorText } from '../../shared/contract/errors';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const SECRET_DOC = path.join(REPO, 'tests/fixtures/documents/f05_bao_cao_ubkt_mat.txt');

/** Calls the contract from the page, as the UI does (the session cookie authenticates it). */
async function api<T = unknown>(page: Page, op: string, input: unknown = {}): Promise<T> {
  const reply = await page.evaluate(
    async ([name, body]) => {
      const res = await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return res.json();
    },
    [op, input] as const,
  );
  if (!reply.ok) throw new Error(`${op}: ${errorText('vi', reply.error)}`);
  return reply.result as T;
}

async function waitJob(page: Page, jobId: string) {
  for (;;) {
    const s = await api<{ state: string }>(page, 'jobs.get', { jobId });
    if (s.state !== 'running') return s;
    await page.waitForTimeout(50);
  }
}

let host: TestHost;

test.beforeAll(async () => {
  host = await TestHost.fresh();
});

test.afterAll(async () => {
  await host?.dispose();
});

test('checks, backups and restore, removal, destruction, secret records', async ({ page }) => {
  await page.goto(await host.start());
  await page.getByTestId('load-samples').click();
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 5', { timeout: 60_000 });

  // Checks.
  await page.getByTestId('nav-safety').click();
  await expect(page.getByTestId('safety-view')).toBeVisible();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-ok')).toContainText('Nhật ký nguyên vẹn');
  await page.getByTestId('integrity-check').click();
  await expect(page.getByTestId('integrity-verdict')).toContainText('Nguyên vẹn');
  await expect(page.getByTestId('integrity-result')).toContainText('5 bản gốc khớp SHA-256');
  await fullPageShot(page, 'safety-01-checks');

  // Backup now.
  await page.getByTestId('safety-tab-backups').click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-notice')).toContainText('Đã sao lưu');
  const firstBackup = (await api<Array<{ id: string }>>(page, 'backups.list'))[0]!.id;
  await page.getByTestId(`backup-verify-${firstBackup}`).click();
  await expect(page.getByTestId(`backup-verify-ok-${firstBackup}`)).toBeVisible();
  await fullPageShot(page, 'safety-02-backups');

  // Remove a document with a reason, from its page.
  const docs = await api<{ items: Array<{ id: number; numberSymbol: string | null }> }>(page, 'documents.list', { fondsId: 1 });
  const victim = docs.items.find((d) => d.numberSymbol === '1485-KL/TU')!;
  await page.getByTestId('tree-fonds-1').getByRole('button', { name: /MAU-01/ }).click();
  await page.getByTestId('file-link-1').click();
  await page.getByTestId(`document-link-${victim.id}`).click();
  await page.getByTestId('remove-document').click();
  await page.getByTestId('remove-dialog-submit').click();
  await expect(page.getByTestId('error-remove-reason')).toBeVisible();
  await page.getByTestId('remove-reason').fill('Văn bản của Tỉnh ủy, không thuộc phông Huyện ủy');
  await fullPageShot(page, 'safety-03-remove-dialog');
  await page.getByTestId('remove-dialog-submit').click();
  await expect(page.getByTestId('removed-banner')).toContainText('không thuộc phông Huyện ủy');
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 4');
  await fullPageShot(page, 'safety-04-removed-document');

  // It is listed among removed records and comes back from there.
  await page.getByTestId('nav-safety').click();
  await page.getByTestId('safety-tab-removed').click();
  await expect(page.getByTestId(`removed-document-${victim.id}`)).toContainText('1485-KL/TU');
  await fullPageShot(page, 'safety-05-removed-list');
  await page.getByTestId(`restore-document-${victim.id}`).click();
  await expect(page.getByTestId('removed-table')).toBeHidden();
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 5');

  // Change something, then restore the first backup: the preview shows what it replaces.
  await api(page, 'documents.remove', { id: victim.id, reason: 'Thử khôi phục bản sao lưu' });
  await page.getByTestId('safety-tab-backups').click();
  await page.getByTestId(`backup-restore-${firstBackup}`).click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByTestId('restore-count-documents')).toContainText('4');
  await expect(dialog.getByTestId('restore-count-documents')).toContainText('5');
  await expect(dialog.getByTestId('restore-undone')).toContainText('thay đổi ghi sau thời điểm sao lưu');
  await expect(dialog.getByTestId('restore-differences')).toContainText('1485-KL/TU');
  await fullPageShot(page, 'safety-06-restore-preview');
  await dialog.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('backup-notice')).toContainText('Đã khôi phục');
  await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 5');

  // Destruction: an expired fixed-term file with one document.
  const file = await api<{ id: number }>(page, 'files.create', { fondsId: 1, code: '9', title: 'Công văn hành chính năm 2012', retentionCode: '10', startDate: '2012-01-03', endDate: '2012-12-28' });
  const upload = { name: 'cong-van-2012.txt', contentBase64: Buffer.from('HUYỆN ỦY MẪU\nSố 12-CV/HU\nV/v mua văn phòng phẩm năm 2012\n').toString('base64') };
  await waitJob(page, (await api<{ jobId: string }>(page, 'import.start', { target: { fondsId: 1, fileId: file.id }, uploads: [upload] })).jobId);
  await page.getByTestId('safety-tab-destruction').click();
  await page.getByTestId(`candidate-${file.id}`).check();
  await page.getByTestId('destruction-record').click();
  await page.getByTestId('decision-decisionNumber').fill('31-QĐ/HU');
  await page.getByTestId('decision-decisionDate').fill('2025-06-20');
  await page.getByTestId('decision-approvedBy').fill('Ban Thường vụ Huyện ủy Mẫu');
  await page.getByTestId('decision-basis').fill('Biên bản họp Hội đồng xác định giá trị tài liệu ngày 10/6/2025');
  await fullPageShot(page, 'safety-07-decision-form');
  await page.getByTestId('decision-form-submit').click();
  const decision = page.locator('[data-testid^="decision-state-"]').first();
  await expect(decision).toHaveText('Đã ghi nhận');
  const id = (await decision.getAttribute('data-testid'))!.replace('decision-state-', '');
  const downloaded = page.waitForEvent('download');
  await page.getByTestId(`decision-export-${id}`).click();
  const list = await downloaded;
  const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-list-')), list.suggestedFilename());
  await list.saveAs(listFile);
  expect(fs.readFileSync(listFile, 'utf8')).toContain('Công văn hành chính năm 2012');
  await expect(page.getByTestId(`decision-state-${id}`)).toHaveText('Đã xuất danh mục');
  await page.getByTestId(`decision-confirm-${id}`).setInputFiles(listFile);
  await expect(page.getByTestId(`decision-state-${id}`)).toHaveText('Đã thi hành');
  const quarantine = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-quarantine-'));
  await page.getByTestId(`decision-quarantine-${id}`).fill(quarantine);
  await page.getByTestId(`decision-move-${id}`).click();
  await expect(page.getByTestId(`decision-${id}`)).toContainText('Bản gốc đã chuyển tới');
  expect(fs.readdirSync(quarantine)).toHaveLength(1);
  await fullPageShot(page, 'safety-08-destruction');

  // Secret records: hidden in the browser host until unlocked with a reason.
  const secret = { name: path.basename(SECRET_DOC), contentBase64: fs.readFileSync(SECRET_DOC).toString('base64') };
  await waitJob(page, (await api<{ jobId: string }>(page, 'import.start', { target: { fondsId: 1, fileId: 1 }, uploads: [secret] })).jobId);
  await page.getByTestId('safety-tab-access').click();
  await expect(page.getByTestId('secrets-visibility')).toContainText('đang được ẩn');
  await expect(page.getByTestId('secrets-status')).toContainText('1 văn bản mật');
  const hidden = await api<{ total: number; hiddenSecret?: number }>(page, 'documents.list', { fileId: 1 });
  expect(hidden.hiddenSecret).toBe(1);
  // The import run names its source (the secret file) by the withheld notice, in the interface's language.
  await page.getByTestId('nav-import-runs').click();
  const secretRun = page.getByTestId('import-run-row').first();
  await expect(secretRun).toContainText('[Tài liệu mật — không hiển thị]');
  await expect(secretRun).not.toContainText(path.basename(SECRET_DOC));
  await page.getByTestId('locale-en').click();
  await expect(secretRun).toContainText('[Secret record — not shown]');
  await page.getByTestId('locale-vi').click();
  await page.getByTestId('nav-safety').click();
  await page.getByTestId('safety-tab-access').click();
  await page.getByTestId('secrets-reason').fill('Lập danh mục hồ sơ mật để bàn giao');
  await page.getByTestId('secrets-unlock').click();
  await expect(page.getByTestId('secrets-visibility')).toContainText('Đang hiển thị');
  await expect(page.getByTestId('secrets-grant')).toContainText('Lập danh mục hồ sơ mật để bàn giao');
  expect((await api<{ total: number }>(page, 'documents.list', { fileId: 1 })).total).toBe(hidden.total + 1);
  await fullPageShot(page, 'safety-09-secrets');
  await page.getByTestId('secrets-lock').click();
  await expect(page.getByTestId('secrets-visibility')).toContainText('đang được ẩn');
  const trail = await api<Array<{ action: string }>>(page, 'audit.list', { limit: 5 });
  expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['secrets.unlock', 'secrets.lock']));
});

test('an encrypted catalogue opens from the unlock screen', async ({ page }) => {
  const encrypted = await TestHost.fresh();
  try {
    const keyFile = path.join(encrypted.dataDir, 'khoa.txt');
    fs.writeFileSync(keyFile, 'mật khẩu văn phòng huyện ủy');
    // Created encrypted by the command line, then served by the browser host.
    execFileSync(path.join(REPO, 'node_modules/.bin/tsx'), ['electron/cli/main.ts', '--db', path.join(encrypted.dataDir, 'catalogue.sqlite'), '--passphrase-file', keyFile, 'backup', 'settings'], {
      cwd: REPO,
      stdio: 'ignore',
    });
    await page.goto(await encrypted.start());
    await expect(page.getByTestId('unlock-screen')).toBeVisible();
    await page.getByTestId('unlock-passphrase').fill('đoán thử');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-screen').getByTestId('error-banner')).toContainText('Mật khẩu không đúng');
    await fullPageShot(page, 'safety-10-unlock');
    await page.getByTestId('unlock-passphrase').fill('mật khẩu văn phòng huyện ủy');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.getByTestId('nav-safety').click();
    await page.getByTestId('safety-tab-access').click();
    await expect(page.getByTestId('encryption-status')).toContainText('được mã hóa (sqlcipher)');
    await fullPageShot(page, 'safety-11-encrypted');
  } finally {
    await encrypted.dispose();
  }
});

test('encrypting asks where earlier exports go; the encrypted catalogue then exports as a download only', async ({ page }) => {
  const exporting = await TestHost.fresh();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-e2e-exports-'));
  try {
    await page.goto(await exporting.start());
    await page.getByTestId('load-samples').click();
    await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 5', { timeout: 60_000 });
    const fondsId = (await api<Array<{ id: number }>>(page, 'fonds.list'))[0]!.id;
    // An export made the ordinary way, into the catalogue's exports folder.
    const made = await api<{ path: string; fileName: string }>(page, 'handover.export', { fondsId, form: 'fileList', format: 'csv' });
    expect(fs.existsSync(made.path)).toBe(true);

    await page.getByTestId('nav-safety').click();
    await page.getByTestId('safety-tab-access').click();
    await page.getByTestId('passphrase-next').fill('mật khẩu văn phòng huyện ủy');
    await page.getByTestId('passphrase-repeat').fill('mật khẩu văn phòng huyện ủy');
    await page.getByTestId('encryption-submit').click();
    // Refused, naming the export; nothing encrypted yet.
    await expect(page.getByTestId('encryption-form').getByTestId('error-banner')).toContainText(made.fileName);
    // The app's own sentence: the form offers the ways on, so no command-line option is named.
    await expect(page.getByTestId('encryption-form').getByTestId('error-banner')).not.toContainText('--');
    await expect(page.getByTestId('encryption-exports')).toBeVisible();
    await expect(page.getByTestId('encryption-status')).toContainText('chưa được mã hóa');
    await fullPageShot(page, 'safety-13-encrypt-exports');

    await page.getByTestId('encryption-exports-folder').fill(outside);
    await page.getByTestId('encryption-submit').click();
    // The work runs as a job whose progress shows under the form until it is done.
    await expect(page.getByTestId('encryption-job')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('encryption-exports-moved')).toContainText(outside);
    await fullPageShot(page, 'safety-14-encrypt-done');
    await expect(page.getByTestId('encryption-status')).toContainText('được mã hóa (sqlcipher)');
    expect(fs.readdirSync(outside)).toEqual([made.fileName]);
    expect(fs.existsSync(made.path)).toBe(false);

    // Encrypted: the export comes as a download and nothing is written in the data folder.
    await page.getByTestId('nav-handover').click();
    await page.getByTestId(`hv-inventory-${fondsId}`).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('hv-export-fileList-csv').click();
    expect((await download).suggestedFilename()).toBe(made.fileName);
    await expect(page.getByTestId('hv-export-downloaded')).toContainText(made.fileName);
    expect(fs.readdirSync(path.dirname(made.path))).toEqual([]);
  } finally {
    await exporting.dispose();
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('a tampered audit row is pointed at by "Kiểm tra nhật ký"', async ({ page }) => {
  const tampered = await TestHost.fresh();
  try {
    await page.goto(await tampered.start());
    await page.getByTestId('load-samples').click();
    await expect(page.getByTestId('count-documents')).toHaveText('Văn bản: 5', { timeout: 60_000 });
    // Someone edits one audit row behind the app's back (dropping the guard trigger first).
    const raw = new BetterSqlite3(path.join(tampered.dataDir, 'catalogue.sqlite'));
    const row = raw.prepare("SELECT id, actor FROM audit_log WHERE action = 'fonds.create'").get() as { id: number; actor: string };
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare('UPDATE audit_log SET actor = ? WHERE id = ?').run(`${row.actor}x`, row.id);
    raw.close();
    await page.getByTestId('nav-safety').click();
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-broken')).toContainText(`chuỗi băm đứt tại dòng ${row.id}`);
    await expect(page.getByTestId('audit-broken-row')).toContainText('fonds.create');
    await fullPageShot(page, 'safety-12-audit-broken');
  } finally {
    await tampered.dispose();
  }
});
