import type { Migration } from './types';

/**
 * Search.
 *
 * - The full-text index is rebuilt keyed by *date*: its row id is (issue day × 2^26 + document id),
 *   so matches come out newest first and a page costs a few index pages however many documents
 *   match; `search_keys` remembers each document's key. Columns: number-symbol, subject, metadata
 *   (type, issuer, superior body, signer, place) and body, all folded (no diacritics), and
 *   `flags` (fonds, type, security level) so those filters run inside the index.
 * - `document_meta_fts`: the same minus the body, so that "the words in the subject" is read from
 *   short position lists instead of those of whole texts.
 * - `search_journal`: every change to documents, files, fonds or organizations is journalled by
 *   triggers, so the in-memory facet columns of any process (app, browser host, command line)
 *   catch up with what any other wrote.
 * - Saved searches and the search history.
 */
/** The full-text tables: contentless (the text lives in `documents`), rows keyed by date and id. */
const FTS_TABLES = `
      CREATE VIRTUAL TABLE document_fts USING fts5(
        number_symbol, subject, meta, body, flags,
        content = '', contentless_delete = 1
      );
      CREATE VIRTUAL TABLE document_meta_fts USING fts5(
        number_symbol, subject, meta, flags,
        content = '', contentless_delete = 1
      );`;

/** What the index rows held when this migration shipped (the setting is retired by 0006). */
const INDEX_FORMAT = '2';

export const search: Migration = {
  version: 3,
  name: 'search',
  up: (db) => {
    db.exec(`
      DROP TABLE IF EXISTS document_fts;
      ${FTS_TABLES}
      CREATE TABLE search_keys (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        fts_rowid INTEGER NOT NULL UNIQUE
      );

      -- The facet columns, narrow: search loads them at start-up without reading the texts.
      CREATE INDEX search_facets ON documents(id, fonds_id, file_id, doc_type, issuer, parent_issuer, signer_name, issue_date, number_symbol, security_level);

      CREATE TABLE search_journal (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('document', 'file', 'structure')),
        entity_id INTEGER
      );
      CREATE TRIGGER search_journal_document_insert AFTER INSERT ON documents
        BEGIN INSERT INTO search_journal (kind, entity_id) VALUES ('document', NEW.id); END;
      CREATE TRIGGER search_journal_document_update AFTER UPDATE ON documents
        BEGIN INSERT INTO search_journal (kind, entity_id) VALUES ('document', NEW.id); END;
      CREATE TRIGGER search_journal_file_insert AFTER INSERT ON files
        BEGIN INSERT INTO search_journal (kind, entity_id) VALUES ('file', NEW.id); END;
      CREATE TRIGGER search_journal_file_update AFTER UPDATE ON files
        BEGIN INSERT INTO search_journal (kind, entity_id) VALUES ('file', NEW.id); END;
      CREATE TRIGGER search_journal_fonds_insert AFTER INSERT ON fonds
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_fonds_update AFTER UPDATE ON fonds
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_org_insert AFTER INSERT ON organizations
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_org_update AFTER UPDATE ON organizations
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_succession_insert AFTER INSERT ON organization_successions
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_succession_delete AFTER DELETE ON organization_successions
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_retention_insert AFTER INSERT ON retention_periods
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;
      CREATE TRIGGER search_journal_retention_update AFTER UPDATE ON retention_periods
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;

      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE search_history (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        query_json TEXT NOT NULL,
        total INTEGER,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX search_history_at ON search_history(at);
    `);
    // Documents catalogued before this version are indexed when the catalogue is next opened
    // (`repairIndex` indexes every document the index lacks): a migration never runs the
    // repositories' code, which follows the newest schema.
    db.prepare("INSERT INTO settings (key, value) VALUES ('search.indexFormat', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(INDEX_FORMAT);
  },
};
