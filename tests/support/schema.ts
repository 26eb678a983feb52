import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { SCHEMA_VERSION, migrate, schemaVersionOf } from '../../electron/data/migrate';
import { GENESIS_HASH, auditRowHash } from '../../electron/data/repositories/audit';
import { canonicalJson } from '../../shared/domain/canonicalJson';
import { numberSymbolKey } from '../../shared/domain/numberSymbol';
import { indexRow } from '../../shared/search/indexText';
import { fold } from '../../shared/text/fold';
import { REPO } from './paths';

/**
 * The schema snapshot and the catalogues of earlier schema versions (see DEVELOPERS.md, "Changing
 * the schema"). `npm run schema:update` writes both; the tests in tests/integration/schema read them.
 */

export const SCHEMA_FIXTURES = path.join(REPO, 'tests', 'fixtures', 'schema');
/** The whole schema of the newest version, as text, for reviewing a change in a diff. */
export const SNAPSHOT_FILE = path.join(SCHEMA_FIXTURES, 'schema.sql');
/** The SHA-256 of every version's schema: a shipped version's never changes. */
export const VERSIONS_FILE = path.join(SCHEMA_FIXTURES, 'versions.json');

export function fixturePath(version: number): string {
  return path.join(SCHEMA_FIXTURES, `v${version}.sqlite`);
}

export function fixtureOriginalsDir(version: number): string {
  return path.join(SCHEMA_FIXTURES, `v${version}.originals`);
}

/** A working copy of the version's fixture (catalogue and originals) in `dir`; its path. */
export function copyFixture(version: number, dir: string): string {
  const cataloguePath = path.join(dir, 'catalogue.sqlite');
  fs.copyFileSync(fixturePath(version), cataloguePath);
  fs.cpSync(fixtureOriginalsDir(version), path.join(dir, 'catalogue.originals'), { recursive: true });
  return cataloguePath;
}

/**
 * Every object of the schema (tables, indexes, triggers, views; full-text tables with their shadow
 * tables) in a stable order, each statement's lines trimmed, with the version it claims.
 */
export function dumpSchema(db: Database): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; sql: string }>;
  const statements = rows.map((r) =>
    r.sql
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter((line) => line.length > 0)
      .join('\n'),
  );
  return `-- Kho Lưu catalogue schema, version ${schemaVersionOf(db)}\n\n${statements.map((s) => `${s};`).join('\n\n')}\n`;
}

export function schemaHash(dump: string): string {
  return createHash('sha256').update(dump).digest('hex');
}

/** A new, empty database file migrated to `version` by the numbered migrations alone. */
export function migratedTo(file: string, version: number, options: { pageSize?: number } = {}): Database {
  fs.rmSync(file, { force: true });
  const db = new BetterSqlite3(file);
  if (options.pageSize) db.pragma(`page_size = ${options.pageSize}`);
  db.pragma('foreign_keys = ON');
  migrate(db, () => FIXTURE_TIME, version);
  return db;
}

/** The schema each version's migrations make, dumped. */
export function schemaOfVersion(dir: string, version: number): string {
  const db = migratedTo(path.join(dir, `schema-v${version}.sqlite`), version);
  try {
    return dumpSchema(db);
  } finally {
    db.close();
  }
}

export function readVersions(): Record<string, string> {
  return fs.existsSync(VERSIONS_FILE) ? (JSON.parse(fs.readFileSync(VERSIONS_FILE, 'utf8')) as Record<string, string>) : {};
}

export { SCHEMA_VERSION };

// ---- the catalogues of earlier versions ----

const FIXTURE_TIME = '2025-08-01T08:00:00.000Z';
const ACTOR = 'Lưu trữ viên (mẫu)';

