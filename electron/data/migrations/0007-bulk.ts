import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types';

function addColumn(db: Database, table: string, column: string, declaration: string): void {
  const has = db.prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = ?`).pluck().get(column) !== undefined;
  if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
}

/**
 * Arranging a fonds of thousands.
 *
 * - Bulk operations: each action on many records at once is one row of `bulk_operations` (who,
 *   when, what, with what), and each record it changed one row of `bulk_changes` holding the
 *   fields before and after, so that the whole action can be undone as one step — and refused if
 *   any of those records changed since. The audit log keeps one row per record, as for any edit.
 * - The 2025 lineage says how one body became another: succeeded by (kế thừa), merged into
 *   (hợp nhất, sáp nhập), dissolved with its work passed on (giải thể).
 * - Organizations, fonds and handover batches are removed like files and documents: a mark with
 *   who, when and why, never a deletion.
 */
export const bulk: Migration = {
  version: 7,
  name: 'bulk',
  up: (db) => {
    // Written to be run again on a catalogue a development build numbered differently: objects
    // already there are kept.
    addColumn(db, 'organization_successions', 'kind', `TEXT NOT NULL DEFAULT 'succeeded'
        CHECK (kind IN ('succeeded', 'merged', 'dissolved'))`);
    addColumn(db, 'organizations', 'removed_at', `TEXT`);
    addColumn(db, 'organizations', 'removed_by', `TEXT`);
    addColumn(db, 'organizations', 'removal_reason', `TEXT`);
    addColumn(db, 'fonds', 'removed_at', `TEXT`);
    addColumn(db, 'fonds', 'removed_by', `TEXT`);
    addColumn(db, 'fonds', 'removal_reason', `TEXT`);
    addColumn(db, 'handover_batches', 'removed_at', `TEXT`);
    addColumn(db, 'handover_batches', 'removed_by', `TEXT`);
    addColumn(db, 'handover_batches', 'removal_reason', `TEXT`);
    db.exec(`
      CREATE TABLE IF NOT EXISTS bulk_operations (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        params_json TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        changed INTEGER NOT NULL CHECK (changed >= 0),
        refused INTEGER NOT NULL CHECK (refused >= 0),
        undone_at TEXT,
        undone_by TEXT
      );

      CREATE TABLE IF NOT EXISTS bulk_changes (
        operation_id INTEGER NOT NULL REFERENCES bulk_operations(id),
        seq INTEGER NOT NULL,
        entity_type TEXT NOT NULL CHECK (entity_type IN ('document', 'file')),
        entity_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('fields', 'remove', 'create', 'batch')),
        before_json TEXT,
        after_json TEXT,
        PRIMARY KEY (operation_id, seq)
      );
      CREATE INDEX IF NOT EXISTS bulk_changes_entity ON bulk_changes(entity_type, entity_id);
      -- What was changed stays as it was recorded: an undo is a new operation on the records.
      CREATE TRIGGER IF NOT EXISTS bulk_changes_no_update BEFORE UPDATE ON bulk_changes
        BEGIN SELECT RAISE(ABORT, 'bulk changes are append-only'); END;
      CREATE TRIGGER IF NOT EXISTS bulk_changes_no_delete BEFORE DELETE ON bulk_changes
        BEGIN SELECT RAISE(ABORT, 'bulk changes are append-only'); END;

      CREATE TRIGGER IF NOT EXISTS search_journal_succession_update AFTER UPDATE ON organization_successions
        BEGIN INSERT INTO search_journal (kind) VALUES ('structure'); END;

      CREATE TRIGGER IF NOT EXISTS organizations_no_delete BEFORE DELETE ON organizations
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
      CREATE TRIGGER IF NOT EXISTS fonds_no_delete BEFORE DELETE ON fonds
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
    `);
  },
};
