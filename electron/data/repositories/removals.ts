import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RemovalInfo, RemovedRecord } from '../../../shared/contract/types/safety';
import { cachedStatement } from '../statementCache';

interface RemovalRow {
  removed_at: string | null;
  removed_by: string | null;
  removal_reason: string | null;
  removed_with_file_id?: number | null;
  destruction_decision_id: number | null;
}

function toRemoval(r: RemovalRow): RemovalInfo | null {
  if (r.removed_at === null) return null;
  return {
    at: r.removed_at,
    by: r.removed_by ?? '',
    reason: r.removal_reason ?? '',
    withFileId: r.removed_with_file_id ?? null,
    destructionDecisionId: r.destruction_decision_id,
  };
}

export interface RemovalMark {
  at: string;
  by: string;
  reason: string;
  withFileId?: number | null;
  destructionDecisionId?: number | null;
}

/**
 * Gỡ bỏ và khôi phục: removal is a mark on the record (who, when, why), never a deletion; the
 * database refuses DELETE on documents, files and originals. Also answers which documents are
 * secret (Mật, Tối mật, Tuyệt mật), for the access rules.
 */
export class RemovalRepository {
  constructor(private readonly db: Database) {}

  documentRemoval(id: number): RemovalInfo | null {
    const row = this.db
      .prepare('SELECT removed_at, removed_by, removal_reason, removed_with_file_id, destruction_decision_id FROM documents WHERE id = ?')
      .get(id) as RemovalRow | undefined;
    return row ? toRemoval(row) : null;
  }

  fileRemoval(id: number): RemovalInfo | null {
    const row = this.db.prepare('SELECT removed_at, removed_by, removal_reason, destruction_decision_id FROM files WHERE id = ?').get(id) as RemovalRow | undefined;
    return row ? toRemoval(row) : null;
  }

  markDocument(id: number, m: RemovalMark): void {
    this.db
      .prepare(
        `UPDATE documents SET removed_at = @at, removed_by = @by, removal_reason = @reason,
           removed_with_file_id = @withFileId, destruction_decision_id = @decision WHERE id = @id AND removed_at IS NULL`,
      )
      .run({ id, at: m.at, by: m.by, reason: m.reason, withFileId: m.withFileId ?? null, decision: m.destructionDecisionId ?? null });
  }

  unmarkDocument(id: number): void {
    this.db
      .prepare('UPDATE documents SET removed_at = NULL, removed_by = NULL, removal_reason = NULL, removed_with_file_id = NULL WHERE id = ? AND destruction_decision_id IS NULL')
      .run(id);
  }

  markFile(id: number, m: RemovalMark): void {
    this.db
      .prepare('UPDATE files SET removed_at = @at, removed_by = @by, removal_reason = @reason, destruction_decision_id = @decision WHERE id = @id AND removed_at IS NULL')
      .run({ id, at: m.at, by: m.by, reason: m.reason, decision: m.destructionDecisionId ?? null });
  }

  unmarkFile(id: number): void {
    this.db.prepare('UPDATE files SET removed_at = NULL, removed_by = NULL, removal_reason = NULL WHERE id = ? AND destruction_decision_id IS NULL').run(id);
  }

  /** Documents of a file still in use (not removed). */
  activeDocumentIdsOfFile(fileId: number): number[] {
    return (this.db.prepare('SELECT id FROM documents WHERE file_id = ? AND removed_at IS NULL ORDER BY id').all(fileId) as Array<{ id: number }>).map((r) => r.id);
  }

  /** Documents that were removed because their file was. */
  documentIdsRemovedWithFile(fileId: number): number[] {
    return (this.db.prepare('SELECT id FROM documents WHERE removed_with_file_id = ? AND removed_at IS NOT NULL ORDER BY id').all(fileId) as Array<{ id: number }>).map(
      (r) => r.id,
    );
  }

