import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { BulkActionName, BulkEntity, BulkOperationSummary } from '../../../shared/contract/types/bulk';
import { parseJson, parseJsonArray } from './sql';

/** What a bulk action reads of a document to decide what to do with it. */
export interface BulkDocumentRow {
  id: number;
  fondsId: number;
  fileId: number | null;
  orderInFile: number | null;
  numberSymbol: string | null;
  docType: string | null;
  issueDate: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  securityLevel: string | null;
  urgency: string | null;
  language: string | null;
  reliability: string | null;
  notes: string | null;
  reviewFields: string[];
  removedAt: string | null;
  removedBy: string | null;
  removalReason: string | null;
  removedWithFileId: number | null;
  updatedAt: string;
}

/** What a bulk action reads of a file (hồ sơ), with the handover batch holding it. */
export interface BulkFileRow {
  id: number;
  fondsId: number;
  fileListId: number | null;
  code: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  retentionCode: string | null;
  completion: string | null;
  box: string | null;
  accessRegime: string | null;
  language: string | null;
  physicalCondition: string | null;
  notes: string | null;
  removedAt: string | null;
  removedBy: string | null;
  removalReason: string | null;
  updatedAt: string;
  batchId: number | null;
  batchCode: string | null;
  batchStatus: string | null;
}

