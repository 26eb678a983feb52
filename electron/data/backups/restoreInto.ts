import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RestoreDifference } from '../../../shared/contract/types/safety';
import { ApiError } from '../../../shared/contract/errors';
import { lockedError, selectCipher } from '../cipher';
import { migrate } from '../migrate';
import { SCHEMA_VERSION } from '../migrate';
import { dataTables } from '../catalogueSummary';

/**
 * Restoring a backup into the open catalogue, through the catalogue's own connection: the copy is
 * attached (with its passphrase; a plain copy with an empty key), compared, and — in ONE
 * transaction — every table, index and trigger is replaced by the copy's. A crash or an error
 * part-way rolls everything back, leaving the catalogue as it was; the services keep their
 * connection, so nothing needs reopening. Works the same for encrypted and plain catalogues.
 */
const ALIAS = 'restore_src';

export function withAttachedCopy<T>(db: Database, file: string, passphrase: string | null, fn: () => T): T {
  // The cipher must be chosen before a keyed ATTACH, or the connection's default scheme is tried.
  selectCipher(db);
  try {
    db.prepare(`ATTACH DATABASE ? AS ${ALIAS} KEY ?`).run(file, passphrase ?? '');
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw lockedError(passphrase !== null);
    throw err;
  }
  try {
    return fn();
  } finally {
    db.exec(`DETACH DATABASE ${ALIAS}`);
  }
}

function columns(db: Database, schema: string, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
}

export function attachedSchemaVersion(db: Database): number {
  return db.pragma(`${ALIAS}.user_version`, { simple: true }) as number;
}

/**
 * Audit rows of the open catalogue that the copy does not hold: the changes a restore takes
 * back. Compared by hash, so it is right even when the two have diverged.
 */
export function auditRowsNotInCopy(db: Database): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM main.audit_log WHERE hash NOT IN (SELECT hash FROM ${ALIAS}.audit_log)`).get() as { n: number }).n;
}

/**
 * Documents that a restore would drop, bring back or change (by id), at most `limit` listed; each
 * says whether it is secret in the catalogue or in the copy (the secret policy decides who sees it).
 */
export function documentDifferences(db: Database, limit: number): { total: number; items: Array<RestoreDifference & { secret: boolean }> } {
  const mainCols = columns(db, 'main', 'documents');
  const srcCols = columns(db, ALIAS, 'documents');
  const removedCompare = mainCols.has('removed_at') && srcCols.has('removed_at') ? 'OR m.removed_at IS NOT s.removed_at' : '';
  const union = `
    SELECT m.id, m.number_symbol AS numberSymbol, m.subject, 'lost' AS change, m.security_level IS NOT NULL AS secret FROM main.documents m
      WHERE m.id NOT IN (SELECT id FROM ${ALIAS}.documents)
    UNION ALL
    SELECT s.id, s.number_symbol, s.subject, 'back', s.security_level IS NOT NULL FROM ${ALIAS}.documents s
      WHERE s.id NOT IN (SELECT id FROM main.documents)
    UNION ALL
    SELECT s.id, s.number_symbol, s.subject, 'changed', s.security_level IS NOT NULL OR m.security_level IS NOT NULL FROM ${ALIAS}.documents s JOIN main.documents m ON m.id = s.id
      WHERE m.updated_at IS NOT s.updated_at ${removedCompare}`;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM (${union})`).get() as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM (${union}) ORDER BY change, id LIMIT ?`).all(limit) as Array<Omit<RestoreDifference, 'kind'> & { secret: number }>;
  return { total, items: rows.map((r) => ({ kind: 'document', ...r, secret: r.secret === 1 })) };
}

/** The stored paths and sizes of the originals the copy refers to. */
export function attachedOriginals(db: Database): Array<{ sha256: string; storedPath: string; size: number }> {
  const moved = columns(db, ALIAS, 'attachments').has('moved_out_at') ? 'WHERE moved_out_at IS NULL' : '';
  return db.prepare(`SELECT sha256, stored_path AS storedPath, size FROM ${ALIAS}.attachments ${moved} ORDER BY id`).all() as Array<{
    sha256: string;
    storedPath: string;
    size: number;
  }>;
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** Replaces everything in the open catalogue with the attached copy, in one transaction. */
export function replaceWithAttached(db: Database): void {
  const version = attachedSchemaVersion(db);
  db.pragma('foreign_keys = OFF');
  // The full-text index's shadow tables are copied row for row (the index comes back exactly as
  // it was); SQLite's defensive mode, on by default, forbids writing them, so it is lifted here.
  db.unsafeMode(true);
  try {
    db.transaction(() => {
      const mine = db.prepare("SELECT type, name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as SchemaObject[];
      for (const o of mine.filter((x) => x.type === 'trigger')) db.exec(`DROP TRIGGER IF EXISTS main."${o.name}"`);
      for (const o of mine.filter((x) => x.type === 'view')) db.exec(`DROP VIEW IF EXISTS main."${o.name}"`);
      // Virtual tables first: dropping one drops its shadow tables.
      for (const o of mine.filter((x) => x.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(x.sql ?? ''))) db.exec(`DROP TABLE IF EXISTS main."${o.name}"`);
      for (const name of dataTables(db, 'main')) db.exec(`DROP TABLE IF EXISTS main."${name}"`);

      const theirs = db.prepare(`SELECT type, name, sql FROM ${ALIAS}.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY rowid`).all() as SchemaObject[];
      const shadows = new Set(
        (db.prepare(`PRAGMA ${ALIAS}.table_list`).all() as Array<{ name: string; type: string }>).filter((t) => t.type === 'shadow').map((t) => t.name),
      );
      for (const o of theirs.filter((x) => x.type === 'table' && !shadows.has(x.name))) db.exec(o.sql!);
      for (const name of dataTables(db, ALIAS)) {
        // A new virtual table seeds its shadow tables; the copy's rows replace those.
        db.exec(`DELETE FROM main."${name}"`);
        db.exec(`INSERT INTO main."${name}" SELECT * FROM ${ALIAS}."${name}"`);
      }
      const hasSequence = (schema: string) => db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
      if (hasSequence(ALIAS) && hasSequence('main')) {
        db.exec('DELETE FROM main.sqlite_sequence');
        db.exec(`INSERT INTO main.sqlite_sequence SELECT * FROM ${ALIAS}.sqlite_sequence`);
      }
      for (const o of theirs.filter((x) => x.type === 'index' && !shadows.has(x.name))) db.exec(o.sql!);
      for (const o of theirs.filter((x) => x.type === 'view')) db.exec(o.sql!);
      for (const o of theirs.filter((x) => x.type === 'trigger')) db.exec(o.sql!);
      db.pragma(`user_version = ${version}`);
    })();
  } finally {
    db.unsafeMode(false);
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Restores the catalogue from a copy: attach, refuse a copy written by a newer schema, replace in
 * one transaction, then bring an older copy up to this build's schema.
 */
export function restoreCatalogueFrom(db: Database, file: string, passphrase: string | null, now: () => string): { fromVersion: number } {
  const fromVersion = withAttachedCopy(db, file, passphrase, () => {
    const version = attachedSchemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new ApiError('backup.newerSchema', { version, supported: SCHEMA_VERSION });
    }
    replaceWithAttached(db);
    return version;
  });
  if (fromVersion < SCHEMA_VERSION) migrate(db, now);
  return { fromVersion };
}
