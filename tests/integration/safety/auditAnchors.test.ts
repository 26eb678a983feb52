/**
 * The audit chain anchored outside the catalogue file. Someone who can write the file can cut rows
 * from the end of the log, cut it back to the last backup (and delete that backup), or edit a row
 * and recompute every hash after it with the product's own formula: the chain still holds together.
 * Its witnesses — the file beside the catalogue, each backup's manifest, each handover package —
 * still name the head they saw, and `check` / `audit verify` compare the chain with each of them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash } from '../../../electron/data/repositories/audit';
import { witnessPathFor } from '../../../electron/data/auditWitness';
import { listedSampleBatch, packageBatch } from '../../support/handover';
import { SEED } from '../../support/paths';
import { archiveWithFiles, cli, importInto, openSafetyApp } from '../../support/safety';
import { tempDir } from '../../support/services';
import type { BackupInfo } from '../../../shared/contract/types/safety';

let base: string;
let backupA: BackupInfo;
let backupB: BackupInfo;

beforeAll(async () => {
  const app = openSafetyApp(tempDir('kholuu-anchors-'));
  const { fonds, fixed } = await archiveWithFiles(app);
  await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029]);
  backupA = await app.call('backups.create', { note: 'A' });
  await app.call('files.update', { id: fixed.id, patch: { box: 'Hộp 1' } });
  backupB = await app.call('backups.create', { note: 'B' });
  await app.call('files.update', { id: fixed.id, patch: { box: 'Hộp 2' } });
  await app.call('files.update', { id: fixed.id, patch: { notes: 'Đã kiểm tra' } });
  await app.close();
  base = app.dir;
}, 120_000);

/** A copy of the catalogue folder (catalogue, witness, backups) to tamper with. */
function copy(): { dir: string; file: string } {
  const dir = tempDir('kholuu-anchors-copy-');
  fs.cpSync(base, dir, { recursive: true });
  // Backups keep their absolute folder in nothing but the listing: they are found beside the copy.
  return { dir, file: path.join(dir, 'catalogue.sqlite') };
}

/** Raw SQL on the file, the append-only triggers dropped first (as an attacker would). */
function tamper(file: string, work: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_log_no_update');
    work(db);
  } finally {
    db.close();
  }
}

async function verify(dir: string) {
  const app = openSafetyApp(dir);
  try {
    return await app.call('audit.verify', {});
  } finally {
    await app.close();
  }
}

