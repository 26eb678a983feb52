import type { Migration } from './types';

/**
 * Nothing lost, nothing destroyed without a trace.
 *
 * - Soft removal: a document or a file (hồ sơ) is never deleted from the catalogue; removing it
 *   records who, when and why, and hides it from lists, search and exports until restored.
 *   Documents removed together with their file remember it (`removed_with_file_id`), so restoring
 *   the file brings exactly those back.
 * - Destruction (tiêu hủy) of expired records is only recorded as an approved decision
 *   (Hướng dẫn 29-HD/VPTW 2017): number, date, who approved, the list of files; the records it
 *   covers stay in the catalogue, marked with the decision, and their originals stay in the
 *   managed folder until the user has exported the list and confirmed, then may be moved to a
 *   quarantine folder the user chose (`moved_out_to`), never deleted.
 */
export const safety: Migration = {
  version: 5,
  name: 'safety',
  up: (db) => {
    db.exec(`
      -- Quyết định tiêu hủy tài liệu hết giá trị.
      CREATE TABLE destruction_decisions (
        id INTEGER PRIMARY KEY,
        decision_number TEXT NOT NULL,
        decision_date TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        approver_title TEXT,
        basis TEXT,
        notes TEXT,
        state TEXT NOT NULL DEFAULT 'approved'
          CHECK (state IN ('approved', 'list_exported', 'executed', 'cancelled')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        list_exported_at TEXT,
        list_sha256 TEXT,
        executed_at TEXT,
        executed_by TEXT,
        originals_moved_at TEXT,
        quarantine_path TEXT,
        cancelled_at TEXT,
        cancel_reason TEXT,
        UNIQUE (decision_number, decision_date)
      );

      -- The files a decision covers, with what they were when it was recorded.
      CREATE TABLE destruction_items (
        decision_id INTEGER NOT NULL REFERENCES destruction_decisions(id),
        file_id INTEGER NOT NULL REFERENCES files(id),
        snapshot_json TEXT NOT NULL,
        PRIMARY KEY (decision_id, file_id)
      );
      CREATE INDEX destruction_items_file ON destruction_items(file_id);

      ALTER TABLE documents ADD COLUMN removed_at TEXT;
      ALTER TABLE documents ADD COLUMN removed_by TEXT;
      ALTER TABLE documents ADD COLUMN removal_reason TEXT;
      ALTER TABLE documents ADD COLUMN removed_with_file_id INTEGER REFERENCES files(id);
      ALTER TABLE documents ADD COLUMN destruction_decision_id INTEGER REFERENCES destruction_decisions(id);
      CREATE INDEX documents_removed ON documents(removed_at);

      ALTER TABLE files ADD COLUMN removed_at TEXT;
      ALTER TABLE files ADD COLUMN removed_by TEXT;
      ALTER TABLE files ADD COLUMN removal_reason TEXT;
      ALTER TABLE files ADD COLUMN destruction_decision_id INTEGER REFERENCES destruction_decisions(id);
      CREATE INDEX files_removed ON files(removed_at);

      ALTER TABLE attachments ADD COLUMN moved_out_at TEXT;
      ALTER TABLE attachments ADD COLUMN moved_out_to TEXT;

      -- Records are evidence: the database itself refuses to delete them (removal is a mark, see
      -- above), and an original's identity (its bytes' SHA-256, size, place) never changes.
      CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
      CREATE TRIGGER files_no_delete BEFORE DELETE ON files
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
      CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
      CREATE TRIGGER attachments_identity_fixed BEFORE UPDATE OF sha256, size, stored_path ON attachments
        BEGIN SELECT RAISE(ABORT, 'an original''s identity never changes'); END;
      CREATE TRIGGER destruction_decisions_no_delete BEFORE DELETE ON destruction_decisions
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
      CREATE TRIGGER destruction_items_no_delete BEFORE DELETE ON destruction_items
        BEGIN SELECT RAISE(ABORT, 'records are never deleted: remove them with a reason instead'); END;
    `);
  },
};
