import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { type IndexRow, type IndexableDocument, indexRow } from '../../../shared/search/indexText';
import { foldUtf8OrDecode } from '../../../shared/text/foldUtf8';
import { cachedStatement } from '../statementCache';

/** Text the caller already holds (the importer has the body in hand); the rest is read from the row. */
export interface IndexedText {
  numberSymbol?: string | null;
  subject?: string | null;
  body?: string;
  /** `indexBody(body)`, when the caller computed it already (the importer, on its worker thread). */
  indexedBody?: string;
}

/** `main`: every column with the body; `meta`: number, subject and metadata only (short rows). */
export type IndexTable = 'main' | 'meta';
const TABLE: Record<IndexTable, string> = { main: 'document_fts', meta: 'document_meta_fts' };

export interface KeyBounds {
  lo?: number;
  hi?: number;
}

interface DocRow {
  number_symbol: string | null;
  subject: string | null;
  doc_type: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  signer_name: string | null;
  place: string | null;
  issue_date: string | null;
  fonds_id: number;
  security_level: string | null;
  full_text?: string;
}

/** Ids go to SQLite as one JSON array per statement (one compiled statement for any count). */
const CHUNK = 20_000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** The index row of a document read from `documents`; `text` supplies what the caller already holds. */
function toIndexRow(documentId: number, row: DocRow, text: IndexedText): IndexRow {
  const doc: IndexableDocument = {
    id: documentId,
    numberSymbol: row.number_symbol,
    subject: row.subject,
    docType: row.doc_type,
    issuer: row.issuer,
    parentIssuer: row.parent_issuer,
    signerName: row.signer_name,
    place: row.place,
    issueDate: row.issue_date,
    fondsId: row.fonds_id,
    securityLevel: row.security_level,
    body: text.indexedBody !== undefined ? '' : (text.body ?? row.full_text ?? ''),
  };
  const r = indexRow(doc);
  if (text.indexedBody !== undefined) r.body = text.indexedBody;
  return r;
}

/**
 * The full-text indexes (FTS5, contentless, folded text) keyed by date (see
 * `shared/search/indexText.ts`): with bodies, and without (number, subject, metadata). Writers call {@link upsert} / {@link remove} inside the same
 * transaction as the change to the document, so the index and the catalogue never disagree.
 */
