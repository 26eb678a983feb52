import type { Database } from 'better-sqlite3-multiple-ciphers';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import type { Migration } from './types';

/**
 * Which catalogued document a citation points at, for `document_citations` row `c`: the one
 * document (other than the citing one) with the cited number whose date matches the cited date
 * or, when the citation gives no date, the only document with that number. Anything else (none,
 * several, a date that disagrees) stays unlinked: numbers restart with each party-committee term
 * and every provincial committee writes `/TU`, so the same number-symbol often names different
 * documents, and a link is never guessed.
 */
export function resolveCitationSql(c: string): string {
  return `(SELECT CASE WHEN COUNT(*) = 1 THEN MIN(d.id) END FROM documents d
            WHERE d.number_key = ${c}.number_key AND d.id <> ${c}.document_id
              AND (${c}.cited_date IS NULL OR d.issue_date = ${c}.cited_date))`;
}

/**
 * Citations between documents (linked by number-symbol key, kept linked by triggers when a
 * document arrives, is renumbered or redated), import runs with their per-file reports, and the
 * archivists' confirmations of reviewed fields.
 */
export const importArea: Migration = {
  version: 2,
  name: 'import-citations-runs-review',
  up: (db) => {
    db.exec(`
      CREATE TABLE document_citations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        number_key TEXT NOT NULL,
        number_symbol TEXT NOT NULL,
        form TEXT NOT NULL CHECK (form IN ('party', 'state')),
        doc_type TEXT,
        cited_date TEXT,
        cited_document_id INTEGER REFERENCES documents(id),
        link_method TEXT NOT NULL DEFAULT 'auto' CHECK (link_method IN ('auto', 'manual')),
        span_start INTEGER,
        span_end INTEGER,
        UNIQUE (document_id, number_key)
      );
      CREATE INDEX document_citations_key ON document_citations(number_key);
      CREATE INDEX document_citations_cited ON document_citations(cited_document_id);

      -- A document that arrives, or whose number or date changes, is linked from (or unlinked
      -- from) the citations that name it; an archivist's manual choice is left alone.
      CREATE TRIGGER documents_link_citations_insert AFTER INSERT ON documents
        WHEN NEW.number_key IS NOT NULL
        BEGIN
          UPDATE document_citations SET cited_document_id = ${resolveCitationSql('document_citations')}
           WHERE number_key = NEW.number_key AND link_method = 'auto';
        END;
      CREATE TRIGGER documents_link_citations_update AFTER UPDATE OF number_key, issue_date ON documents
        BEGIN
          UPDATE document_citations SET cited_document_id = ${resolveCitationSql('document_citations')}
           WHERE link_method = 'auto'
             AND (number_key = NEW.number_key OR number_key = OLD.number_key OR cited_document_id = NEW.id);
        END;
      -- Should documents ever be deleted, their citations go with them and links to them are undone.
      CREATE TRIGGER documents_unlink_citations_delete BEFORE DELETE ON documents
        BEGIN
          DELETE FROM document_citations WHERE document_id = OLD.id;
          UPDATE document_citations SET cited_document_id = NULL, link_method = 'auto' WHERE cited_document_id = OLD.id;
        END;

      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
        file_id INTEGER REFERENCES files(id),
        sources TEXT NOT NULL,
        resumable INTEGER NOT NULL CHECK (resumable IN (0, 1)),
        actor TEXT NOT NULL,
        host TEXT NOT NULL,
        -- The process working on the run, so that another one can tell a crashed run from a live one.
        pid INTEGER,
        machine TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        total INTEGER,
        processed INTEGER NOT NULL DEFAULT 0,
        imported INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        resumes INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX import_runs_state ON import_runs(state);

      -- One row per file handled, written in the same transaction as the document it created, so
      -- the report and the catalogue never disagree, even after a crash.
      CREATE TABLE import_run_items (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES import_runs(id),
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'failed')),
        document_id INTEGER REFERENCES documents(id),
        sha256 TEXT,
        size INTEGER,
        message TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX import_run_items_run ON import_run_items(run_id, seq);
      CREATE INDEX import_run_items_name ON import_run_items(run_id, name);
      CREATE INDEX import_run_items_outcome ON import_run_items(run_id, outcome, seq);

      CREATE TABLE review_confirmations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        field TEXT NOT NULL,
        value_json TEXT,
        edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
      );
      CREATE INDEX review_confirmations_document ON review_confirmations(document_id);
      -- The review queue reads only documents with fields waiting, by fonds.
      CREATE INDEX documents_needing_review ON documents(fonds_id, id) WHERE review_fields <> '[]';
    `);
    backfillCitations(db);
  },
};

interface StoredCitation {
  numberSymbol?: unknown;
  form?: unknown;
  docType?: unknown;
  date?: unknown;
  span?: { start?: unknown; end?: unknown };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * Documents imported before this migration carry their citations in `parse_info` (the parser's
 * `citationDetails`): turn them into rows and link them. Unreadable entries are skipped, never guessed.
 */
function backfillCitations(db: Database): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO document_citations (document_id, number_key, number_symbol, form, doc_type, cited_date, span_start, span_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rows = db.prepare("SELECT id, parse_info FROM documents WHERE parse_info LIKE '%\"citations\"%'").iterate() as IterableIterator<{
    id: number;
    parse_info: string;
  }>;
  const pending: Array<[number, StoredCitation]> = [];
  for (const row of rows) {
    let info: { citations?: unknown };
    try {
      info = JSON.parse(row.parse_info) as { citations?: unknown };
    } catch {
      continue;
    }
    if (!Array.isArray(info.citations)) continue;
    for (const c of info.citations as StoredCitation[]) pending.push([row.id, c]);
  }
  for (const [documentId, c] of pending) {
    const numberSymbol = str(c.numberSymbol);
    if (!numberSymbol) continue;
    const key = numberSymbolKey(numberSymbol);
    if (!key) continue;
    const form = c.form === 'state' ? 'state' : 'party';
    const date = str(c.date);
    insert.run(documentId, key, numberSymbol, form, str(c.docType), date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, int(c.span?.start), int(c.span?.end));
  }
  db.exec(`UPDATE document_citations SET cited_document_id = ${resolveCitationSql('document_citations')}`);
}
