/** The audit log is tamper-evident: a one-byte edit, by SQL or in the file's bytes, is found and pointed at. */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../support/paths';
import { archiveWithFiles, cli, importInto, openSafetyApp } from '../../support/safety';

/** A catalogue with a few audited changes, closed (write-ahead log folded in). The actor's name appears only in audit rows. */
async function catalogueWithHistory(actor: string) {
  const app = openSafetyApp(undefined, { actor });
  const { fonds, fixed } = await archiveWithFiles(app);
  await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485]);
  await app.call('files.update', { id: fixed.id, patch: { box: 'Hộp 7' } });
  await app.close();
  return app.cataloguePath;
}

describe('audit verify', () => {
  it('holds on an untouched catalogue (command line exit 0)', async () => {
    const db = await catalogueWithHistory('Lê Thị Kiểm');
    const out = cli(['--db', db, 'audit', 'verify']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Nhật ký nguyên vẹn: (\d+)\/\1 dòng/);
  });

  it('finds a one-character edit made with SQL after dropping the guard trigger, and names the row', async () => {
    const file = await catalogueWithHistory('Lê Thị Kiểm');
    const raw = new BetterSqlite3(file);
    const target = raw.prepare("SELECT id, after_json FROM audit_log WHERE action = 'file.update'").get() as { id: number; after_json: string };
    raw.exec('DROP TRIGGER audit_log_no_update');
    // "Hộp 7" → "Hộp 8": one byte.
    raw.prepare('UPDATE audit_log SET after_json = ? WHERE id = ?').run(target.after_json.replace('Hộp 7', 'Hộp 8'), target.id);
    raw.close();

    const out = cli(['--db', file, 'audit', 'verify']);
    expect(out.code).toBe(2);
    expect(out.stdout).toContain(`chuỗi băm đứt tại dòng ${target.id}`);
    const json = JSON.parse(cli(['--db', file, 'audit', 'verify', '--json']).stdout);
    expect(json).toMatchObject({ ok: false, firstBrokenId: target.id, firstBroken: { action: 'file.update' } });
    expect(json.checked).toBe(target.id - 1);
    // `check` reports it too, and fails.
    const check = cli(['--db', file, 'check', '--quick']);
    expect(check.code).toBe(2);
    expect(check.stdout).toContain(`chuỗi băm đứt tại dòng ${target.id}`);
  });

  it('finds a one-byte edit made directly in the file’s bytes', async () => {
    const actor = 'Kiem Tra Vien Zq';
    const file = await catalogueWithHistory(actor);
    // A byte of a live audit row: the name occurs in other tables too (import runs), and stale copies
    // linger in free space of pages, so each occurrence on the audit table's leaf pages is tried
    // until one changes what the table holds.
    const raw = new BetterSqlite3(file, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const pages = (raw.prepare("SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf'").all() as Array<{ pageno: number }>).map((p) => p.pageno);
    raw.close();
    const original = fs.readFileSync(file);
    const edited = 'Kiem Tra Vien Zx';
    let hit = false;
    for (const page of pages) {
      const start = (page - 1) * pageSize;
      for (let at = original.indexOf(actor, start); at >= 0 && at < start + pageSize && !hit; at = original.indexOf(actor, at + 1)) {
        const bytes = Buffer.from(original);
        bytes[at + actor.length - 1] = 'x'.charCodeAt(0); // "…Zq" → "…Zx": one byte
        fs.writeFileSync(file, bytes);
        const check = new BetterSqlite3(file, { readonly: true });
        hit = check.prepare('SELECT 1 FROM audit_log WHERE actor = ?').get(edited) !== undefined;
        check.close();
      }
      if (hit) break;
    }
    expect(hit).toBe(true);

    const app = openSafetyApp(path.dirname(file));
    try {
      const v = await app.call('audit.verify', {});
      expect(v.ok).toBe(false);
      expect(v.firstBroken?.actor).toBe('Kiem Tra Vien Zx');
    } finally {
      await app.close();
    }
    expect(cli(['--db', file, 'audit', 'verify']).code).toBe(2);
  });
});
