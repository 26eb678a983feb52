import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

export interface HistoryRow {
  id: number;
  text: string;
  query_json: string;
  total: number | null;
  actor: string;
  at: string;
}

/** Lịch sử tìm kiếm: the last searches run, newest first. */
export class SearchHistoryRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  add(text: string, queryJson: string, total: number | null, actor: string, at: string, keep: number): number {
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

  list(limit: number): HistoryRow[] {
    return this.st('SELECT * FROM search_history ORDER BY id DESC LIMIT ?').all(limit) as HistoryRow[];
  }

  clear(): number {
    return this.st('DELETE FROM search_history').run().changes;
  }
}
