import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../../shared/contract/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export { SCHEMA_VERSION };

/** The schema version recorded in the file (`PRAGMA user_version`). */
export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Migrations this file still needs, oldest first. */
export function pendingMigrations(db: Database) {
  const current = schemaVersionOf(db);
  return MIGRATIONS.filter((m) => m.version > current);
}

/**
 * Brings the catalogue to this build's schema (or, for the schema tests, to `target`), one
 * migration per transaction, recording each in `schema_migrations`. A catalogue written by a
 * newer Kho Lưu is refused rather than damaged.
 */
export function migrate(db: Database, now: () => string, target: number = SCHEMA_VERSION): void {
  const current = schemaVersionOf(db);
  if (current > SCHEMA_VERSION) {
    throw new ApiError('catalogue.newerSchema', { version: current, supported: SCHEMA_VERSION });
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
