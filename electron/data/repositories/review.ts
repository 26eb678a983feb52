import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReviewConfirmation } from '../../../shared/contract/types/importing';
import { parseJson } from './sql';

interface ConfirmationRow {
  id: number;
  document_id: number;
  field: string;
  value_json: string | null;
  edited: number;
  confirmed_by: string;
  confirmed_at: string;
}

export interface ReviewQuery {
  fondsId?: number;
  field?: string;
  hideSecret: boolean;
}

function toConfirmation(r: ConfirmationRow): ReviewConfirmation {
  return {
    id: r.id,
    documentId: r.document_id,
    field: r.field,
    value: parseJson(r.value_json),
    edited: r.edited === 1,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
  };
}

function whereOf(q: ReviewQuery, params: Record<string, unknown>): string {
  // Removed documents (a mark) leave the queue with every other list.
  const where = ["d.review_fields <> '[]'", 'd.removed_at IS NULL'];
  if (q.fondsId !== undefined) {
    where.push('d.fonds_id = @fondsId');
    params.fondsId = q.fondsId;
  }
  if (q.field !== undefined) {
    where.push('EXISTS (SELECT 1 FROM json_each(d.review_fields) j WHERE j.value = @field)');
    params.field = q.field;
  }
  if (q.hideSecret) where.push('d.security_level IS NULL');
  return where.join(' AND ');
}

/** Hàng đợi rà soát: documents with fields waiting for an archivist, and the confirmations made. */
export class ReviewRepository {
  constructor(private readonly db: Database) {}

  /** Ids of one page of documents to review, by fonds then in import order. */
  page(q: ReviewQuery & { offset: number; limit: number }): { total: number; ids: number[] } {
    const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
    const where = whereOf(q, params);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM documents d WHERE ${where}`).get(params) as { n: number }).n;
    const ids = (this.db.prepare(`SELECT d.id FROM documents d WHERE ${where} ORDER BY d.fonds_id, d.id LIMIT @limit OFFSET @offset`).all(params) as Array<{ id: number }>).map(
      (r) => r.id,
    );
    return { total, ids };
  }

  /** How many documents wait for review, and how many for each field. */
  summary(q: Omit<ReviewQuery, 'field'>): { documents: number; byField: Array<{ field: string; count: number }> } {
    const params: Record<string, unknown> = {};
    const where = whereOf(q, params);
    const documents = (this.db.prepare(`SELECT COUNT(*) AS n FROM documents d WHERE ${where}`).get(params) as { n: number }).n;
    const byField = this.db
      .prepare(`SELECT j.value AS field, COUNT(*) AS count FROM documents d, json_each(d.review_fields) j WHERE ${where} GROUP BY j.value ORDER BY count DESC, field`)
      .all(params) as Array<{ field: string; count: number }>;
    return { documents, byField };
  }

  /** What the parser recorded about the document (spans, encoding, OCR need), as stored. */
  parseInfo(documentId: number): Record<string, unknown> | null {
    const row = this.db.prepare('SELECT parse_info FROM documents WHERE id = ?').get(documentId) as { parse_info: string | null } | undefined;
    return parseJson<Record<string, unknown>>(row?.parse_info ?? null);
  }

  addConfirmation(c: { documentId: number; field: string; value: unknown; edited: boolean; confirmedBy: string; confirmedAt: string }): number {
    const result = this.db
      .prepare(
        `INSERT INTO review_confirmations (document_id, field, value_json, edited, confirmed_by, confirmed_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(c.documentId, c.field, c.value === undefined ? null : JSON.stringify(c.value), c.edited ? 1 : 0, c.confirmedBy, c.confirmedAt);
    return Number(result.lastInsertRowid);
  }

  confirmations(documentId: number): ReviewConfirmation[] {
    return (this.db.prepare('SELECT * FROM review_confirmations WHERE document_id = ? ORDER BY id').all(documentId) as ConfirmationRow[]).map(toConfirmation);
  }

  confirmation(id: number): ReviewConfirmation | undefined {
    const row = this.db.prepare('SELECT * FROM review_confirmations WHERE id = ?').get(id) as ConfirmationRow | undefined;
    return row ? toConfirmation(row) : undefined;
  }
}
