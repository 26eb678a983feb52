/**
 * Writers at once, as separate processes (the command line beside the app, two terminals): two
 * imports into one catalogue lose nothing and fail nothing — each writer waits its turn — and a
 * backup taken while they run succeeds. The same folder imported twice at once gives every file
 * exactly one document.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { writeManyDocuments } from '../support/partyDocs';
import { CLI_ENTRY, REPO, SEED } from '../support/paths';
import { tempDir } from '../support/services';

const FILES = 2_000;

interface Finished {
  code: number | null;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, done: once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr })) };
}

function read<T>(db: string, fn: (d: Database.Database) => T): T {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}

const documents = (db: string) => read(db, (d) => (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n);

/** A catalogue with its intake fonds made (by a first, lone import), so the concurrent ones only add documents. */
async function catalogue(): Promise<string> {
  const db = path.join(tempDir('kholuu-writers-'), 'c.sqlite');
  const first = await start(['--db', db, 'import', SEED.conclusion1485]).done;
  expect(first.code, first.stderr).toBe(0);
  return db;
}

function runs(db: string) {
  return read(db, (d) => d.prepare('SELECT id, state, processed, imported, duplicates, failed FROM import_runs ORDER BY id').all()) as Array<{
    id: number;
    state: string;
    processed: number;
    imported: number;
    duplicates: number;
    failed: number;
  }>;
}

describe('two writers at once', () => {
  it('two imports of 2,000 files each from separate processes fail nothing and import every file once; a backup taken meanwhile succeeds', async () => {
    const db = await catalogue();
    const root = tempDir('kholuu-writers-src-');
    const a = writeManyDocuments(path.join(root, 'Hộp A'), FILES, 'a', 10_000);
    const b = writeManyDocuments(path.join(root, 'Hộp B'), FILES, 'b', 20_000);
    const one = start(['--db', db, 'import', path.join(root, 'Hộp A')]);
    const two = start(['--db', db, 'import', path.join(root, 'Hộp B')]);
    // A backup once both are writing.
    while (documents(db) < 200) {
      expect(one.child.exitCode ?? two.child.exitCode, 'an import ended before the backup').toBeNull();
      await new Promise((r) => setTimeout(r, 50));
    }
    const backup = await start(['--db', db, 'backup', 'create', '--note', 'giữa hai lần nhập']).done;
    const [r1, r2] = await Promise.all([one.done, two.done]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r1.stderr).not.toMatch(/LỖI/);
    expect(r2.stderr).not.toMatch(/LỖI/);

    const [, runA, runB] = runs(db);
    expect(runA).toMatchObject({ state: 'done', processed: FILES, imported: FILES, duplicates: 0, failed: 0 });
    expect(runB).toMatchObject({ state: 'done', processed: FILES, imported: FILES, duplicates: 0, failed: 0 });
    read(db, (d) => {
      // Every file once: one document and one original per file, one report line each.
      expect((d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1 + 2 * FILES);
      expect((d.prepare('SELECT COUNT(DISTINCT sha256) AS n FROM attachments').get() as { n: number }).n).toBe(1 + 2 * FILES);
      const names = d.prepare("SELECT name FROM import_run_items WHERE outcome = 'imported' AND run_id IN (?, ?)").pluck().all(runA!.id, runB!.id) as string[];
      expect(new Set(names)).toEqual(new Set([...a, ...b]));
      expect(names).toHaveLength(2 * FILES);
      expect(d.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    });
    const verified = await start(['--db', db, 'audit', 'verify']).done;
    expect(verified.code, verified.stderr).toBe(0);
  }, 600_000);

  it('the same folder imported twice at once gives each file exactly one document, and fails none', async () => {
    const db = await catalogue();
    const folder = path.join(tempDir('kholuu-writers-same-'), 'Hộp C');
    const files = writeManyDocuments(folder, FILES, 'c', 30_000);
    const [r1, r2] = await Promise.all([start(['--db', db, 'import', folder]).done, start(['--db', db, 'import', folder]).done]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    const [, runA, runB] = runs(db);
    expect(runA!.failed + runB!.failed).toBe(0);
    expect(runA!.imported + runB!.imported).toBe(FILES);
    expect(runA!.duplicates + runB!.duplicates).toBe(FILES);
    read(db, (d) => {
      expect((d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1 + FILES);
      // Each file is imported by exactly one of the two runs, a duplicate in the other.
      const imported = d.prepare("SELECT name FROM import_run_items WHERE outcome = 'imported' AND run_id IN (?, ?)").pluck().all(runA!.id, runB!.id) as string[];
      expect(imported.sort()).toEqual([...files].sort());
    });
  }, 600_000);
});
