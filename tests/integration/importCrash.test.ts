/**
 * An import killed midway (SIGKILL: nothing gets to clean up, as in a power cut) loses nothing it
 * committed, and `import --resume` completes it with no duplicate and no file counted twice.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDb } from '../support/crash';
import { CLI_ENTRY, REPO } from '../support/paths';
import { writeManyDocuments } from '../support/partyDocs';
import { tempDir } from '../support/services';

const NODE = process.execPath;
const CLI = CLI_ENTRY;
const COUNT = 1_200;

const committedDocuments = (dbPath: string) => readDb(dbPath, (db) => (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n) ?? 0;

function cli(args: string[]): { code: number; stderr: string } {
  try {
    execFileSync(NODE, [CLI, ...args], { cwd: REPO, env: { ...process.env, INIT_CWD: REPO }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stderr: string };
    return { code: e.status, stderr: e.stderr };
  }
}

function killGroup(child: ChildProcess): void {
  // The whole group (the command line and anything it started), as a power cut would.
  process.kill(-child.pid!, 'SIGKILL');
}

describe('an import killed midway', () => {
  it('keeps every committed document and resumes to exactly one document per distinct file', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'catalogue.sqlite');
    const folder = path.join(dir, 'Phông Huyện ủy');
    const files = writeManyDocuments(folder, COUNT);
    const shaOf = new Map(files.map((f) => [f, createHash('sha256').update(fs.readFileSync(f)).digest('hex')]));

    const child = spawn(NODE, [CLI, '--db', dbPath, 'import', folder], {
      cwd: REPO,
      env: { ...process.env, INIT_CWD: REPO },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    // Wait (polling the file read-only) until some documents are committed, then kill.
    let committed = 0;
    while (committed === 0) {
      expect(child.exitCode, `the import ended before it could be killed: ${stderr}`).toBeNull();
      await new Promise((r) => setTimeout(r, 5));
      committed = committedDocuments(dbPath);
    }
    killGroup(child);
    await exited;

    const afterKill = readDb(dbPath, (db) => ({
      documents: db.prepare('SELECT d.id, a.sha256 FROM documents d JOIN attachments a ON a.document_id = d.id').all() as Array<{ id: number; sha256: string }>,
      runs: db.prepare('SELECT id, state, processed, imported FROM import_runs').all() as Array<{ id: number; state: string; processed: number; imported: number }>,
      items: (db.prepare('SELECT COUNT(*) AS n FROM import_run_items').get() as { n: number }).n,
    }))!;
    expect(afterKill.documents.length).toBeGreaterThan(0);
    expect(afterKill.documents.length).toBeLessThan(COUNT);
    expect(afterKill.runs).toHaveLength(1);
    const run = afterKill.runs[0]!;
    // The process died without finishing: the run still says running, and its counts are exactly what was committed.
    expect(run.state).toBe('running');
    expect(run.imported).toBe(afterKill.documents.length);
    expect(afterKill.items).toBe(run.processed);

    const resumed = cli(['--db', dbPath, 'import', '--resume', String(run.id)]);
    expect(resumed.code, resumed.stderr).toBe(0);

    const final = readDb(dbPath, (db) => ({
      documents: db.prepare('SELECT d.id, a.sha256 FROM documents d JOIN attachments a ON a.document_id = d.id').all() as Array<{ id: number; sha256: string }>,
      attachments: (db.prepare('SELECT COUNT(*) AS n FROM attachments').get() as { n: number }).n,
      run: db.prepare('SELECT * FROM import_runs WHERE id = ?').get(run.id) as { state: string; processed: number; imported: number; duplicates: number; failed: number; resumes: number },
      items: db.prepare('SELECT name, outcome FROM import_run_items WHERE run_id = ?').all(run.id) as Array<{ name: string; outcome: string }>,
      interrupted: (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import.interrupted' AND entity_id = ?").get(run.id) as { n: number }).n,
    }))!;
    // One document per distinct file, every file's SHA-256 present once.
    expect(final.documents).toHaveLength(COUNT);
    expect(final.attachments).toBe(COUNT);
    const shas = final.documents.map((d) => d.sha256).sort();
    expect(shas).toEqual([...shaOf.values()].sort());
    // Nothing committed before the kill was lost or changed.
    const byId = new Map(final.documents.map((d) => [d.id, d.sha256]));
    for (const d of afterKill.documents) expect(byId.get(d.id)).toBe(d.sha256);
    // The report counts each file once.
    expect(final.run).toMatchObject({ state: 'done', processed: COUNT, imported: COUNT, duplicates: 0, failed: 0, resumes: 1 });
    expect(final.items).toHaveLength(COUNT);
    expect(new Set(final.items.map((i) => i.name))).toEqual(new Set(files));
    expect(final.interrupted).toBe(1);
    // Every original the catalogue names is on disk, intact.
    const originals = path.join(dir, 'catalogue.originals');
    const stored = readDb(dbPath, (db) => db.prepare('SELECT sha256, stored_path FROM attachments').all() as Array<{ sha256: string; stored_path: string }>)!;
    for (const a of stored) expect(createHash('sha256').update(fs.readFileSync(path.join(originals, a.stored_path))).digest('hex')).toBe(a.sha256);
  });
});
