import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

export interface SavedSearchRow {
  id: number;
  name: string;
  query_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** 1 when typed while secret records were visible (shown only to callers who see them). */
  secret_scope: number;
}

/** Tìm kiếm đã lưu: searches an archivist named to run again. */
export class SavedSearchRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  /** `inSightOfSecrets: false` lists only the searches saved while secrets were hidden. */
  list(inSightOfSecrets = true): SavedSearchRow[] {
    const where = inSightOfSecrets ? '' : 'WHERE secret_scope = 0 ';
    return this.st(`SELECT * FROM saved_searches ${where}ORDER BY name COLLATE NOCASE`).all() as SavedSearchRow[];
  }

  get(id: number): SavedSearchRow | undefined {
    return this.st('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedSearchRow | undefined;
  }

  byName(name: string): SavedSearchRow | undefined {
    return this.st('SELECT * FROM saved_searches WHERE name = ?').get(name) as SavedSearchRow | undefined;
  }

  /** `inSightOfSecrets`: typed while secret records were visible (then hidden from viewers who may not see them). */
  insert(name: string, queryJson: string, by: string, now: string, inSightOfSecrets = true): number {
    return Number(
      this.st('INSERT INTO saved_searches (name, query_json, created_by, created_at, updated_at, secret_scope) VALUES (?, ?, ?, ?, ?, ?)').run(
        name,
        queryJson,
        by,
        now,
        now,
        inSightOfSecrets ? 1 : 0,
      ).lastInsertRowid,
    );
  }

  /** Once typed in sight of secrets, a saved search stays hidden from locked viewers. */
  update(id: number, name: string, queryJson: string, now: string, inSightOfSecrets = true): void {
    this.st('UPDATE saved_searches SET name = ?, query_json = ?, updated_at = ?, secret_scope = MAX(secret_scope, ?) WHERE id = ?').run(name, queryJson, now, inSightOfSecrets ? 1 : 0, id);
  }

  delete(id: number): void {
    this.st('DELETE FROM saved_searches WHERE id = ?').run(id);
  }
}
