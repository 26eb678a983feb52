import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

/**
 * What search reads of the documents themselves: number-symbol look-ups, the date order for
 * browsing, subjects and texts for ranking a page's pool, and the rows a page of hits shows.
 */

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

export class SearchHitRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
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
    // A statement being iterated cannot be run again meanwhile: fresh ones, not the shared cache.
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
}