  /** Removed documents and files, newest removal first. Secret documents only when `includeSecret`. */
  listRemoved(q: { kind?: 'document' | 'file'; includeSecret: boolean; offset: number; limit: number }): { total: number; items: RemovedRecord[]; hiddenSecret: number } {
    const secretFilter = q.includeSecret ? '' : 'AND d.security_level IS NULL';
    const parts: string[] = [];
    if (q.kind !== 'file') {
      parts.push(`SELECT 'document' AS kind, d.id, d.fonds_id, fo.code AS fonds_code, d.number_symbol AS reference, d.subject AS title,
          d.removed_at, d.removed_by, d.removal_reason, d.removed_with_file_id, d.destruction_decision_id, 0 AS document_count
        FROM documents d JOIN fonds fo ON fo.id = d.fonds_id
        WHERE d.removed_at IS NOT NULL ${secretFilter}`);
    }
    if (q.kind !== 'document') {
      parts.push(`SELECT 'file' AS kind, f.id, f.fonds_id, fo.code AS fonds_code, f.code AS reference, f.title AS title,
          f.removed_at, f.removed_by, f.removal_reason, NULL AS removed_with_file_id, f.destruction_decision_id,
          (SELECT COUNT(*) FROM documents d WHERE d.removed_with_file_id = f.id AND d.removed_at IS NOT NULL) AS document_count
        FROM files f JOIN fonds fo ON fo.id = f.fonds_id
        WHERE f.removed_at IS NOT NULL`);
    }
    const union = parts.join(' UNION ALL ');
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${union})`).get() as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM (${union}) ORDER BY removed_at DESC, kind, id DESC LIMIT ? OFFSET ?`).all(q.limit, q.offset) as Array<
      RemovalRow & { kind: 'document' | 'file'; id: number; fonds_id: number; fonds_code: string; reference: string | null; title: string | null; document_count: number }
    >;
    const hiddenSecret =
      q.includeSecret || q.kind === 'file'
        ? 0
        : (this.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE removed_at IS NOT NULL AND security_level IS NOT NULL').get() as { n: number }).n;
    return {
      total,
      hiddenSecret,
      items: rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        fondsId: r.fonds_id,
        fondsCode: r.fonds_code,
        reference: r.reference,
        title: r.title,
        removal: toRemoval(r)!,
        documentCount: r.document_count,
      })),
    };
  }

  // --- secret documents (độ mật) ---

  isSecret(documentId: number): boolean {
    const row = cachedStatement(this.db, 'SELECT security_level FROM documents WHERE id = ?').get(documentId) as { security_level: string | null } | undefined;
    return row?.security_level != null;
  }

  /** Which of these documents are secret, in one statement (a job's progress poll asks about all its recent results at once). */
  secretAmong(documentIds: readonly number[]): Set<number> {
    if (documentIds.length === 0) return new Set();
    const rows = cachedStatement(this.db, 'SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?)) AND security_level IS NOT NULL')
      .pluck()
      .all(JSON.stringify(documentIds)) as number[];
    return new Set(rows);
  }

  /** Secret documents not removed. */
  activeSecretCount(filter: { fondsId?: number; fileId?: number; unfiled?: boolean } = {}): number {
    const where = ['removed_at IS NULL', 'security_level IS NOT NULL'];
    const params: Record<string, unknown> = {};
    if (filter.fondsId !== undefined) {
      where.push('fonds_id = @fondsId');
      params.fondsId = filter.fondsId;
    }
    if (filter.fileId !== undefined) {
      where.push('file_id = @fileId');
      params.fileId = filter.fileId;
    }
    if (filter.unfiled) where.push('file_id IS NULL');
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  }

  /** Ids of every secret document and of their originals, to keep their audit rows out of sight. */
  secretIds(): { documents: Set<number>; attachments: Set<number> } {
    const documents = new Set((this.db.prepare('SELECT id FROM documents WHERE security_level IS NOT NULL').all() as Array<{ id: number }>).map((r) => r.id));
    const attachments = new Set(
      (this.db.prepare('SELECT a.id FROM attachments a JOIN documents d ON d.id = a.document_id WHERE d.security_level IS NOT NULL').all() as Array<{ id: number }>).map(
        (r) => r.id,
      ),
    );
    return { documents, attachments };
  }
}