describe('the audit chain against its witnesses', () => {
  it('an untouched catalogue matches its witness file and every backup', async () => {
    const { dir, file } = copy();
    expect(fs.existsSync(witnessPathFor(file))).toBe(true);
    const v = await verify(dir);
    expect(v.ok).toBe(true);
    expect(v.anchors).toMatchObject({ compared: 3, problems: [] });
  });

  it('rows cut from the end: the witness file saw them', async () => {
    const { dir, file } = copy();
    tamper(file, (db) => db.exec('DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 2 FROM audit_log)'));
    const v = await verify(dir);
    expect(v.firstBrokenId).toBeNull();
    expect(v.ok).toBe(false);
    expect(v.anchors!.problems).toEqual([expect.objectContaining({ source: 'witness', status: 'truncated' })]);
    const out = cli(['--db', file, 'audit', 'verify']);
    expect(out.code).toBe(2);
    expect(out.stdout).toContain('Nhật ký bị cắt bớt');
    const check = cli(['--db', file, 'check', '--quick']);
    expect(check.code).toBe(2);
  }, 120_000);

  it('the log cut back to the last backup but one, that backup deleted: the witness file and nothing else', async () => {
    const { dir, file } = copy();
    fs.rmSync(path.join(dir, 'catalogue.backups', backupB.id), { recursive: true });
    tamper(file, (db) => db.prepare('DELETE FROM audit_log WHERE id > ?').run(backupA.summary.lastAudit!.id));
    const v = await verify(dir);
    expect(v.firstBrokenId).toBeNull();
    expect(v.anchors!.problems).toEqual([expect.objectContaining({ source: 'witness', status: 'truncated' })]);
    expect(v.anchors!.compared).toBe(2);
  });

  it('a row edited and every hash after it recomputed: the witness file and the later backup', async () => {
    const { dir, file } = copy();
    tamper(file, (db) => {
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<Record<string, string | number | null>>;
      const target = rows.find((r) => r.action === 'file.update')!;
      target.after_json = String(target.after_json).replace('Hộp 1', 'Hộp 9');
      let prev = String(rows[rows.indexOf(target) - 1]!.hash);
      const update = db.prepare('UPDATE audit_log SET after_json = ?, prev_hash = ?, hash = ? WHERE id = ?');
      for (const r of rows.slice(rows.indexOf(target))) {
        const hash = auditRowHash(prev, { at: String(r.at), actor: String(r.actor), action: String(r.action), entityType: String(r.entity_type), entityId: r.entity_id as number | null, before: r.before_json as string | null, after: r.after_json as string | null, recordDigest: r.record_digest as string | null });
        update.run(r.after_json, prev, hash, r.id);
        prev = hash;
      }
    });
    const v = await verify(dir);
    expect(v.firstBrokenId).toBeNull();
    expect(v.checked).toBe(v.total);
    const sources = v.anchors!.problems.map((p) => [p.source, p.status]);
    expect(sources).toEqual(expect.arrayContaining([['witness', 'rewritten'], ['backup', 'rewritten']]));
    expect(v.anchors!.problems.find((p) => p.source === 'backup')!.label).toBe(backupB.id);
  });

  it('a restore recorded in the log takes its witnesses back with it: no false alarm', async () => {
    const { dir } = copy();
    const app = openSafetyApp(dir);
    try {
      const preview = await app.call('backups.previewRestore', { id: backupA.id });
      await app.call('backups.restore', { id: backupA.id, confirmToken: preview.confirmToken });
      const v = await app.call('audit.verify', {});
      expect(v.ok).toBe(true);
      expect(v.anchors!.superseded).toBeGreaterThanOrEqual(2);
    } finally {
      await app.close();
    }
  });
});

describe('a handover package carries the head too', () => {
  it('in its bag-info and on the Biên bản; a log cut below it is found even with the witness file and backups gone', async () => {
    const app = openSafetyApp(tempDir('kholuu-anchors-package-'));
    const { batch } = await listedSampleBatch(app);
    const out = path.join(tempDir('kholuu-anchors-out-'), 'goi');
    const result = await packageBatch(app, batch.id, out);
    expect(result.auditHead).toBeTruthy();
    const bagInfo = fs.readFileSync(path.join(out, 'bag-info.txt'), 'utf8');
    expect(bagInfo).toContain(`KhoLuu-Audit-Head: ${result.auditHead!.lastId} ${result.auditHead!.hash}`);
    const minutes = await app.call('handover.export', { batchId: batch.id, form: 'minutes', format: 'docx' });
    const text = execFileSync('unzip', ['-p', minutes.path!, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
    expect(text).toContain(`đến dòng số ${result.auditHead!.lastId}, mã SHA-256 đầu chuỗi ${result.auditHead!.hash}`);
    await app.close();

    fs.rmSync(witnessPathFor(app.cataloguePath));
    fs.rmSync(path.join(app.dir, 'catalogue.backups'), { recursive: true, force: true });
    tamper(app.cataloguePath, (db) => db.prepare('DELETE FROM audit_log WHERE id >= ?').run(result.auditHead!.lastId));
    const v = await verify(app.dir);
    expect(v.anchors!.problems).toEqual([expect.objectContaining({ source: 'package', status: 'truncated', lastId: result.auditHead!.lastId })]);
    // The witness file was recreated when the catalogue was opened again: it says since when.
    expect(v.anchors!.witness.since).not.toBeNull();
  }, 180_000);
});
