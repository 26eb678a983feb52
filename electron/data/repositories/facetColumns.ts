import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

/**
 * The columns search counts and filters by, read into memory by the facet store: each document's
 * fonds, file, type, issuer, signer, date, number and security level (in chunks, then the changed
 * rows), the files' retention, completion and handover state, and the structure (fonds,
 * organizations and their 2025 lineage, retention periods).
 */

/** One document's facet columns, as stored. */
export type DocumentFacetRow = [
  id: number,
  fondsId: number,
  fileId: number | null,
  docType: string | null,
  issuer: string | null,
  parentIssuer: string | null,
  signerName: string | null,
  issueDate: string | null,
  numberSymbol: string | null,
  securityLevel: string | null,
  removed: number,
];

export interface FileFacetRow {
  id: number;
  fonds_id: number;
  retention_code: string | null;
  retention_class: 'permanent' | 'fixed' | null;
  completion: 'completed' | 'unfinished' | null;
  handover_status: string;
  removed: number;
}

export interface StructureRows {
  fonds: Array<{ id: number; code: string; name: string; organization_id: number }>;
  organizations: Array<{ id: number; name: string; level: string; end_date: string | null }>;
  successions: Array<{ predecessor_id: number; successor_id: number }>;
  retention: Array<{ code: string; retention_class: 'permanent' | 'fixed'; label_vi: string; label_en: string; sort_order: number }>;
}

const FACET_COLUMNS = `id, fonds_id, file_id, doc_type, issuer, parent_issuer, signer_name, issue_date, number_symbol, security_level,
  CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END`;

export class FacetColumnRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  /**
   * The number-like columns of documents with id > `afterId`: id, fonds, file (0 = none), the
   * number's leading digits (-1 = none) and the security level as 0–3. Integers only: a million
   * rows of them cross into JavaScript several times faster than rows of text. `removed_at` is not
   * read here: it sits after the full text in the row, and reaching it would read every text's
   * overflow pages (650 MB for 100,000 documents); {@link removedIds} answers it from its index.
   */
  documentNumbers(afterId: number, limit: number): Array<[number, number, number, number, number]> {
    return this.st(
      `SELECT id, fonds_id, COALESCE(file_id, 0),
         CASE WHEN number_symbol GLOB '[0-9]*' THEN CAST(number_symbol AS INTEGER) ELSE -1 END,
         CASE security_level WHEN 'mat' THEN 1 WHEN 'toi_mat' THEN 2 WHEN 'tuyet_mat' THEN 3 ELSE 0 END
       FROM documents INDEXED BY search_facets WHERE id > ? ORDER BY id LIMIT ?`,
    )
      .raw()
      .all(afterId, limit) as Array<[number, number, number, number, number]>;
  }

  /**
   * Each distinct value of a text column with the ids that hold it (comma-separated): a text value
   * shared by thousands of documents crosses once.
   */
  documentGroups(column: 'doc_type' | 'issuer_pair' | 'signer_name' | 'issue_date'): Array<[string | null, string | null, string]> {
    const expr = column === 'issuer_pair' ? 'issuer, parent_issuer' : `${column}, NULL`;
    const group = column === 'issuer_pair' ? 'issuer, parent_issuer' : column;
    return this.st(`SELECT ${expr}, group_concat(id) FROM documents INDEXED BY search_facets GROUP BY ${group}`).raw().all() as Array<[string | null, string | null, string]>;
  }

  /** Documents removed (kept with who/when/why), from the removal index. */
  removedIds(): number[] {
    return this.st('SELECT id FROM documents WHERE removed_at IS NOT NULL').pluck().all() as number[];
  }

  /** The facet columns of the given documents, removal included (for catching up with changes). */
  documentRows(ids: readonly number[]): DocumentFacetRow[] {
    if (ids.length === 0) return [];
    return this.st(`SELECT ${FACET_COLUMNS} FROM documents WHERE id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(ids)) as DocumentFacetRow[];
  }

  /** The facet columns of files (no titles: those are read for the few a page shows, see {@link fileLabels}). */
  files(ids?: readonly number[]): FileFacetRow[] {
    const base = `SELECT f.id, f.fonds_id, f.retention_code, r.retention_class, f.completion, f.handover_status,
        CASE WHEN f.removed_at IS NULL THEN 0 ELSE 1 END AS removed
      FROM files f LEFT JOIN retention_periods r ON r.code = f.retention_code`;
    if (!ids) return this.st(base).all() as FileFacetRow[];
    return this.st(`${base} WHERE f.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as FileFacetRow[];
  }

  fileLabels(ids: readonly number[]): Array<{ id: number; code: string; title: string }> {
    if (ids.length === 0) return [];
    return this.st('SELECT id, code, title FROM files WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: number; code: string; title: string }>;
  }

  structure(): StructureRows {
    return {
      fonds: this.st('SELECT id, code, name, organization_id FROM fonds').all() as StructureRows['fonds'],
      organizations: this.st('SELECT id, name, level, end_date FROM organizations').all() as StructureRows['organizations'],
      successions: this.st('SELECT predecessor_id, successor_id FROM organization_successions').all() as StructureRows['successions'],
      retention: this.st('SELECT code, retention_class, label_vi, label_en, sort_order FROM retention_periods ORDER BY sort_order').all() as StructureRows['retention'],
    };
  }
}
