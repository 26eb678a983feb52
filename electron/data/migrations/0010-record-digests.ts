import type { Migration } from './types';

/**
 * Each audit row about a document or an original holds the digest of that record as the change
 * left it (`record_digest`, covered by the row's hash), so `check` can find records that no audited
 * operation produced (electron/data/recordDigests.ts). Rows written before this version have none:
 * their records are checked from their next audited change on.
 */
export const recordDigests: Migration = {
  version: 10,
  name: 'record-digests',
  up: (db) => {
    const has = (db.prepare('PRAGMA table_info(audit_log)').all() as Array<{ name: string }>).some((c) => c.name === 'record_digest');
    if (!has) db.exec('ALTER TABLE audit_log ADD COLUMN record_digest TEXT');
    db.exec('CREATE INDEX IF NOT EXISTS audit_log_entity ON audit_log(entity_type, entity_id, id)');
  },
};
