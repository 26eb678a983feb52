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

  /** `inSightOfSecrets`: typed while secret records were visible (then hidden from viewers who may not see them). */
  add(text: string, queryJson: string, total: number | null, actor: string, at: string, keep: number, inSightOfSecrets = true): number {
    const scope = inSightOfSecrets ? 1 : 0;
    const last = this.st('SELECT id, query_json FROM search_history ORDER BY id DESC LIMIT 1').get() as { id: number; query_json: string } | undefined;
    // The same search run again moves to the top instead of being listed twice in a row.
    if (last && last.query_json === queryJson) {
      this.st('UPDATE search_history SET at = ?, total = ?, secret_scope = MAX(secret_scope, ?) WHERE id = ?').run(at, total, scope, last.id);
      return last.id;
    }
    const id = Number(
      this.st('INSERT INTO search_history (text, query_json, total, actor, at, secret_scope) VALUES (?, ?, ?, ?, ?, ?)').run(text, queryJson, total, actor, at, scope).lastInsertRowid,
    );
    this.st('DELETE FROM search_history WHERE id <= ?').run(id - keep);
    return id;
  }

  /** `inSightOfSecrets: false` lists only the searches typed while secrets were hidden. */
  list(limit: number, inSightOfSecrets = true): HistoryRow[] {
    const where = inSightOfSecrets ? '' : 'WHERE secret_scope = 0 ';
    return this.st(`SELECT * FROM search_history ${where}ORDER BY id DESC LIMIT ?`).all(limit) as HistoryRow[];
  }

  clear(): number {
    return this.st('DELETE FROM search_history').run().changes;
  }
}