/** What every fixture holds, whatever its version, so the upgrade test knows what to find. */
export const FIXTURE_DOCUMENTS = [
  {
    key: 'conclusion',
    numberSymbol: '1485-KL/TU',
    docType: 'KẾT LUẬN',
    issueDate: '2025-05-14',
    issuer: 'TỈNH ỦY ĐẮK LẮK',
    subject: 'hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 32',
    body: 'Tỉnh ủy kết luận: các cơ quan thống kê, đóng gói, bàn giao tài liệu lưu trữ đầy đủ, không để thất lạc hồ sơ.',
    security: null,
    filed: true,
  },
  {
    key: 'letter',
    numberSymbol: '4029-CV/TU',
    docType: null,
    issueDate: '2025-07-23',
    issuer: 'TỈNH ỦY ĐẮK LẮK',
    subject: 'về việc chỉnh lý hồ sơ khi sắp xếp tổ chức bộ máy',
    body: 'Thực hiện Kết luận số 1485-KL/TU ngày 14/5/2025 của Tỉnh ủy, đề nghị các huyện ủy hoàn thành chỉnh lý trước ngày 30/8.',
    security: null,
    filed: false,
  },
  {
    key: 'secret',
    numberSymbol: '12-NQ/TU',
    docType: 'NGHỊ QUYẾT',
    issueDate: '2024-03-01',
    issuer: 'TỈNH ỦY ĐẮK LẮK',
    subject: 'về công tác quốc phòng địa phương',
    body: 'Nội dung mật: phương án phòng thủ khu vực biên giới phía tây.',
    security: 'mat',
    filed: true,
  },
  {
    key: 'undated',
    numberSymbol: null,
    docType: 'BIÊN BẢN',
    issueDate: null,
    issuer: 'CHI BỘ VĂN PHÒNG',
    subject: 'họp chi bộ về nhiệm vụ chỉnh lý tài liệu',
    body: 'Chi bộ thống nhất phân công đồng chí Lan chỉnh lý tài liệu phông.',
    security: null,
    filed: true,
  },
  {
    /** Removed with a reason where the schema records removals (version 5 on); else an ordinary record. */
    key: 'removed',
    numberSymbol: '77-TB/TU',
    docType: 'THÔNG BÁO',
    issueDate: '2023-11-02',
    issuer: 'TỈNH ỦY ĐẮK LẮK',
    subject: 'thông báo lịch tiếp dân tháng 11',
    body: 'Lịch tiếp dân định kỳ của Thường trực Tỉnh ủy.',
    security: null,
    filed: false,
  },
] as const;

export const FIXTURE_ORIGINAL = { storedPath: 'mau/1485-KL-TU.txt', content: 'KẾT LUẬN 1485-KL/TU — bản gốc mẫu\n' };

function has(db: Database, table: string, column?: string): boolean {
  if (!column) return db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', table) !== undefined;
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).includes(column);
}

/**
 * Writes the catalogue a build of schema `version` would have written for the fixture records: the
 * rows through SQL of that schema (what exists is asked of the file, so the same code serves every
 * version), its index rows in that version's index, an audit row per change, and the original.
 * Committed once made: a fixture is evidence of what an older build wrote, never regenerated.
 */
