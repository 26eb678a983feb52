import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RetentionPeriod, SecurityLevel } from '../../../shared/contract/types';
import type { InventoryFileRow, UnfiledAggregate } from '../../../shared/handover/statistics';

interface InventoryRow {
  id: number;
  fonds_id: number;
  fonds_code: string;
  code: string;
  title: string;
  start_date: string | null;
  end_date: string | null;
  retention_code: string | null;
  completion: InventoryFileRow['completion'];
  box: string | null;
  sheet_count: number | null;
  page_count: number | null;
  handover_status: InventoryFileRow['handoverStatus'];
  document_count: number;
  mat: number | null;
  toi_mat: number | null;
  tuyet_mat: number | null;
  min_issue: string | null;
  max_issue: string | null;
  needing_review: number | null;
}

interface UnfiledRow {
  documents: number;
  mat: number | null;
  toi_mat: number | null;
  tuyet_mat: number | null;
  min_issue: string | null;
  max_issue: string | null;
  needing_review: number | null;
}

/** An original with where it is stored (relative to the catalogue's originals folder). */
export interface StoredAttachment {
  id: number;
  documentId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  storedPath: string;
}

const AGGREGATES = `COUNT(d.id) AS document_count,
    SUM(d.security_level = 'mat') AS mat, SUM(d.security_level = 'toi_mat') AS toi_mat, SUM(d.security_level = 'tuyet_mat') AS tuyet_mat,
    MIN(d.issue_date) AS min_issue, MAX(d.issue_date) AS max_issue, SUM(d.review_fields <> '[]') AS needing_review`;

function secretOf(r: { mat: number | null; toi_mat: number | null; tuyet_mat: number | null }): Record<SecurityLevel, number> {
  return { mat: r.mat ?? 0, toi_mat: r.toi_mat ?? 0, tuyet_mat: r.tuyet_mat ?? 0 };
}

/**
 * The reads and the few writes of the handover work that span several tables: inventory
 * aggregates, what a package needs from the catalogue, and receiving records from a package.
 */
export class HandoverDataRepository {
  constructor(private readonly db: Database) {}

  /** Per-file inventory rows: the files of some fonds, or the given files. */
  inventoryFiles(scope: { fondsIds: number[] } | { fileIds: number[] }): InventoryFileRow[] {
    const where = 'fondsIds' in scope ? 'f.fonds_id IN (SELECT value FROM json_each(@ids))' : 'f.id IN (SELECT value FROM json_each(@ids))';
    const ids = JSON.stringify('fondsIds' in scope ? scope.fondsIds : scope.fileIds);
    const rows = this.db
      .prepare(
        `SELECT f.id, f.fonds_id, fo.code AS fonds_code, f.code, f.title, f.start_date, f.end_date, f.retention_code, f.completion, f.box,
           f.sheet_count, f.page_count, f.handover_status, ${AGGREGATES}
         FROM files f JOIN fonds fo ON fo.id = f.fonds_id LEFT JOIN documents d ON d.file_id = f.id AND d.removed_at IS NULL
         WHERE ${where} AND f.removed_at IS NULL GROUP BY f.id`,
      )
      .all({ ids }) as InventoryRow[];
    return rows.map((r) => ({
      id: r.id,
      fondsId: r.fonds_id,
      fondsCode: r.fonds_code,
      code: r.code,
      title: r.title,
      startDate: r.start_date,
      endDate: r.end_date,
      retentionCode: r.retention_code,
      completion: r.completion,
      box: r.box,
      sheetCount: r.sheet_count,
      pageCount: r.page_count,
      handoverStatus: r.handover_status,
      documentCount: r.document_count,
      secret: secretOf(r),
      minIssueDate: r.min_issue,
      maxIssueDate: r.max_issue,
      needingReview: r.needing_review ?? 0,
    }));
  }

  /** The fonds the given files belong to, by id. */
  fondsOfFiles(fileIds: number[]): number[] {
    const rows = this.db
      .prepare('SELECT DISTINCT fonds_id FROM files WHERE id IN (SELECT value FROM json_each(?)) ORDER BY fonds_id')
      .all(JSON.stringify(fileIds)) as Array<{ fonds_id: number }>;
    return rows.map((r) => r.fonds_id);
  }

  /** Documents of the fonds that are in no file. */
  unfiled(fondsIds: number[]): UnfiledAggregate {
    const r = this.db
      .prepare(`SELECT ${AGGREGATES.replace('COUNT(d.id) AS document_count', 'COUNT(d.id) AS documents')} FROM documents d
                WHERE d.file_id IS NULL AND d.removed_at IS NULL AND d.fonds_id IN (SELECT value FROM json_each(?))`)
      .get(JSON.stringify(fondsIds)) as UnfiledRow;
    return {
      documents: r.documents,
      secret: secretOf(r),
      minIssueDate: r.min_issue,
      maxIssueDate: r.max_issue,
      needingReview: r.needing_review ?? 0,
    };
  }

