import type { Migration } from './types';

/**
 * `audit_entity (entity_type, entity_id)` leads `audit_log_entity (entity_type, entity_id, id)`:
 * every lookup it served (a record's history, its last row) is served by the longer one, while it
 * was written on every audit row, two or three per imported document.
 */
export const dropRedundantIndexes: Migration = {
  version: 12,
  name: 'drop-redundant-indexes',
  up: (db) => {
    db.exec('DROP INDEX IF EXISTS audit_entity');
  },
};
