import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { Catalogue, originalsDirFor } from '../../electron/data/catalogue';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/data/migrations';
import { tempDir } from '../support/services';

const open: Catalogue[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function openCatalogue(file: string): Catalogue {
  const c = Catalogue.open(file);
  open.push(c);
  return c;
}

describe('the catalogue file', () => {
  it('is a real SQLite file in WAL mode with foreign keys on and the schema version recorded', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const c = openCatalogue(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(c.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.schemaVersion).toBe(SCHEMA_VERSION);
    const applied = c.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(fs.existsSync(originalsDirFor(file))).toBe(true);
  });

  it('runs migrations once: reopening keeps the data and adds nothing', () => {
    const file = path.join(tempDir(), 'b.sqlite');
    const c = openCatalogue(file);
    c.repos.settings.set('actor', 'Nguyễn Văn A');
    c.close();
    const again = openCatalogue(file);
    expect(again.repos.settings.get('actor')).toBe('Nguyễn Văn A');
    expect(again.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('refuses a catalogue written by a newer version, without touching it', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => Catalogue.open(file)).toThrow(/phiên bản Kho Lưu mới hơn/);
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    check.close();
  });

  it('refuses a file that is not a database with a clear Vietnamese message', () => {
    const file = path.join(tempDir(), 'not-a-db.sqlite');
    fs.writeFileSync(file, 'Đây không phải cơ sở dữ liệu. '.repeat(200));
    let error: unknown;
    try {
      Catalogue.open(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/không phải cơ sở dữ liệu Kho Lưu hoặc đã hỏng/);
    expect(fs.readFileSync(file, 'utf8')).toContain('Đây không phải');
  });

  it('keeps the audit log append-only at the database level', () => {
    const c = openCatalogue(path.join(tempDir(), 'audit.sqlite'));
    c.repos.audit.append({ at: '2025-01-01T00:00:00.000Z', actor: 'a', action: 'setting.update', entityType: 'setting', entityId: null, after: { a: 1 } });
    expect(() => c.db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => c.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(c.repos.audit.verify()).toEqual({ ok: true, checked: 1, firstBrokenId: null });
  });

  it('never lets a file or document cross into another fonds, even below the services', () => {
    const c = openCatalogue(path.join(tempDir(), 'fonds.sqlite'));
    const now = '2025-01-01T00:00:00.000Z';
    const org = c.repos.organizations.insert({ name: 'Huyện ủy A', level: 'district' }, now);
    const f1 = c.repos.fonds.insert({ code: 'A', name: 'A', organizationId: org, status: 'open' }, now);
    const f2 = c.repos.fonds.insert({ code: 'B', name: 'B', organizationId: org, status: 'open' }, now);
    const fileInA = c.repos.files.insert({ fondsId: f1, code: '1', title: 'Hồ sơ 1' }, now);
    expect(() =>
      c.db.prepare("INSERT INTO documents (fonds_id, file_id, created_at, updated_at) VALUES (?, ?, 'x', 'x')").run(f2, fileInA),
    ).toThrow(/another fonds/);
  });
});
