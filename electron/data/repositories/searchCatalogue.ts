import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

/**
 * What search reads from the catalogue besides the full-text index: the columns its in-memory
 * facets are built from (loaded in chunks, then kept current through `search_journal`), the
 * number-symbol lookup, the browse order, the rows shown for hits, saved searches and history.
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

export interface HitRow {
  id: number;
  fonds_id: number;
  file_id: number | null;
  number_symbol: string | null;
  doc_type: string | null;
  issue_date: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  signer_name: string | null;
  subject: string | null;
  security_level: string | null;
  full_text: string;
}

export interface SavedSearchRow {
  id: number;
  name: string;
  query_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface HistoryRow {
  id: number;
  text: string;
  query_json: string;
  total: number | null;
  actor: string;
  at: string;
}

const FACET_COLUMNS = `id, fonds_id, file_id, doc_type, issuer, parent_issuer, signer_name, issue_date, number_symbol, security_level,
  CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END`;
const CHUNK_COLUMNS = 'id, fonds_id, file_id, doc_type, issuer, parent_issuer, signer_name, issue_date, number_symbol, security_level, 0';

export class SearchCatalogueRepository {

  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  /**
   * Facet columns of documents with id > `afterId`, in id order. `removed_at` is not read here: it
   * sits after the full text in the row, and reaching it would read every text's overflow pages
   * (650 MB for 100,000 documents); {@link removedIds} answers it from its index instead.
   */
  documentChunk(afterId: number, limit: number): DocumentFacetRow[] {
    return this.st(`SELECT ${CHUNK_COLUMNS} FROM documents WHERE id > ? ORDER BY id LIMIT ?`).raw().all(afterId, limit) as DocumentFacetRow[];
  }

  /**
   * The number-like columns of documents with id > `afterId`: id, fonds, file (0 = none), the
   * number's leading digits (-1 = none) and the security level as 0–3. Integers only: a million
   * rows of them cross into JavaScript several times faster than rows of text.
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

  journalHead(): number {
    return (this.st('SELECT COALESCE(MAX(seq), 0) FROM search_journal').pluck().get() as number) ?? 0;
  }

  journalTail(): number {
    return (this.st('SELECT COALESCE(MIN(seq), 0) FROM search_journal').pluck().get() as number) ?? 0;
  }

  journalSince(seq: number, limit: number): Array<{ seq: number; kind: 'document' | 'file' | 'structure'; entity_id: number | null }> {
    return this.st('SELECT seq, kind, entity_id FROM search_journal WHERE seq > ? ORDER BY seq LIMIT ?').all(seq, limit) as Array<{
      seq: number;
      kind: 'document' | 'file' | 'structure';
      entity_id: number | null;
    }>;
  }

  /** Keeps the journal short: entries older than the newest `keep` are dropped. */
  pruneJournal(keep: number): void {
    this.st('DELETE FROM search_journal WHERE seq <= (SELECT MAX(seq) FROM search_journal) - ?').run(keep);
  }

  /** Documents whose number key is `key`, or starts with `key` followed by more parts. */
  idsByNumberKey(keys: readonly string[], partial: boolean, limit: number): number[] {
    const out = new Set<number>();
    for (const key of keys) {
      const rows = partial
        ? (this.st("SELECT id FROM documents WHERE number_key = ? OR (number_key >= ? || ' ' AND number_key < ? || '!') ORDER BY issue_date DESC, id DESC LIMIT ?")
            .pluck()
            .all(key, key, key, limit) as number[])
        : (this.st('SELECT id FROM documents WHERE number_key = ? ORDER BY issue_date DESC, id DESC LIMIT ?').pluck().all(key, limit) as number[]);
      for (const id of rows) out.add(id);
    }
    return [...out];
  }

  /** Which of `ids` are in use (not removed) and, unless secrets are visible, not secret. */
  visibleIds(ids: readonly number[], secretsVisible: boolean): Set<number> {
    if (ids.length === 0) return new Set();
    const rows = this.st(
      `SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL${secretsVisible ? '' : ' AND security_level IS NULL'}`,
    )
      .pluck()
      .all(JSON.stringify(ids)) as number[];
    return new Set(rows);
  }

  /** Document ids in date order (newest or oldest first; undated ones last either way), streamed. */
  *idsByDate(order: 'desc' | 'asc'): Generator<number> {
    if (order === 'desc') {
      yield* this.db.prepare('SELECT id FROM documents INDEXED BY documents_issue_date ORDER BY issue_date DESC, id DESC').pluck().iterate() as IterableIterator<number>;
      return;
    }
    yield* this.db
      .prepare('SELECT id FROM documents INDEXED BY documents_issue_date WHERE issue_date IS NOT NULL ORDER BY issue_date ASC, id ASC')
      .pluck()
      .iterate() as IterableIterator<number>;
    yield* this.db.prepare('SELECT id FROM documents WHERE issue_date IS NULL ORDER BY id').pluck().iterate() as IterableIterator<number>;
  }

  /** Subjects and number-symbols, for ranking inside a page's pool. */
  subjects(ids: readonly number[]): Array<{ id: number; subject: string | null; number_symbol: string | null }> {
    if (ids.length === 0) return [];
    return this.st('SELECT id, subject, number_symbol FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{
      id: number;
      subject: string | null;
      number_symbol: string | null;
    }>;
  }

  /** Subject, metadata and the start of the text, for checking exact spellings on a page's pool. */
  texts(ids: readonly number[], chars: number): Array<{ id: number; text: string }> {
    if (ids.length === 0) return [];
    return this.st(
      `SELECT id, COALESCE(subject, '') || ' ' || COALESCE(issuer, '') || ' ' || COALESCE(parent_issuer, '') || ' ' || COALESCE(signer_name, '') || ' '
         || COALESCE(place, '') || ' ' || substr(full_text, 1, ?) AS text
       FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(chars, JSON.stringify(ids)) as Array<{ id: number; text: string }>;
  }

  hitRows(ids: readonly number[]): HitRow[] {
    if (ids.length === 0) return [];
    return this.st(
      `SELECT id, fonds_id, file_id, number_symbol, doc_type, issue_date, issuer, parent_issuer, signer_name, subject, security_level, full_text
       FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as HitRow[];
  }

  // ---- saved searches and history ----

  listSaved(): SavedSearchRow[] {
    return this.st('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE').all() as SavedSearchRow[];
  }

  getSaved(id: number): SavedSearchRow | undefined {
    return this.st('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedSearchRow | undefined;
  }

  savedByName(name: string): SavedSearchRow | undefined {
    return this.st('SELECT * FROM saved_searches WHERE name = ?').get(name) as SavedSearchRow | undefined;
  }

  insertSaved(name: string, queryJson: string, by: string, now: string): number {
    return Number(
      this.st('INSERT INTO saved_searches (name, query_json, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, queryJson, by, now, now)
        .lastInsertRowid,
    );
  }

  updateSaved(id: number, name: string, queryJson: string, now: string): void {
    this.st('UPDATE saved_searches SET name = ?, query_json = ?, updated_at = ? WHERE id = ?').run(name, queryJson, now, id);
  }

  deleteSaved(id: number): void {
    this.st('DELETE FROM saved_searches WHERE id = ?').run(id);
  }

  addHistory(text: string, queryJson: string, total: number | null, actor: string, at: string, keep: number): number {
    const last = this.st('SELECT id, query_json FROM search_history ORDER BY id DESC LIMIT 1').get() as { id: number; query_json: string } | undefined;
    // The same search run again moves to the top instead of being listed twice in a row.
    if (last && last.query_json === queryJson) {
      this.st('UPDATE search_history SET at = ?, total = ? WHERE id = ?').run(at, total, last.id);
      return last.id;
    }
    const id = Number(this.st('INSERT INTO search_history (text, query_json, total, actor, at) VALUES (?, ?, ?, ?, ?)').run(text, queryJson, total, actor, at).lastInsertRowid);
    this.st('DELETE FROM search_history WHERE id <= ?').run(id - keep);
    return id;
  }

  listHistory(limit: number): HistoryRow[] {
    return this.st('SELECT * FROM search_history ORDER BY id DESC LIMIT ?').all(limit) as HistoryRow[];
  }

  clearHistory(): number {
    return this.st('DELETE FROM search_history').run().changes;
  }
}
