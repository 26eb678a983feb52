import type { Migration } from './types';

/**
 * Searches kept by the catalogue (history, saved searches) remember whether they were typed while
 * secret records were visible: their words may then come from secret records, and a viewer who
 * may not see secrets is not shown them (the secret-field rule). Searches kept before this version
 * cannot tell, so they count as typed in sight of secrets (hidden from locked viewers) — as does any
 * row written without saying.
 */
export const secretScope: Migration = {
  version: 9,
  name: 'secret-scope',
  up: (db) => {
    // A development build may have added the column already.
    for (const table of ['search_history', 'saved_searches']) {
      const has = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === 'secret_scope');
      if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN secret_scope INTEGER NOT NULL DEFAULT 1 CHECK (secret_scope IN (0, 1))`);
    }
  },
};
