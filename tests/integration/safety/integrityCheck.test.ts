/** `check`: SQLite's integrity and foreign keys, the audit chain, and the fixity of every original. */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../support/paths';
import { archiveWithFiles, cli, importInto, openSafetyApp } from '../../support/safety';

async function catalogue() {
  const app = openSafetyApp();
  const { fonds, fixed } = await archiveWithFiles(app);
  const ids = await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029]);
  const originals = await Promise.all(ids.map(async (id) => (await app.call('documents.get', { id })).attachments[0]!));
  await app.close();
  const dir = app.services.context.catalogue.originalsDir;
  return { file: app.cataloguePath, paths: originals.map((a) => path.join(dir, a.sha256.slice(0, 2), `${a.sha256}.txt`)), originals };
}

describe('check', () => {
  it('passes on a sound catalogue (exit 0)', async () => {
    const { file } = await catalogue();
    const out = cli(['--db', file, 'check']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Bản gốc: 2 đã kiểm tra, 0 lỗi');
    expect(out.stdout).toContain('KẾT QUẢ: nguyên vẹn.');
  });

  it('finds a one-byte change to a stored original, and a missing one (exit 2)', async () => {
    const { file, paths, originals } = await catalogue();
    const bytes = fs.readFileSync(paths[0]!);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0x01;
    fs.writeFileSync(paths[0]!, bytes);
    fs.rmSync(paths[1]!);

    const out = cli(['--db', file, 'check', '--json']);
    expect(out.code).toBe(2);
    const report = JSON.parse(out.stdout);
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual(['ok']);
    expect(report.audit.ok).toBe(true);
    expect(report.originals.problems).toEqual([
      expect.objectContaining({ attachmentId: originals[0]!.id, problem: 'mismatch', expectedSha256: originals[0]!.sha256 }),
      expect.objectContaining({ attachmentId: originals[1]!.id, problem: 'missing' }),
    ]);
    const text = cli(['--db', file, 'check']);
    expect(text.stdout).toContain('BỊ THAY ĐỔI');
    expect(text.stdout).toContain('THIẾU');
    // --quick skips the originals (and so passes here).
    expect(cli(['--db', file, 'check', '--quick']).code).toBe(0);
  });

  it('reports a row that points at nothing (foreign_key_check)', async () => {
    const { file } = await catalogue();
    const raw = new BetterSqlite3(file);
    raw.pragma('foreign_keys = OFF');
    raw.exec('DROP TRIGGER IF EXISTS documents_file_same_fonds_update');
    raw.prepare('UPDATE documents SET file_id = 999 WHERE id = 1').run();
    raw.close();
    const out = cli(['--db', file, 'check', '--quick', '--json']);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout).foreignKeys).toEqual([expect.objectContaining({ table: 'documents', rowid: 1, parent: 'files' })]);
  });
});