export class SearchIndexRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  /** The document's current index key, if it is indexed. */
  keyOf(documentId: number): number | null {
    const k = this.st('SELECT fts_rowid FROM search_keys WHERE document_id = ?').pluck().get(documentId) as number | undefined;
    return k ?? null;
  }

  /**
   * (Re)indexes one document from its row; `text` may supply what the caller already holds. A
   * document that no longer exists, or has been removed, is dropped from the index instead.
   */
  upsert(documentId: number, text: IndexedText = {}): void {
    const r = this.rowOf(documentId, text);
    if (r) this.write(documentId, r);
    else this.remove(documentId);
  }

  /**
   * {@link upsert} for many documents at once (a bulk import's batch, a bulk edit), written in key
   * order. Call it last in the transaction: FTS5 keeps new rows in memory until the commit only
   * while rowids arrive in increasing order and no statement opens a savepoint (any insert that
   * fires a trigger does); otherwise it writes a segment per document and spends the import merging
   * them. The rows are read with one statement per call, not one per document.
   */
  upsertMany(entries: ReadonlyArray<{ documentId: number; text?: IndexedText }>): void {
    if (entries.length === 0) return;
    const byId = new Map<number, IndexedText>();
    for (const e of entries) byId.set(e.documentId, e.text ?? {});
    const ids = [...byId.keys()];
    // Every old row goes before the first new one is written: a delete arriving while inserts are
    // pending makes FTS5 flush them (re-indexing one by one took twice as long).
    this.removeMany(ids);
    const needBody = [...byId.values()].some((t) => t.body === undefined && t.indexedBody === undefined);
    const rows: Array<{ documentId: number; row: IndexRow }> = [];
    for (const part of chunks(ids)) {
      // Full texts are read as bytes and folded from them (foldUtf8): turning them into strings
      // first cost as much as folding them.
      const found = this.st(
        `SELECT id, number_symbol, subject, doc_type, issuer, parent_issuer, signer_name, place, issue_date, fonds_id, security_level${needBody ? ', CAST(full_text AS BLOB) AS text_bytes' : ''}
         FROM documents WHERE id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL`,
      ).all(JSON.stringify(part)) as Array<DocRow & { id: number; text_bytes?: Uint8Array | null }>;
      for (const r of found) {
        let text = byId.get(r.id)!;
        if (text.body === undefined && text.indexedBody === undefined) text = { ...text, indexedBody: r.text_bytes ? foldUtf8OrDecode(r.text_bytes) : '' };
        rows.push({ documentId: r.id, row: toIndexRow(r.id, r, text) });
      }
    }
    rows.sort((a, b) => a.row.key - b.row.key);
    for (const r of rows) this.insert(r.documentId, r.row);
  }

  /** The document's index row, or null when it no longer exists or has been removed. */
  private rowOf(documentId: number, text: IndexedText): IndexRow | null {
    const needBody = text.body === undefined && text.indexedBody === undefined;
    const row = this.st(
      `SELECT number_symbol, subject, doc_type, issuer, parent_issuer, signer_name, place, issue_date, fonds_id, security_level${needBody ? ', full_text' : ''}
       FROM documents WHERE id = ? AND removed_at IS NULL`,
    ).get(documentId) as DocRow | undefined;
    return row ? toIndexRow(documentId, row, text) : null;
  }

  private write(documentId: number, r: IndexRow): void {
    this.remove(documentId);
    this.insert(documentId, r);
  }

  private insert(documentId: number, r: IndexRow): void {
    this.st('INSERT INTO document_fts (rowid, number_symbol, subject, meta, body, flags) VALUES (?, ?, ?, ?, ?, ?)').run(
      r.key,
      r.numberSymbol,
      r.subject,
      r.meta,
      r.body,
      r.flags,
    );
    this.st('INSERT INTO document_meta_fts (rowid, number_symbol, subject, meta, flags) VALUES (?, ?, ?, ?, ?)').run(r.key, r.numberSymbol, r.subject, r.meta, r.flags);
    this.st('INSERT INTO search_keys (document_id, fts_rowid) VALUES (?, ?)').run(documentId, r.key);
  }

  remove(documentId: number): void {
    const key = this.keyOf(documentId);
    if (key === null) return;
    this.st('DELETE FROM document_fts WHERE rowid = ?').run(key);
    this.st('DELETE FROM document_meta_fts WHERE rowid = ?').run(key);
    this.st('DELETE FROM search_keys WHERE document_id = ?').run(documentId);
  }

  /**
   * {@link remove} for many documents, in key order. FTS5 records a delete from a contentless table
   * as a tombstone in each segment whose key range holds the row; deleting in increasing key order
   * touches those pages in order, while the documents' own order scattered the writes: 30,000 rows
   * took 34 s in id order and 0.4 s in key order on the 100,000-document catalogue.
   */
  removeMany(documentIds: readonly number[]): void {
    if (documentIds.length === 0) return;
    const keys: number[] = [];
    for (const part of chunks(documentIds)) {
      keys.push(...(this.st('SELECT fts_rowid FROM search_keys WHERE document_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(part)) as number[]));
    }
    if (keys.length === 0) return;
    keys.sort((a, b) => a - b);
    const main = this.st('DELETE FROM document_fts WHERE rowid = ?');
    for (const k of keys) main.run(k);
    const meta = this.st('DELETE FROM document_meta_fts WHERE rowid = ?');
    for (const k of keys) meta.run(k);
    for (const part of chunks(documentIds)) this.st('DELETE FROM search_keys WHERE document_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(part));
  }

  /**
   * Keys matching `match` in key order, streamed: stop reading when done. Bounds are applied
   * here, not in SQL: FTS5 does not seek to a rowid bound, it reads every match before it, so a
   * bound is cheapest as the *end* of a scan — newest first down to `lo`, oldest first up to `hi`.
   */
  *keys(match: string, order: 'desc' | 'asc', bounds: KeyBounds = {}, table: IndexTable = 'main'): Generator<number> {
    const t = TABLE[table];
    // A statement being iterated cannot be reused meanwhile: a fresh one per scan.
    const stmt = this.db.prepare(`SELECT rowid FROM ${t} WHERE ${t} MATCH ? ORDER BY rowid ${order === 'desc' ? 'DESC' : 'ASC'}`).pluck();
    const lo = bounds.lo ?? -Infinity;
    const hi = bounds.hi ?? Infinity;
    for (const k of stmt.iterate(match) as IterableIterator<number>) {
      if (order === 'desc') {
        if (k > hi) continue;
        if (k < lo) return;
      } else {
        if (k < lo) continue;
        if (k > hi) return;
      }
      yield k;
    }
  }

  /** All keys matching `match` within the bounds (no order promised). */
  allKeys(match: string, bounds: KeyBounds = {}, table: IndexTable = 'main'): number[] {
    if (bounds.lo === undefined && bounds.hi === undefined) {
      const t = TABLE[table];
      return this.st(`SELECT rowid FROM ${t} WHERE ${t} MATCH ?`).pluck().all(match) as number[];
    }
    return [...this.keys(match, 'desc', bounds, table)];
  }

  /** The key of the `n`-th newest match within the bounds, or null when there are fewer. */
  nthKey(match: string, n: number, bounds: KeyBounds = {}, table: IndexTable = 'main'): number | null {
    let i = 0;
    for (const k of this.keys(match, 'desc', bounds, table)) if (++i === n) return k;
    return null;
  }

  count(match: string, bounds: KeyBounds = {}, table: IndexTable = 'main'): number {
    if (bounds.lo === undefined && bounds.hi === undefined) {
      const t = TABLE[table];
      return this.st(`SELECT count(*) FROM ${t} WHERE ${t} MATCH ?`).pluck().get(match) as number;
    }
    let n = 0;
    for (const _ of this.keys(match, 'desc', bounds, table)) n++;
    return n;
  }

  /**
   * Which of `keys` match, read as one scan (newest first) of the key range they span. A per-row
   * check with `rowid = ?` is not used: on these contentless tables SQLite 3.53 answers it without
   * applying MATCH.
   */
  matchingAmong(match: string, keys: readonly number[], table: IndexTable = 'main'): Set<number> {
    if (keys.length === 0) return new Set();
    let lo = keys[0]!;
    let hi = keys[0]!;
    for (const k of keys) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const found = [...this.keys(match, 'desc', { lo, hi }, table)];
    const wanted = new Set(keys);
    return new Set(found.filter((k) => wanted.has(k)));
  }

  /** Whether any document matches `match` (a term, a phrase, with or without flags). */
  exists(match: string, table: IndexTable = 'main'): boolean {
    const t = TABLE[table];
    return this.st(`SELECT 1 FROM ${t} WHERE ${t} MATCH ? LIMIT 1`).pluck().get(match) !== undefined;
  }

  /**
   * The newest part of the index within `bounds` holding about `share` of its documents: the key
   * it starts at and the share it really holds (read from the key index, not from the text index).
   * Null when the range holds fewer than `min` documents.
   */
  newestShare(bounds: KeyBounds, share: number, min: number): { lo: number; share: number } | null {
    const lo = bounds.lo ?? 0;
    const hi = bounds.hi ?? Number.MAX_SAFE_INTEGER;
    const total = this.st('SELECT count(*) FROM search_keys WHERE fts_rowid BETWEEN ? AND ?').pluck().get(lo, hi) as number;
    if (total < min) return null;
    const skip = Math.max(0, Math.floor(total * share) - 1);
    const at = this.st('SELECT fts_rowid FROM search_keys WHERE fts_rowid BETWEEN ? AND ? ORDER BY fts_rowid DESC LIMIT 1 OFFSET ?').pluck().get(lo, hi, skip) as number | undefined;
    return at === undefined ? null : { lo: at, share: (skip + 1) / total };
  }

  /** The key of the `n`-th newest indexed document, or null when there are fewer. */
  newestKey(n: number): number | null {
    const k = this.st('SELECT fts_rowid FROM search_keys ORDER BY fts_rowid DESC LIMIT 1 OFFSET ?').pluck().get(Math.max(0, n - 1)) as number | undefined;
    return k ?? null;
  }

  /** Documents indexed, and documents that should be (present and not removed). */
  coverage(): { indexed: number; expected: number } {
    const indexed = this.st('SELECT count(*) FROM search_keys').pluck().get() as number;
    const expected = this.st('SELECT count(*) FROM documents WHERE removed_at IS NULL').pluck().get() as number;
    return { indexed, expected };
  }

  /** Documents missing from the index (present, not removed), and indexed ones that should not be. */
  discrepancies(limit: number): { missing: number[]; stale: number[] } {
    const missing = this.st(
      `SELECT d.id FROM documents d LEFT JOIN search_keys k ON k.document_id = d.id
       WHERE d.removed_at IS NULL AND k.document_id IS NULL LIMIT ?`,
    ).pluck().all(limit) as number[];
    const stale = this.st(
      `SELECT k.document_id FROM search_keys k LEFT JOIN documents d ON d.id = k.document_id
       WHERE d.id IS NULL OR d.removed_at IS NOT NULL LIMIT ?`,
    ).pluck().all(limit) as number[];
    return { missing, stale };
  }
}