export interface BulkChangeRow {
  seq: number;
  entityType: BulkEntity;
  entityId: number;
  kind: 'fields' | 'remove' | 'create' | 'batch';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface OperationRow {
  id: number;
  action: BulkActionName;
  params_json: string;
  actor: string;
  at: string;
  changed: number;
  refused: number;
  undone_at: string | null;
  undone_by: string | null;
}

/** Ids go to SQLite as one JSON array per statement: one compiled statement for any count. */
const CHUNK = 20_000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Bulk operations: reading many documents or files at once, the record of each operation and of
 * every record it changed (for undo), and the ids a list view holds.
 */
export class BulkRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Documents of a list view (a file's, a fonds', a fonds' unfiled), in use, secret ones only if asked. */
  documentIdsOfList(q: { fondsId?: number; fileId?: number; unfiled?: boolean; includeSecret: boolean }): number[] {
    const where = ['removed_at IS NULL'];
    if (!q.includeSecret) where.push('security_level IS NULL');
    if (q.fondsId !== undefined) where.push('fonds_id = @fondsId');
    if (q.fileId !== undefined) where.push('file_id = @fileId');
    if (q.unfiled) where.push('file_id IS NULL');
    return this.db
      .prepare(`SELECT id FROM documents WHERE ${where.join(' AND ')} ORDER BY id`)
      .pluck()
      .all({ fondsId: q.fondsId ?? null, fileId: q.fileId ?? null }) as number[];
  }

  /** Files of a fonds (or of one of its file lists) in use. */
  fileIdsOfList(fondsId: number, fileListId?: number): number[] {
    if (fileListId === undefined) return this.st('SELECT id FROM files WHERE fonds_id = ? AND removed_at IS NULL ORDER BY id').pluck().all(fondsId) as number[];
    return this.st('SELECT id FROM files WHERE fonds_id = ? AND file_list_id = ? AND removed_at IS NULL ORDER BY id').pluck().all(fondsId, fileListId) as number[];
  }

  documents(ids: readonly number[]): Map<number, BulkDocumentRow> {
    const out = new Map<number, BulkDocumentRow>();
    const stmt = this.st(
      `SELECT id, fonds_id, file_id, order_in_file, number_symbol, doc_type, issue_date, issuer, parent_issuer, place, security_level, urgency,
         language, reliability, notes, review_fields, removed_at, removed_by, removal_reason, removed_with_file_id, updated_at
       FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
    );
    for (const part of chunks(ids)) {
      for (const r of stmt.all(JSON.stringify(part)) as Array<Record<string, unknown>>) {
        out.set(r.id as number, {
          id: r.id as number,
          fondsId: r.fonds_id as number,
          fileId: r.file_id as number | null,
          orderInFile: r.order_in_file as number | null,
          numberSymbol: r.number_symbol as string | null,
          docType: r.doc_type as string | null,
          issueDate: r.issue_date as string | null,
          issuer: r.issuer as string | null,
          parentIssuer: r.parent_issuer as string | null,
          place: r.place as string | null,
          securityLevel: r.security_level as string | null,
          urgency: r.urgency as string | null,
          language: r.language as string | null,
          reliability: r.reliability as string | null,
          notes: r.notes as string | null,
          reviewFields: parseJsonArray(r.review_fields as string),
          removedAt: r.removed_at as string | null,
          removedBy: r.removed_by as string | null,
          removalReason: r.removal_reason as string | null,
          removedWithFileId: r.removed_with_file_id as number | null,
          updatedAt: r.updated_at as string,
        });
      }
    }
    return out;
  }

  files(ids: readonly number[]): Map<number, BulkFileRow> {
    const out = new Map<number, BulkFileRow>();
    const stmt = this.st(
      `SELECT f.id, f.fonds_id, f.file_list_id, f.code, f.title, f.start_date, f.end_date, f.retention_code, f.completion, f.box, f.access_regime,
         f.language, f.physical_condition, f.notes, f.removed_at, f.removed_by, f.removal_reason, f.updated_at,
         b.id AS batch_id, b.code AS batch_code, b.status AS batch_status
       FROM files f LEFT JOIN handover_batch_files bf ON bf.file_id = f.id LEFT JOIN handover_batches b ON b.id = bf.batch_id
       WHERE f.id IN (SELECT value FROM json_each(?))`,
    );
    for (const part of chunks(ids)) {
      for (const r of stmt.all(JSON.stringify(part)) as Array<Record<string, unknown>>) {
        out.set(r.id as number, {
          id: r.id as number,
          fondsId: r.fonds_id as number,
          fileListId: r.file_list_id as number | null,
          code: r.code as string,
          title: r.title as string,
          startDate: r.start_date as string | null,
          endDate: r.end_date as string | null,
          retentionCode: r.retention_code as string | null,
          completion: r.completion as string | null,
          box: r.box as string | null,
          accessRegime: r.access_regime as string | null,
          language: r.language as string | null,
          physicalCondition: r.physical_condition as string | null,
          notes: r.notes as string | null,
          removedAt: r.removed_at as string | null,
          removedBy: r.removed_by as string | null,
          removalReason: r.removal_reason as string | null,
          updatedAt: r.updated_at as string,
          batchId: r.batch_id as number | null,
          batchCode: r.batch_code as string | null,
          batchStatus: r.batch_status as string | null,
        });
      }
    }
    return out;
  }

  /** `updated_at` of each record now, to see what changed while an action was being prepared. */
  stamps(entity: BulkEntity, ids: readonly number[]): Map<number, string> {
    const table = entity === 'document' ? 'documents' : 'files';
    const stmt = this.st(`SELECT id, updated_at FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
    const out = new Map<number, string>();
    for (const part of chunks(ids)) for (const r of stmt.all(JSON.stringify(part)) as Array<{ id: number; updated_at: string }>) out.set(r.id, r.updated_at);
    return out;
  }

  /** Documents in use of each file dated outside [start, end] (either may be open). */
  documentsOutside(fileId: number, start: string | null, end: string | null): number {
    return this.st(
      `SELECT COUNT(*) FROM documents WHERE file_id = @f AND removed_at IS NULL AND issue_date IS NOT NULL
         AND ((@s IS NOT NULL AND issue_date < @s) OR (@e IS NOT NULL AND issue_date > @e))`,
    )
      .pluck()
      .get({ f: fileId, s: start, e: end }) as number;
  }

  /**
   * Documents in use dated outside their file's dates (start or end set), of the given fonds or
   * files: the first `limit`, and how many there are. Secret ones only when `includeSecret`.
   */
  documentsOutsideFileDates(scope: { fondsIds: readonly number[] } | { fileIds: readonly number[] }, includeSecret: boolean, limit: number) {
    const where = [
      'd.removed_at IS NULL',
      'f.removed_at IS NULL',
      'd.issue_date IS NOT NULL',
      '((f.start_date IS NOT NULL AND d.issue_date < f.start_date) OR (f.end_date IS NOT NULL AND d.issue_date > f.end_date))',
      'fileIds' in scope ? 'f.id IN (SELECT value FROM json_each(@ids))' : 'f.fonds_id IN (SELECT value FROM json_each(@ids))',
    ];
    if (!includeSecret) where.push('d.security_level IS NULL');
    const ids = JSON.stringify('fileIds' in scope ? scope.fileIds : scope.fondsIds);
    const from = `FROM documents d JOIN files f ON f.id = d.file_id WHERE ${where.join(' AND ')}`;
    const count = this.db.prepare(`SELECT COUNT(*) ${from}`).pluck().get({ ids }) as number;
    const items = this.db
      .prepare(`SELECT d.id, d.number_symbol, d.issue_date, f.id AS file_id, f.code, f.start_date, f.end_date ${from} ORDER BY f.code, d.issue_date LIMIT @limit`)
      .all({ ids, limit }) as Array<{ id: number; number_symbol: string | null; issue_date: string; file_id: number; code: string; start_date: string | null; end_date: string | null }>;
    return {
      count,
      items: items.map((r) => ({ documentId: r.id, numberSymbol: r.number_symbol, issueDate: r.issue_date, fileId: r.file_id, fileCode: r.code, start: r.start_date, end: r.end_date })),
    };
  }

  /** Documents in use of the files, with their ids (removing a file removes them with it). */
  activeDocumentsOfFiles(fileIds: readonly number[]): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const stmt = this.st('SELECT file_id, id FROM documents WHERE removed_at IS NULL AND file_id IN (SELECT value FROM json_each(?)) ORDER BY file_id, id');
    for (const part of chunks(fileIds)) {
      for (const r of stmt.all(JSON.stringify(part)) as Array<{ file_id: number; id: number }>) {
        const list = out.get(r.file_id);
        if (list) list.push(r.id);
        else out.set(r.file_id, [r.id]);
      }
    }
    return out;
  }

  /** Secret documents in use of each file. */
  secretCounts(fileIds: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    const stmt = this.st(
      'SELECT file_id, COUNT(*) AS n FROM documents WHERE security_level IS NOT NULL AND removed_at IS NULL AND file_id IN (SELECT value FROM json_each(?)) GROUP BY file_id',
    );
    for (const part of chunks(fileIds)) for (const r of stmt.all(JSON.stringify(part)) as Array<{ file_id: number; n: number }>) out.set(r.file_id, r.n);
    return out;
  }

  /** Files whose code is one of `codes` in the fonds (to see a renumbering would clash). */
  filesWithCodes(fondsId: number, codes: readonly string[]): Array<{ id: number; code: string }> {
    return this.st('SELECT id, code FROM files WHERE fonds_id = ? AND code IN (SELECT value FROM json_each(?))').all(fondsId, JSON.stringify(codes)) as Array<{
      id: number;
      code: string;
    }>;
  }

  /** Whether a handover batch has been removed (a removed draft is kept, with who and why). */
  batchRemoved(batchId: number): boolean {
    return this.st('SELECT removed_at IS NOT NULL FROM handover_batches WHERE id = ?').pluck().get(batchId) === 1;
  }

  // ---- the record of operations ----

  insertOperation(o: { action: BulkActionName; params: unknown; actor: string; at: string; changed: number; refused: number }): number {
    const r = this.st('INSERT INTO bulk_operations (action, params_json, actor, at, changed, refused) VALUES (?, ?, ?, ?, ?, ?)').run(
      o.action,
      JSON.stringify(o.params ?? {}),
      o.actor,
      o.at,
      o.changed,
      o.refused,
    );
    return Number(r.lastInsertRowid);
  }

  insertChanges(operationId: number, changes: ReadonlyArray<Omit<BulkChangeRow, 'seq'>>): void {
    const stmt = this.st('INSERT INTO bulk_changes (operation_id, seq, entity_type, entity_id, kind, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    changes.forEach((c, i) =>
      stmt.run(operationId, i + 1, c.entityType, c.entityId, c.kind, c.before === null ? null : JSON.stringify(c.before), c.after === null ? null : JSON.stringify(c.after)),
    );
  }

  changes(operationId: number): BulkChangeRow[] {
    const rows = this.st('SELECT seq, entity_type, entity_id, kind, before_json, after_json FROM bulk_changes WHERE operation_id = ? ORDER BY seq').all(operationId) as Array<{
      seq: number;
      entity_type: BulkEntity;
      entity_id: number;
      kind: BulkChangeRow['kind'];
      before_json: string | null;
      after_json: string | null;
    }>;
    return rows.map((r) => ({
      seq: r.seq,
      entityType: r.entity_type,
      entityId: r.entity_id,
      kind: r.kind,
      before: parseJson<Record<string, unknown>>(r.before_json),
      after: parseJson<Record<string, unknown>>(r.after_json),
    }));
  }

  operation(id: number): BulkOperationSummary | undefined {
    const row = this.st('SELECT * FROM bulk_operations WHERE id = ?').get(id) as OperationRow | undefined;
    return row ? toSummary(row) : undefined;
  }

  operations(limit: number): BulkOperationSummary[] {
    return (this.st('SELECT * FROM bulk_operations ORDER BY id DESC LIMIT ?').all(limit) as OperationRow[]).map(toSummary);
  }

  markUndone(id: number, at: string, by: string): void {
    this.st('UPDATE bulk_operations SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL').run(at, by, id);
  }
}

function toSummary(r: OperationRow): BulkOperationSummary {
  return {
    id: r.id,
    action: r.action,
    actor: r.actor,
    at: r.at,
    changed: r.changed,
    refused: r.refused,
    detail: parseJson<Record<string, unknown>>(r.params_json) ?? {},
    undoneAt: r.undone_at,
    undoneBy: r.undone_by,
  };
}