export function makeFixture(version: number, file = fixturePath(version), originalsDir = fixtureOriginalsDir(version)): void {
  fs.rmSync(originalsDir, { recursive: true, force: true });
  const db = migratedTo(file, version, { pageSize: 1024 });
  try {
    db.pragma('journal_mode = DELETE');
    let prev = (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS_HASH;
    const audit = (action: string, entityType: string, entityId: number | null, after: unknown) => {
      const row = { at: FIXTURE_TIME, actor: ACTOR, action, entityType, entityId, before: null, after: canonicalJson(after) };
      const hash = auditRowHash(prev, row);
      db.prepare(
        'INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(row.at, row.actor, row.action, row.entityType, row.entityId, row.before, row.after, prev, hash);
      prev = hash;
    };
    const t = FIXTURE_TIME;
    db.transaction(() => {
      db.prepare("INSERT INTO settings (key, value) VALUES ('actor', ?)").run(ACTOR);
      const district = Number(
        db.prepare("INSERT INTO organizations (name, level, end_date, created_at, updated_at) VALUES ('Huyện ủy Krông Pắc', 'district', '2025-06-30', ?, ?)").run(t, t)
          .lastInsertRowid,
      );
      audit('organization.create', 'organization', district, { name: 'Huyện ủy Krông Pắc' });
      const commune = Number(
        db.prepare("INSERT INTO organizations (name, level, start_date, created_at, updated_at) VALUES ('Đảng ủy xã Krông Pắc', 'commune', '2025-07-01', ?, ?)").run(t, t)
          .lastInsertRowid,
      );
      audit('organization.create', 'organization', commune, { name: 'Đảng ủy xã Krông Pắc' });
      db.prepare("INSERT INTO organization_successions (predecessor_id, successor_id, effective_date) VALUES (?, ?, '2025-07-01')").run(district, commune);
      const fonds = Number(
        db.prepare("INSERT INTO fonds (code, name, organization_id, status, created_at, updated_at) VALUES ('HU-KP', 'Phông Huyện ủy Krông Pắc', ?, 'closed', ?, ?)").run(district, t, t)
          .lastInsertRowid,
      );
      audit('fonds.create', 'fonds', fonds, { code: 'HU-KP' });
      const fileId = Number(
        db
          .prepare("INSERT INTO files (fonds_id, code, title, retention_code, completion, box, created_at, updated_at) VALUES (?, '01', 'Kết luận, nghị quyết của Tỉnh ủy', 'VV', 'completed', '3', ?, ?)")
          .run(fonds, t, t).lastInsertRowid,
      );
      audit('file.create', 'file', fileId, { code: '01' });
      const ids = new Map<string, number>();
      for (const d of FIXTURE_DOCUMENTS) {
        const id = Number(
          db
            .prepare(
              `INSERT INTO documents (fonds_id, file_id, doc_type, number_symbol, number_key, issue_date, issuer, subject, security_level, full_text, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(fonds, d.filed ? fileId : null, d.docType, d.numberSymbol, d.numberSymbol ? numberSymbolKey(d.numberSymbol) : null, d.issueDate, d.issuer, d.subject, d.security, d.body, t, t)
            .lastInsertRowid,
        );
        ids.set(d.key, id);
        audit('document.create', 'document', id, { numberSymbol: d.numberSymbol, subject: d.subject });
      }
      const sha = createHash('sha256').update(FIXTURE_ORIGINAL.content).digest('hex');
      const attachment = Number(
        db
          .prepare("INSERT INTO attachments (document_id, file_name, media_type, size, sha256, stored_path, created_at) VALUES (?, '1485-KL-TU.txt', 'text/plain', ?, ?, ?, ?)")
          .run(ids.get('conclusion'), Buffer.byteLength(FIXTURE_ORIGINAL.content), sha, FIXTURE_ORIGINAL.storedPath, t).lastInsertRowid,
      );
      audit('attachment.create', 'attachment', attachment, { sha256: sha });
      if (has(db, 'document_citations')) {
        db.prepare(
          "INSERT INTO document_citations (document_id, number_key, number_symbol, form, doc_type, cited_date, cited_document_id) VALUES (?, ?, '1485-KL/TU', 'party', 'KL', '2025-05-14', ?)",
        ).run(ids.get('letter'), numberSymbolKey('1485-KL/TU'), ids.get('conclusion'));
      }
      if (has(db, 'documents', 'removed_at')) {
        db.prepare("UPDATE documents SET removed_at = ?, removed_by = ?, removal_reason = 'Nhập trùng' WHERE id = ?").run(t, ACTOR, ids.get('removed'));
        audit('document.remove', 'document', ids.get('removed')!, { reason: 'Nhập trùng' });
      }
      if (has(db, 'search_history')) {
        db.prepare("INSERT INTO search_history (text, query_json, total, actor, at) VALUES ('bàn giao', ?, 1, ?, ?)").run(JSON.stringify({ text: 'bàn giao', filters: {}, sort: 'relevance' }), ACTOR, t);
        db.prepare("INSERT INTO saved_searches (name, query_json, created_by, created_at, updated_at) VALUES ('Kết luận 2025', ?, ?, ?, ?)").run(
          JSON.stringify({ text: '', filters: { docTypes: ['KẾT LUẬN'] }, sort: 'date_desc' }),
          ACTOR,
          t,
          t,
        );
      }
      if (has(db, 'handover_batches')) {
        const batch = Number(
          db
            .prepare("INSERT INTO handover_batches (uuid, code, direction, from_organization_id, to_organization_id, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'BG-01', 'outgoing', ?, ?, ?, ?)")
            .run(district, commune, t, t).lastInsertRowid,
        );
        audit('handover.batch.create', 'handover_batch', batch, { code: 'BG-01' });
      }
      // The index as that version kept it: the date-keyed tables from version 3, rows keyed by id before.
      const removed = has(db, 'documents', 'removed_at');
      for (const d of FIXTURE_DOCUMENTS) {
        if (removed && d.key === 'removed') continue;
        const id = ids.get(d.key)!;
        if (has(db, 'search_keys')) {
          const r = indexRow({ id, numberSymbol: d.numberSymbol, subject: d.subject, docType: d.docType, issuer: d.issuer, parentIssuer: null, signerName: null, place: null, issueDate: d.issueDate, fondsId: fonds, securityLevel: d.security, body: d.body });
          db.prepare('INSERT INTO document_fts (rowid, number_symbol, subject, meta, body, flags) VALUES (?, ?, ?, ?, ?, ?)').run(r.key, r.numberSymbol, r.subject, r.meta, r.body, r.flags);
          db.prepare('INSERT INTO document_meta_fts (rowid, number_symbol, subject, meta, flags) VALUES (?, ?, ?, ?, ?)').run(r.key, r.numberSymbol, r.subject, r.meta, r.flags);
          db.prepare('INSERT INTO search_keys (document_id, fts_rowid) VALUES (?, ?)').run(id, r.key);
        } else {
          db.prepare('INSERT INTO document_fts (rowid, number_symbol, subject, body) VALUES (?, ?, ?, ?)').run(id, fold(d.numberSymbol ?? ''), fold(d.subject), fold(d.body));
        }
      }
    })();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  const original = path.join(originalsDir, FIXTURE_ORIGINAL.storedPath);
  fs.mkdirSync(path.dirname(original), { recursive: true });
  fs.writeFileSync(original, FIXTURE_ORIGINAL.content);
}
