import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../statementCache';

export interface JournalEntry {
  seq: number;
  kind: 'document' | 'file' | 'structure';
  entity_id: number | null;
}

/**
 * The change journal triggers fill whenever documents, files, fonds or organizations change (by
 * this process, the command line or another host): the facet store of each process reads it to
 * catch up instead of reloading.
 */
export class SearchJournalRepository {
  constructor(private readonly db: Database) {}

  private st(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  head(): number {
    return (this.st('SELECT COALESCE(MAX(seq), 0) FROM search_journal').pluck().get() as number) ?? 0;
  }

  tail(): number {
    return (this.st('SELECT COALESCE(MIN(seq), 0) FROM search_journal').pluck().get() as number) ?? 0;
  }

  since(seq: number, limit: number): JournalEntry[] {
    return this.st('SELECT seq, kind, entity_id FROM search_journal WHERE seq > ? ORDER BY seq LIMIT ?').all(seq, limit) as JournalEntry[];
  }

  /** Keeps the journal short: entries older than the newest `keep` are dropped. */
  prune(keep: number): void {
    this.st('DELETE FROM search_journal WHERE seq <= (SELECT MAX(seq) FROM search_journal) - ?').run(keep);
  }
}
