import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CatalogueSummary } from '../../shared/contract/types/safety';
import { schemaVersionOf } from './migrate';

/** Every table that holds data, shadow tables of the full-text index included; virtual tables and SQLite's own left out. */
export function dataTables(db: Database, schema = 'main'): string[] {
  const rows = db.prepare(`PRAGMA ${schema}.table_list`).all() as Array<{ name: string; type: string }>;
  return rows
    .filter((r) => (r.type === 'table' || r.type === 'shadow') && !r.name.startsWith('sqlite_'))
    .map((r) => r.name)
    .sort();
}

function hasColumn(db: Database, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).some((c) => c.name === column);
}

function count(db: Database, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

/** Counts and the last audit row: what a backup holds, what a restore would bring back. */
export function summarize(db: Database): CatalogueSummary {
  const removable = hasColumn(db, 'documents', 'removed_at');
  const last = db.prepare('SELECT id, at, actor, action, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as CatalogueSummary['lastAudit'] | undefined;
  return {
    schemaVersion: schemaVersionOf(db),
    counts: {
      fonds: count(db, 'SELECT COUNT(*) AS n FROM fonds'),
      files: count(db, removable ? 'SELECT COUNT(*) AS n FROM files WHERE removed_at IS NULL' : 'SELECT COUNT(*) AS n FROM files'),
      documents: count(db, removable ? 'SELECT COUNT(*) AS n FROM documents WHERE removed_at IS NULL' : 'SELECT COUNT(*) AS n FROM documents'),
      removedDocuments: removable ? count(db, 'SELECT COUNT(*) AS n FROM documents WHERE removed_at IS NOT NULL') : 0,
      attachments: count(db, 'SELECT COUNT(*) AS n FROM attachments'),
      auditRows: count(db, 'SELECT COUNT(*) AS n FROM audit_log'),
    },
    lastAudit: last ?? null,
  };
}

function canonicalValue(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { hex: v.toString('hex') };
  if (typeof v === 'bigint') return v.toString();
  return v;
}

export interface TableDigest {
  rows: number;
  sha256: string;
}

/**
 * A fingerprint of every row of every data table (rows in a fixed order, values serialised the
 * same way each time): two catalogues with the same digest hold the same records. Used to prove
 * a restore exact, to tie a restore preview to the state it described, and to tell whether an
 * operation changed anything at all.
 */
export function contentDigest(db: Database, options: { exclude?: readonly string[] } = {}): { sha256: string; tables: Record<string, TableDigest> } {
  const tables: Record<string, TableDigest> = {};
  const all = createHash('sha256');
  for (const table of dataTables(db)) {
    if (options.exclude?.includes(table)) continue;
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row.map(canonicalValue)));
      hash.update('\n');
      rows++;
    }
    const sha256 = hash.digest('hex');
    tables[table] = { rows, sha256 };
    all.update(`${table}\t${rows}\t${sha256}\n`);
  }
  return { sha256: all.digest('hex'), tables };
}
