import type { Migration } from './types';

/**
 * Handover (bàn giao): batches with their parties and legal basis, the files each
 * outgoing batch carries, the recorded confirmations for secret documents, and — on the receiving
 * side — what each received package item became in this catalogue (the receipt record).
 *
 * Rules the database guards itself: a file travels in at most one outgoing batch; a file (or a
 * document of a file) in a batch cannot be deleted; confirmations for secret documents are
 * append-only, like the audit log.
 */
export const handover: Migration = {
  version: 4,
  name: 'handover',
  up: (db) => {
    db.exec(`
      CREATE TABLE handover_batches (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'listed', 'packed', 'handed_over', 'receiving', 'received')),
        from_organization_id INTEGER NOT NULL REFERENCES organizations(id),
        to_organization_id INTEGER REFERENCES organizations(id),
        recipient_kind TEXT NOT NULL DEFAULT 'successor' CHECK (recipient_kind IN ('successor', 'provincial_archive', 'other')),
        legal_basis TEXT,
        handover_date TEXT,
        place TEXT,
        sender_representative TEXT,
        sender_position TEXT,
        receiver_representative TEXT,
        receiver_position TEXT,
        condition TEXT,
        shelf_metres REAL CHECK (shelf_metres IS NULL OR shelf_metres >= 0),
        notes TEXT,
        listed_at TEXT,
        packed_at TEXT,
        handed_over_at TEXT,
        received_at TEXT,
        package_path TEXT,
        package_digest TEXT,
        package_oxum TEXT,
        package_fingerprint TEXT,
        verification_json TEXT,
        receipt_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (from_organization_id IS NOT to_organization_id)
      );
      -- Outgoing batches are numbered by this catalogue; incoming ones keep the sender's number.
      CREATE UNIQUE INDEX handover_batches_outgoing_code ON handover_batches(code) WHERE direction = 'outgoing';

      CREATE TABLE handover_batch_files (
        batch_id INTEGER NOT NULL REFERENCES handover_batches(id),
        file_id INTEGER NOT NULL UNIQUE REFERENCES files(id),
        added_at TEXT NOT NULL,
        PRIMARY KEY (batch_id, file_id)
      );

      CREATE TABLE handover_secret_confirmations (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES handover_batches(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        security_level TEXT NOT NULL CHECK (security_level IN ('mat', 'toi_mat', 'tuyet_mat')),
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        UNIQUE (batch_id, document_id)
      );
      CREATE TRIGGER handover_secret_confirmations_no_update BEFORE UPDATE ON handover_secret_confirmations
        BEGIN SELECT RAISE(ABORT, 'secret confirmations are append-only'); END;
      CREATE TRIGGER handover_secret_confirmations_no_delete BEFORE DELETE ON handover_secret_confirmations
        BEGIN SELECT RAISE(ABORT, 'secret confirmations are append-only'); END;

      CREATE TABLE handover_received_items (
        batch_id INTEGER NOT NULL REFERENCES handover_batches(id),
        item_key TEXT NOT NULL,
        entity_type TEXT NOT NULL CHECK (entity_type IN ('organization', 'fonds', 'file_list', 'file', 'document', 'attachment')),
        entity_id INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('created', 'matched', 'duplicate')),
        PRIMARY KEY (batch_id, item_key)
      );
      CREATE INDEX handover_received_items_entity ON handover_received_items(entity_type, entity_id);

      -- Nothing handed over may vanish: a file in a batch, or a document filed in one, stays.
      CREATE TRIGGER files_in_batch_no_delete BEFORE DELETE ON files
        WHEN EXISTS (SELECT 1 FROM handover_batch_files WHERE file_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'file is in a handover batch'); END;
      CREATE TRIGGER documents_in_batch_no_delete BEFORE DELETE ON documents
        WHEN EXISTS (SELECT 1 FROM handover_batch_files WHERE file_id = OLD.file_id)
        BEGIN SELECT RAISE(ABORT, 'document is in a handover batch'); END;
    `);
  },
};
