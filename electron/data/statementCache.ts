import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * Runs `fn` with `db.prepare` answering from a cache of compiled statements. A bulk import runs the
 * same dozen statements (insert the document, its attachment, index entry, citations, audit rows…)
 * for every file; compiling them each time costs more than running them. Only for synchronous
 * work (a transaction): nothing else can call `prepare` meanwhile, and the repositories' own code
 * is unchanged. Cached statements are returned in their default mode.
 */
export function withStatementCache<T>(db: Database, fn: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const statements = cache;
  const original = db.prepare;
  const ownBefore = Object.prototype.hasOwnProperty.call(db, 'prepare');
  db.prepare = ((sql: string) => {
    let stmt = statements.get(sql);
    if (stmt) {
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
      return stmt;
    }
    stmt = original.call(db, sql);
    statements.set(sql, stmt);
    return stmt;
  }) as Database['prepare'];
  try {
    return fn();
  } finally {
    if (ownBefore) db.prepare = original;
    else delete (db as { prepare?: unknown }).prepare;
  }
}
