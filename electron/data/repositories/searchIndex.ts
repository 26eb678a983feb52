import type { Database } from 'better-sqlite3-multiple-ciphers';
import { fold } from '../../../shared/text/fold';

export interface IndexedText {
  numberSymbol: string | null;
  subject: string | null;
  body: string;
}

export interface SearchFilterParams {
  fondsIds?: number[];
  docTypes?: string[];
  dateFrom?: string;
  dateTo?: string;
  retentionClasses?: Array<'permanent' | 'fixed' | 'none'>;
  handoverStatuses?: string[];
}

export interface SearchRow {
  id: number;
  score: number;
}

/** bm25 column weights: a hit in the number-symbol counts most, then the subject, then the body. */
const BM25 = 'bm25(document_fts, 10.0, 5.0, 1.0)';

function inList(name: string, values: readonly unknown[], params: Record<string, unknown>): string {
  const names = values.map((v, i) => {
    params[`${name}${i}`] = v;
    return `@${name}${i}`;
  });
  return `(${names.join(', ')})`;
}

function filterClauses(f: SearchFilterParams, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (f.fondsIds?.length) where.push(`d.fonds_id IN ${inList('fonds', f.fondsIds, params)}`);
  if (f.docTypes?.length) where.push(`d.doc_type IN ${inList('type', f.docTypes, params)}`);
  if (f.dateFrom) {
    where.push('d.issue_date >= @dateFrom');
    params.dateFrom = f.dateFrom;
  }
  if (f.dateTo) {
    where.push('d.issue_date <= @dateTo');
    params.dateTo = f.dateTo;
  }
  if (f.retentionClasses?.length) {
    const classes = f.retentionClasses.filter((c) => c !== 'none');
    const parts: string[] = [];
    if (classes.length) parts.push(`r.retention_class IN ${inList('ret', classes, params)}`);
    if (f.retentionClasses.includes('none')) parts.push('r.retention_class IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  if (f.handoverStatuses?.length) where.push(`COALESCE(fl.handover_status, 'not_started') IN ${inList('hs', f.handoverStatuses, params)}`);
  return where;
}

const JOINS = `
  JOIN documents d ON d.id = document_fts.rowid
  LEFT JOIN files fl ON fl.id = d.file_id
  LEFT JOIN retention_periods r ON r.code = fl.retention_code`;

const BROWSE_JOINS = `
  FROM documents d
  LEFT JOIN files fl ON fl.id = d.file_id
  LEFT JOIN retention_periods r ON r.code = fl.retention_code`;

/**
 * The full-text index (FTS5, contentless) over folded text. Written in the same transaction as
 * the document it indexes, so the two never disagree.
 */
export class SearchIndexRepository {
  constructor(private readonly db: Database) {}

  upsert(documentId: number, text: IndexedText): void {
    this.db.prepare('DELETE FROM document_fts WHERE rowid = ?').run(documentId);
    this.db
      .prepare('INSERT INTO document_fts (rowid, number_symbol, subject, body) VALUES (?, ?, ?, ?)')
      .run(documentId, fold(text.numberSymbol ?? ''), fold(text.subject ?? ''), fold(text.body));
  }

  remove(documentId: number): void {
    this.db.prepare('DELETE FROM document_fts WHERE rowid = ?').run(documentId);
  }

  /** Ranked matches (best first) for an FTS5 expression, with the filters applied. */
  search(match: string, filters: SearchFilterParams, offset: number, limit: number): { total: number; rows: SearchRow[] } {
    const params: Record<string, unknown> = { match, offset, limit };
    const where = ['document_fts MATCH @match', ...filterClauses(filters, params)].join(' AND ');
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM document_fts ${JOINS} WHERE ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT d.id AS id, ${BM25} AS score FROM document_fts ${JOINS} WHERE ${where} ORDER BY score, d.id LIMIT @limit OFFSET @offset`)
      .all(params) as SearchRow[];
    // bm25 is "smaller is better"; the contract reports bigger-is-better scores.
    return { total, rows: rows.map((r) => ({ id: r.id, score: -r.score })) };
  }

  /** No words typed: the filtered documents, newest first. */
  browse(filters: SearchFilterParams, offset: number, limit: number): { total: number; rows: SearchRow[] } {
    const params: Record<string, unknown> = { offset, limit };
    const clauses = filterClauses(filters, params);
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${BROWSE_JOINS} ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT d.id AS id, 0 AS score ${BROWSE_JOINS} ${where} ORDER BY d.issue_date IS NULL, d.issue_date DESC, d.id DESC LIMIT @limit OFFSET @offset`)
      .all(params) as SearchRow[];
    return { total, rows };
  }
}
