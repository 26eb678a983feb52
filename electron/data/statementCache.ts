import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * The one cache of compiled statements, per connection. Compiling a statement costs more than
 * running it for most of what the catalogue does (a bulk import runs the same dozen statements for
 * every file; search asks the same questions on every keystroke), so each SQL text is compiled
 * once per connection and shared by every repository.
 *
 * A statement comes back in its default mode (rows, not plucked, raw or expanded), whatever the
 * previous caller set: `.pluck()` on a shared statement never leaks into the next use. Only for
 * statements run to completion (`get`, `all`, `run`): one being iterated cannot be run again
 * meanwhile, so `iterate()` needs a statement of its own (`db.prepare`).
 */

const caches = new WeakMap<Database, Map<string, Statement>>();
/** Fixed SQL texts number in the hundreds; past this the cache is dropped rather than grow. */
const MAX_STATEMENTS = 2_000;

function compile(db: Database, sql: string): Statement {
  // The prototype's `prepare`, so that `withStatementCache`'s stand-in does not call itself.
  const prepare = Object.getPrototypeOf(db).prepare as Database['prepare'];
  return prepare.call(db, sql);
}

/** `sql` compiled on `db`, once per connection, in its default mode. */
export function cachedStatement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (stmt) {
    if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
    return stmt;
  }
  if (cache.size >= MAX_STATEMENTS) cache.clear();
  stmt = compile(db, sql);
  cache.set(sql, stmt);
  return stmt;
}

/** A repository's `st(sql)`: {@link cachedStatement} bound to its connection. */
export function statementsOf(db: Database): (sql: string) => Statement {
  return (sql) => cachedStatement(db, sql);
}

/**
 * Runs `fn` with `db.prepare` answering from the cache as well, for code that calls `db.prepare`
 * directly (the import's per-file writes). Only for synchronous work (a transaction): nothing else
 * can call `prepare` meanwhile.
 */
export function withStatementCache<T>(db: Database, fn: () => T): T {
  const ownBefore = Object.prototype.hasOwnProperty.call(db, 'prepare');
  const before = db.prepare;
  db.prepare = ((sql: string) => cachedStatement(db, sql)) as Database['prepare'];
  try {
    return fn();
  } finally {
    if (ownBefore) db.prepare = before;
    else delete (db as { prepare?: unknown }).prepare;
  }
}
