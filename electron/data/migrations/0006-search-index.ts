import type { Migration } from './types';
import { search } from './0003-search';

/**
 * The search index's schema, settled by migrations alone.
 *
 * Until now a second path checked the search objects whenever the index was used: catalogues
 * numbered past 3 by development builds made before migration 0003 existed could lack them, and a
 * `search.indexFormat` setting rebuilt the full-text tables when their rows were written otherwise.
 * This migration does that check once, and retires the setting: a later change to what the index
 * rows hold is a new migration that empties the index (`search_keys` and both full-text tables),
 * and the next open indexes every document again (`repairIndex`, in batches).
 */
const FTS_TABLES = `
      CREATE VIRTUAL TABLE document_fts USING fts5(
        number_symbol, subject, meta, body, flags,
        content = '', contentless_delete = 1
      );
      CREATE VIRTUAL TABLE document_meta_fts USING fts5(
        number_symbol, subject, meta, flags,
        content = '', contentless_delete = 1
      );`;

/** The index rows written since migration 0003 (date keys, a metadata index, filter flags). */
const CURRENT_FORMAT = '2';

export const searchIndexFormat: Migration = {
  version: 6,
  name: 'search-index-format',
  up: (db) => {
    const exists = (name: string) => db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').pluck().get(name) !== undefined;
    if (!exists('search_keys')) search.up(db);
    db.exec('CREATE INDEX IF NOT EXISTS search_facets ON documents(id, fonds_id, file_id, doc_type, issuer, parent_issuer, signer_name, issue_date, number_symbol, security_level)');
    const format = db.prepare("SELECT value FROM settings WHERE key = 'search.indexFormat'").pluck().get() as string | undefined;
    if (format !== CURRENT_FORMAT || !exists('document_meta_fts')) {
      db.exec(`DROP TABLE IF EXISTS document_fts; DROP TABLE IF EXISTS document_meta_fts; DELETE FROM search_keys; ${FTS_TABLES}`);
    }
    db.exec("DELETE FROM settings WHERE key = 'search.indexFormat'");
  },
};
