/** Backups: consistent, incremental for originals, verified, rotated, and restored exactly. */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { sentence } from '../../../shared/contract/errors';
import { contentDigest } from '../../../electron/data/catalogueSummary';
import { initial } from '../../../electron/data/migrations/0001-initial';
import { SCHEMA_VERSION } from '../../../electron/data/migrations';
import { startBackupScheduler } from '../../../electron/services/safety/backups/scheduler';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { tempDir, waitForJob } from '../../support/services';
import { archiveWithFiles, callError, importInto, openSafetyApp } from '../../support/safety';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});
function start(dir?: string, options: Parameters<typeof openSafetyApp>[1] = {}): TestApp {
  const app = openSafetyApp(dir, options);
  apps.push(app);
  return app;
}

function digestOf(app: TestApp) {
  return contentDigest(app.services.context.catalogue.db);
}

async function archive(app: TestApp) {
  const world = await archiveWithFiles(app);
  const documentIds = await importInto(app, { fondsId: world.fonds.id, fileId: world.fixed.id }, [SEED.conclusion1485, SEED.letter4029]);
  return { ...world, documentIds };
}

describe('backups', () => {
  it('takes a backup before a bulk import (paths on this machine), not before a few uploaded files', async () => {
    const app = start();
    const { fonds, fixed } = await archiveWithFiles(app);
    await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485]);
    expect(await app.call('backups.list', {})).toEqual([]);

    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id, fileId: fixed.id }, paths: [SEED.haTinh, SEED.laoCai] });
    const status = await waitForJob(app, jobId);
    expect(status.imported).toBe(2);
    const backups = await app.call('backups.list', {});
    expect(backups.map((b) => b.reason)).toEqual(['pre-import']);
    // Taken before the import wrote anything: it holds the one earlier document only.
    expect(backups[0]!.summary.counts).toMatchObject({ documents: 1 });
  });

  it('copies the catalogue and the originals; the next backup hard-links originals it already has', async () => {
    const app = start();
    const { fonds, fixed } = await archive(app);
    const first = await app.call('backups.create', { note: 'Trước khi nhập đợt 2' });
    expect(first.originals).toMatchObject({ included: true, count: 2, copied: 2, linked: 0, problems: [] });
    expect(first.summary.counts).toMatchObject({ documents: 2, files: 2, fonds: 1 });
    expect(fs.existsSync(path.join(first.path, 'catalogue.sqlite'))).toBe(true);

    await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.haTinh]);
    const second = await app.call('backups.create', {});
    expect(second.originals).toMatchObject({ count: 3, copied: 1, linked: 2 });
    const att = (await app.call('documents.get', { id: 1 })).attachments[0]!;
    const rel = path.join(att.sha256.slice(0, 2), `${att.sha256}.txt`);
    expect(fs.statSync(path.join(second.path, 'originals', rel)).ino).toBe(fs.statSync(path.join(first.path, 'originals', rel)).ino);

    const list = await app.call('backups.list', {});
    expect(list.map((b) => b.id)).toEqual([second.id, first.id]);
    expect((await app.call('backups.verify', { id: first.id })).ok).toBe(true);
    // The backup is in the audit log with its hash.
    const rows = await app.call('audit.list', { limit: 20 });
    expect(rows.find((r) => r.action === 'backup.create' && (r.after as { id: string }).id === second.id)?.after).toMatchObject({ catalogueSha256: second.catalogueSha256 });
  });

  it('detects a one-byte edit to a backup’s catalogue copy (even with its manifest rewritten) and to a backed-up original', async () => {
    const app = start();
    await archive(app);
    const backup = await app.call('backups.create', {});
    const copy = path.join(backup.path, 'catalogue.sqlite');
    const bytes = fs.readFileSync(copy);
    const at = bytes.indexOf(Buffer.from('1485-KL/TU'));
    bytes[at] = '2'.charCodeAt(0);
    fs.writeFileSync(copy, bytes);
    const edited = await app.call('backups.verify', { id: backup.id });
    expect(edited.ok).toBe(false);
    expect(edited.problems.join(' ')).toMatch(/bị thay đổi sau khi sao lưu/);
    // The same problem as a code, worded in English for the English interface.
    expect(edited.problemTexts?.map((p) => p.code)).toContain('backupCheck.copyChanged');
    expect(edited.problemTexts?.map((p) => sentence('en', p)).join(' ')).toMatch(/was changed after the backup/);
    // Rewriting the manifest's hash does not hide it: the audit log recorded the original hash.
    const manifestFile = path.join(backup.path, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.catalogueSha256 = (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(copy)).digest('hex');
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const rewritten = await app.call('backups.verify', { id: backup.id });
    expect(rewritten.ok).toBe(false);
    expect(rewritten.problems.join(' ')).toMatch(/không khớp với nhật ký/);
    // A tampered backup is refused for restore.
    expect((await callError(app, 'backups.previewRestore', { id: backup.id })).kind).toBe('conflict');

    const second = await app.call('backups.create', {});
    const originalsDir = path.join(second.path, 'originals');
    const original = fs.readdirSync(originalsDir).map((d) => path.join(originalsDir, d, fs.readdirSync(path.join(originalsDir, d))[0]!))[0]!;
    const content = fs.readFileSync(original);
    content[10] = content[10]! ^ 1;
    fs.writeFileSync(original, content);
    const damaged = await app.call('backups.verify', { id: second.id });
    expect(damaged.ok).toBe(false);
    expect(damaged.problems.join(' ')).toMatch(/Bản gốc trong bản sao lưu đã bị thay đổi/);
  });

  it('restores the exact catalogue: counts and content hashes equal, after showing what it will replace', async () => {
    const app = start();
    const { fonds, fixed, documentIds } = await archive(app);
    await app.call('documents.remove', { id: documentIds[1]!, reason: 'Bản trùng' });
    const backup = await app.call('backups.create', {});
    const atBackup = digestOf(app);
    const auditAtBackup = atBackup.tables.audit_log!;

    // Later changes: an edit, a new document, a removed file, an original gone missing.
    await app.call('files.update', { id: fixed.id, patch: { title: 'Đã sửa sau khi sao lưu', box: 'Hộp 2' } });
    const [later] = await importInto(app, { fondsId: fonds.id }, [SEED.haTinh]);
    await app.call('documents.restore', { id: documentIds[1]! });
    const att = (await app.call('documents.get', { id: documentIds[0]! })).attachments[0]!;
    const managed = path.join(app.services.context.catalogue.originalsDir, att.sha256.slice(0, 2), `${att.sha256}.txt`);
    fs.rmSync(managed);

    const preview = await app.call('backups.previewRestore', { id: backup.id });
    expect(preview.current.counts.documents).toBe(3);
    expect(preview.backup.summary.counts.documents).toBe(1);
    expect(preview.changesUndone).toBeGreaterThanOrEqual(4);
    expect(preview.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: later, change: 'lost' }),
        expect.objectContaining({ id: documentIds[1], change: 'changed' }),
      ]),
    );
    // Something changes after the preview: the restore is refused until previewed again.
    await app.call('files.update', { id: fixed.id, patch: { notes: 'ghi chú' } });
    expect((await callError(app, 'backups.restore', { id: backup.id, confirmToken: preview.confirmToken })).kind).toBe('conflict');

    const again = await app.call('backups.previewRestore', { id: backup.id });
    const result = await app.call('backups.restore', { id: backup.id, confirmToken: again.confirmToken });
    expect(result.originalsRestored).toBe(1);
    expect(fs.existsSync(managed)).toBe(true);

    const now = digestOf(app);
    for (const [table, d] of Object.entries(atBackup.tables)) {
      if (table === 'audit_log') continue;
      expect(now.tables[table], table).toEqual(d);
    }
    expect(Object.keys(now.tables).sort()).toEqual(Object.keys(atBackup.tables).sort());
    // The audit log is the copy's (taken just before its own `backup.create` row), then one row
    // recording the restore, and the chain holds.
    expect(now.tables.audit_log!.rows).toBe(auditAtBackup.rows);
    const last = (await app.call('audit.list', { limit: 1 }))[0]!;
    expect(last.action).toBe('catalogue.restore');
    expect(last.before).toMatchObject({ safetyBackupId: result.safetyBackupId });
    expect((await app.call('audit.verify', {})).ok).toBe(true);
    // Search answers from the restored index.
    expect((await app.call('search.query', { text: '1485-KL/TU' })).hits.map((h) => h.documentId)).toEqual([documentIds[0]]);
    expect((await app.call('search.query', { text: 'Hà Tĩnh' })).hits.map((h) => h.documentId)).not.toContain(later);
    // The state before the restore was kept: restoring it brings the later document back.
    const undo = await app.call('backups.previewRestore', { id: result.safetyBackupId });
    await app.call('backups.restore', { id: result.safetyBackupId, confirmToken: undo.confirmToken });
    expect((await app.call('documents.get', { id: later! })).numberSymbol).not.toBeUndefined();
    expect((await app.call('files.get', { id: fixed.id })).notes).toBe('ghi chú');
  });

  it('keeps backups by the rotation policy and records what it pruned', async () => {
    const clock = { now: '2025-05-01T08:00:00.000Z' };
    const app = start(undefined, { clock });
    await archive(app);
    await app.call('backups.configure', { keepLast: 2, keepDaily: 2, keepWeekly: 0 });
    const made: string[] = [];
    for (const day of ['01', '02', '03', '04']) {
      for (const hour of ['08', '16']) {
        clock.now = `2025-05-${day}T${hour}:00:00.000Z`;
        made.push((await app.call('backups.create', {})).id);
      }
    }
    const kept = (await app.call('backups.list', {})).map((b) => b.id);
    // The two newest, plus the newest of each of the last two days (same ones here, plus 3 May 16:00).
    expect(kept).toEqual([made[7], made[6], made[5]]);
    const pruned = (await app.call('audit.list', { limit: 100 })).filter((r) => r.action === 'backup.prune').flatMap((r) => (r.after as { pruned: string[] }).pruned);
    expect(pruned.sort()).toEqual(made.slice(0, 5).sort());
  });

  it('the scheduler backs up when the interval has passed and something changed, not otherwise', async () => {
    const clock = { now: '2025-05-01T08:00:00.000Z' };
    const app = start(undefined, { clock });
    const ctx = app.services.context;
    const scheduler = startBackupScheduler(ctx, { checkEveryMs: 3_600_000, log: () => {} });
    try {
      await app.call('backups.configure', { intervalHours: 6 });
      const { fixed } = await archive(app);
      expect(await scheduler.tick()).toBeNull(); // never backed up, but only just opened
      clock.now = '2025-05-01T08:11:00.000Z';
      expect((await scheduler.tick())?.reason).toBe('scheduled');
      clock.now = '2025-05-01T10:00:00.000Z';
      await app.call('files.update', { id: fixed.id, patch: { box: 'Hộp 1' } });
      expect(await scheduler.tick()).toBeNull(); // not due yet
      clock.now = '2025-05-01T15:00:00.000Z';
      expect((await scheduler.tick())?.reason).toBe('scheduled');
      clock.now = '2025-05-02T15:00:00.000Z';
      expect(await scheduler.tick()).toBeNull(); // due, but nothing changed
      await app.call('backups.configure', { intervalHours: 0 });
      await app.call('files.update', { id: fixed.id, patch: { box: 'Hộp 2' } });
      clock.now = '2025-05-05T15:00:00.000Z';
      expect(await scheduler.tick()).toBeNull(); // turned off
    } finally {
      await scheduler.stop();
    }
  });

  it('backs up a catalogue with pending migrations before running them, and records the migration', async () => {
    const dir = tempDir('kholuu-old-');
    const file = path.join(dir, 'catalogue.sqlite');
    // A catalogue as the first release wrote it (schema 1), with one organization.
    const old = new BetterSqlite3(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    initial.up(old);
    old.exec("INSERT INTO schema_migrations VALUES (1, 'initial', '2025-01-01T00:00:00Z'); PRAGMA user_version = 1");
    old.prepare("INSERT INTO organizations (name, level, created_at, updated_at) VALUES ('Huyện ủy Lắk', 'district', 'x', 'x')").run();
    old.close();

    const app = start(dir);
    expect(app.services.context.catalogue.schemaVersion).toBe(SCHEMA_VERSION);
    const backups = await app.call('backups.list', {});
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'pre-migration', summary: { schemaVersion: 1 }, originals: { included: false } });
    const copy = new BetterSqlite3(path.join(backups[0]!.path, 'catalogue.sqlite'), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect((copy.prepare('SELECT name FROM organizations').get() as { name: string }).name).toBe('Huyện ủy Lắk');
    copy.close();
    const migrate = (await app.call('audit.list', { limit: 5 })).find((r) => r.action === 'catalogue.migrate');
    expect(migrate).toMatchObject({ before: { schemaVersion: 1 }, after: { schemaVersion: SCHEMA_VERSION, backupId: backups[0]!.id } });
    expect((await app.call('backups.verify', { id: backups[0]!.id })).ok).toBe(true);
  });
});
