import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface OriginalRef {
  attachmentId: number;
  documentId: number;
  fileName: string;
  storedPath: string;
  sha256: string;
  size: number;
  movedOutTo: string | null;
}

export interface AuditRowFacts {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: number | null;
}

/** What the integrity check reads: SQLite's own checks, the originals to re-hash, the audit rows. */
export class IntegrityRepository {
  constructor(private readonly db: Database) {}

  /** `PRAGMA integrity_check`: ['ok'] when the file is sound. */
  integrityCheck(maxErrors = 100): string[] {
    return (this.db.prepare(`PRAGMA integrity_check(${Math.max(1, Math.floor(maxErrors))})`).all() as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  }

  /** `PRAGMA foreign_key_check`: rows pointing at a parent that does not exist. */
  foreignKeyCheck(): Array<{ table: string; rowid: number | null; parent: string }> {
    return this.db.prepare('PRAGMA foreign_key_check').all() as Array<{ table: string; rowid: number | null; parent: string }>;
  }

  /** Every original the catalogue refers to, in id order. */
  originals(): OriginalRef[] {
    return this.db
      .prepare(
        `SELECT id AS attachmentId, document_id AS documentId, file_name AS fileName, stored_path AS storedPath, sha256, size, moved_out_to AS movedOutTo
         FROM attachments ORDER BY id`,
      )
      .all() as OriginalRef[];
  }

  /**
   * For each record of a kind that has audit rows, the digest its newest row holds (null when that
   * row has none: written by an older build, or about a change that kept no digest).
   */
  latestRecordDigests(entityType: 'document' | 'attachment'): Map<number, string | null> {
    const rows = this.db
      .prepare(
        `SELECT a.entity_id AS id, a.record_digest AS digest FROM audit_log a
         JOIN (SELECT entity_id, MAX(id) AS id FROM audit_log WHERE entity_type = ? AND entity_id IS NOT NULL GROUP BY entity_id) m ON a.id = m.id`,
      )
      .all(entityType) as Array<{ id: number; digest: string | null }>;
    return new Map(rows.map((r) => [r.id, r.digest]));
  }

  /** Labels to name records in a report: a document's number-symbol, an original's file name. */
  recordLabel(entityType: 'document' | 'attachment', id: number): string | null {
    const row =
      entityType === 'document'
        ? (this.db.prepare('SELECT number_symbol AS label FROM documents WHERE id = ?').get(id) as { label: string | null } | undefined)
        : (this.db.prepare('SELECT file_name AS label FROM attachments WHERE id = ?').get(id) as { label: string | null } | undefined);
    return row?.label ?? null;
  }

  auditRowFacts(id: number): AuditRowFacts | undefined {
    return this.db.prepare('SELECT id, at, actor, action, entity_type AS entityType, entity_id AS entityId FROM audit_log WHERE id = ?').get(id) as AuditRowFacts | undefined;
  }

  auditRowCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  }

  lastAuditId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log').get() as { n: number }).n;
  }

  /** Audit rows after `id`, leaving out the given actions (e.g. the rows backups write about themselves). */
  auditRowsAfter(id: number, exceptActions: readonly string[] = []): number {
    const placeholders = exceptActions.map(() => '?').join(', ');
    const clause = exceptActions.length > 0 ? `AND action NOT IN (${placeholders})` : '';
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE id > ? ${clause}`).get(id, ...exceptActions) as { n: number }).n;
  }

  /** The after-state recorded by audit rows of one action about one entity type, newest first (e.g. each backup's hash). */
  auditAfterStates(action: string, limit: number): Array<{ id: number; after: string | null }> {
    return this.db.prepare('SELECT id, after_json AS after FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT ?').all(action, limit) as Array<{ id: number; after: string | null }>;
  }
}
