import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../../shared/contract/errors';
import { migrate, schemaVersionOf } from './migrate';
import { Repositories } from './repositories';

export interface OpenCatalogueOptions {
  /** Path of a better_sqlite3.node built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  now?: () => string;
}

/** The folder of managed originals beside a catalogue file: `x.sqlite` → `x.originals/`. */
export function originalsDirFor(cataloguePath: string): string {
  const dir = path.dirname(cataloguePath);
  const base = path.basename(cataloguePath).replace(/\.[^.]*$/, '');
  return path.join(dir, `${base}.originals`);
}

/**
 * better-sqlite3-multiple-ciphers is better-sqlite3 with SQLite3MultipleCiphers compiled in: the same
 * API, plus encryption at rest when a passphrase is given.
 *
 * One catalogue file on disk: the SQLite database (WAL, foreign keys on, full sync so that what
 * was reported saved survives a power cut) and the folder of originals beside it.
 */
export class Catalogue {
  readonly db: Database;
  readonly path: string;
  readonly originalsDir: string;
  readonly repos: Repositories;
  readonly now: () => string;

  private constructor(db: Database, filePath: string, now: () => string) {
    this.db = db;
    this.path = filePath;
    this.originalsDir = originalsDirFor(filePath);
    this.now = now;
    this.repos = new Repositories(db);
  }

  static open(filePath: string, options: OpenCatalogueOptions = {}): Catalogue {
    const absolute = path.resolve(filePath);
    const now = options.now ?? (() => new Date().toISOString());
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    let db: Database;
    try {
      db = new BetterSqlite3(absolute, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, now);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError(
        'unreadable_file',
        `Không mở được danh mục “${absolute}”: tệp không phải cơ sở dữ liệu Kho Lưu hoặc đã hỏng.`,
        `Cannot open catalogue ${absolute}: ${String(err)}`,
      );
    }
    fs.mkdirSync(originalsDirFor(absolute), { recursive: true });
    return new Catalogue(db, absolute, now);
  }

  get schemaVersion(): number {
    return schemaVersionOf(this.db);
  }

  /** Runs `fn` in one SQLite transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