  /** Originals of the documents in the given files, with their stored paths, in file order. */
  attachmentsOfFiles(fileIds: number[]): StoredAttachment[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.document_id, a.file_name, a.media_type, a.size, a.sha256, a.stored_path
         FROM attachments a JOIN documents d ON d.id = a.document_id
         WHERE d.file_id IN (SELECT value FROM json_each(?)) AND d.removed_at IS NULL ORDER BY d.file_id, d.order_in_file, d.id, a.id`,
      )
      .all(JSON.stringify(fileIds)) as Array<{ id: number; document_id: number; file_name: string; media_type: string; size: number; sha256: string; stored_path: string }>;
    return rows.map((r) => ({ id: r.id, documentId: r.document_id, fileName: r.file_name, mediaType: r.media_type, size: r.size, sha256: r.sha256, storedPath: r.stored_path }));
  }

  /**
   * Full texts as JSON lines (`{"document":<key>,"fullText":<text>}` and a newline), in the order
   * given, a document not found with an empty text. SQLite quotes the text and hands back its UTF-8
   * bytes: a text goes from the catalogue to the package without becoming a JavaScript string
   * (decoding, quoting and encoding a batch's third of a gigabyte of text took longer than copying
   * its originals). Callers ask in small chunks: texts can be large.
   */
  fullTextLines(documents: Array<readonly [key: string, id: number]>): Buffer[] {
    return this.db
      .prepare(
        `SELECT CAST(json_object('document', j.value ->> 0, 'fullText', coalesce(d.full_text, '')) || char(10) AS BLOB)
         FROM json_each(?) j LEFT JOIN documents d ON d.id = j.value ->> 1 ORDER BY j.key`,
      )
      .pluck()
      .all(JSON.stringify(documents)) as Buffer[];
  }

  /**
   * What a package's content depends on: every file of the batch and every document in them, with
   * when it last changed. Hashed when the batch is packed and again before it is handed over.
   */
  contentStamps(fileIds: number[]): string[] {
    const ids = JSON.stringify(fileIds);
    const files = this.db
      .prepare('SELECT id, updated_at, removed_at FROM files WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(ids) as Array<{ id: number; updated_at: string; removed_at: string | null }>;
    const docs = this.db
      .prepare('SELECT id, file_id, updated_at, removed_at FROM documents WHERE file_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(ids) as Array<{ id: number; file_id: number; updated_at: string; removed_at: string | null }>;
    const atts = this.db
      .prepare(
        `SELECT a.id, a.document_id, a.sha256 FROM attachments a JOIN documents d ON d.id = a.document_id
         WHERE d.file_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
      )
      .all(ids) as Array<{ id: number; document_id: number; sha256: string }>;
    return [
      ...files.map((f) => `f${f.id} ${f.updated_at} ${f.removed_at ?? ''}`),
      ...docs.map((d) => `d${d.id} ${d.file_id} ${d.updated_at} ${d.removed_at ?? ''}`),
      ...atts.map((a) => `a${a.id} ${a.document_id} ${a.sha256}`),
    ];
  }

  /** Files and documents of the given files changed after `since` (ISO time). */
  changedSince(fileIds: number[], since: string): number {
    const ids = JSON.stringify(fileIds);
    const f = this.db.prepare('SELECT COUNT(*) AS n FROM files WHERE id IN (SELECT value FROM json_each(?)) AND updated_at > ?').get(ids, since) as { n: number };
    const d = this.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE file_id IN (SELECT value FROM json_each(?)) AND updated_at > ?').get(ids, since) as { n: number };
    return f.n + d.n;
  }

  /** Of the given files, those removed (soft-deleted) since they were chosen. */
  removedFiles(fileIds: number[]): Array<{ id: number; code: string }> {
    return this.db
      .prepare('SELECT id, code FROM files WHERE id IN (SELECT value FROM json_each(?)) AND removed_at IS NOT NULL ORDER BY id')
      .all(JSON.stringify(fileIds)) as Array<{ id: number; code: string }>;
  }

  /** Files of the batch without a box number. */
  filesWithoutBox(fileIds: number[]): number[] {
    const rows = this.db
      .prepare("SELECT id FROM files WHERE id IN (SELECT value FROM json_each(?)) AND (box IS NULL OR trim(box) = '') ORDER BY id")
      .all(JSON.stringify(fileIds)) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  // ---- receiving ----

  /** Adds a retention period a package uses and this catalogue lacks (the schedule is data). */
  insertRetentionPeriod(p: RetentionPeriod): void {
    const order = (this.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM retention_periods').get() as { n: number }).n;
    this.db
      .prepare('INSERT INTO retention_periods (code, retention_class, years, label_vi, label_en, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.code, p.retentionClass, p.years, p.labelVi, p.labelEn, order);
  }

  findOrganizationByCode(code: string): number | null {
    const row = this.db.prepare('SELECT id FROM organizations WHERE code = ?').get(code) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** The document holding an original with this SHA-256, for every hash the catalogue knows. */
  heldAttachments(sha256s: string[]): Map<string, number> {
    const rows = this.db
      .prepare('SELECT sha256, document_id FROM attachments WHERE sha256 IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(sha256s)) as Array<{ sha256: string; document_id: number }>;
    return new Map(rows.map((r) => [r.sha256, r.document_id]));
  }

  attachmentIdBySha256(sha256: string): number | null {
    const row = this.db.prepare('SELECT id FROM attachments WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
    return row?.id ?? null;
  }
}
