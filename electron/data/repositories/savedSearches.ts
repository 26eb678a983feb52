import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

export interface SavedSearchRow {
  id: number;
  name: string;
  query_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Tìm kiếm đã lưu: searches an archivist named to run again. */
export class SavedSearchRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  list(): SavedSearchRow[] {
    return this.st('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE').all() as SavedSearchRow[];
  }

  get(id: number): SavedSearchRow | undefined {
    return this.st('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedSearchRow | undefined;
  }

  byName(name: string): SavedSearchRow | undefined {
    return this.st('SELECT * FROM saved_searches WHERE name = ?').get(name) as SavedSearchRow | undefined;
  }

  insert(name: string, queryJson: string, by: string, now: string): number {
    return Number(
      this.st('INSERT INTO saved_searches (name, query_json, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, queryJson, by, now, now)
        .lastInsertRowid,
    );
  }

  update(id: number, name: string, queryJson: string, now: string): void {
    this.st('UPDATE saved_searches SET name = ?, query_json = ?, updated_at = ? WHERE id = ?').run(name, queryJson, now, id);
  }

  delete(id: number): void {
    this.st('DELETE FROM saved_searches WHERE id = ?').run(id);
  }
}
