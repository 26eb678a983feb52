import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../../shared/contract/errors';
import type { BackupInfo } from '../../shared/contract/types/safety';
import { backupBeforeMigration } from './backups/catalogueCopy';
import { defaultBackupDirFor } from './backups/backupFolder';
import { CIPHER, applyKey, isPlainSqlite, lockedError, looksEncrypted, proveReadable, rekey } from './cipher';
import { SCHEMA_VERSION, migrate, pendingMigrations, schemaVersionOf } from './migrate';
import { Repositories } from './repositories';
import { makeDirs } from './makeDirs';
import { readWitness, writeWitness } from './auditWitness';
import { OriginalFiles } from './originals/originalFiles';
import type { CatalogueReaderAccess } from './catalogueReader';
import { BUSY_TIMEOUT_MS } from './busyTimeout';

export interface OpenCatalogueOptions {
  /** Path of a better_sqlite3.node built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  now?: () => string;
  /** Opens (or creates) the catalogue encrypted with this passphrase (safety). */
  passphrase?: string | null;
  /** Folder of the backups; default: the `backup.dir` setting, else `<name>.backups/` beside the file. */
  backupDir?: string;
}

export { BUSY_TIMEOUT_MS };

/**
 * Pages the write-ahead log may hold before a commit copies them into the catalogue file (SQLite's
 * default is 1,000). An import's batch adds more than 1,000 pages, so with the default every batch
 * commit also copied the whole log back and synced the file twice; pages that the next batches
 * write again (the tables' last pages, index leaves, full-text segments merged soon after) were
 * copied each time. With 10,000 pages (40 MB of log on disk at most, plus one batch) a copy serves
 * several batches: 14% fewer bytes written per imported document (68.8 → 59 KB). Durability is
 * unchanged: a commit is on disk once its log frames are synced, whether or not they were copied.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** The setting naming the backups folder (read before migrations, so it lives in the first schema's `settings`). */
export const BACKUP_DIR_SETTING = 'backup.dir';

function resolveBackupDir(db: Database, option: string | undefined, cataloguePath: string): string {
  if (option) return path.resolve(option);
  let configured: string | null = null;
  try {
    configured = (db.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_DIR_SETTING) as { value: string } | undefined)?.value ?? null;
  } catch {
    configured = null;
  }
  return configured ? path.resolve(configured) : defaultBackupDirFor(cataloguePath);
}

/**
 * A catalogue with migrations pending is copied before any of them runs: a migration
 * that goes wrong, or a newer build the user wants to step back from, never costs the records.
 * A new (empty) catalogue has nothing to copy. If the copy cannot be made, nothing is migrated.
 */
function backupIfMigrating(
  db: Database,
  backupDirOption: string | undefined,
  cataloguePath: string,
  now: () => string,
  passphrase: string | null,
): { backup: BackupInfo; from: number } | null {
  const from = schemaVersionOf(db);
  if (from === 0 || pendingMigrations(db).length === 0) return null;
  const dir = resolveBackupDir(db, backupDirOption, cataloguePath);
  try {
    return { backup: backupBeforeMigration(db, dir, now(), 'Kho Lưu (tự động)', passphrase, from, SCHEMA_VERSION), from };
  } catch (err) {
    throw new ApiError('catalogue.preMigrationBackupFailed', { dir, detail: String((err as Error).message ?? err) });
  }
}

/** The folder of managed originals beside a catalogue file: `x.sqlite` → `x.originals/`. */
export function originalsDirFor(cataloguePath: string): string {
  const dir = path.dirname(cataloguePath);
  const base = path.basename(cataloguePath).replace(/\.[^.]*$/, '');
  return path.join(dir, `${base}.originals`);
}

/**
 * The data key originals are sealed with (hex), kept inside the encrypted catalogue: it is as safe
 * as the records, and changing the passphrase re-encrypts the catalogue, not every original.
 * Generated once, when the catalogue is first encrypted, and never changed (backups hold the same).
 */
export const ORIGINALS_KEY_SETTING = 'originals.key';
/** 'done' once every original under the data folder has been sealed; anything else: sealing to finish. */
export const ORIGINALS_SEALED_SETTING = 'originals.sealed';

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
  /** Kept in memory only, to open this catalogue's own backups (encrypted with it). */
  private passphrase: string | null;
  private originalFiles: OriginalFiles | null = null;
  private readonly backupDirOption: string | undefined;
  private readonly nativeBinding: string | null;

  private constructor(db: Database, filePath: string, now: () => string, passphrase: string | null, backupDir: string | undefined, nativeBinding: string | null) {
    this.db = db;
    this.path = filePath;
    this.originalsDir = originalsDirFor(filePath);
    this.now = now;
    this.repos = new Repositories(db);
    this.passphrase = passphrase;
    this.backupDirOption = backupDir;
    this.nativeBinding = nativeBinding;
  }

  static open(filePath: string, options: OpenCatalogueOptions = {}): Catalogue {
    const absolute = path.resolve(filePath);
    const now = options.now ?? (() => new Date().toISOString());
    makeDirs(path.dirname(absolute));
    const passphrase = options.passphrase ? options.passphrase : null;
    let db: Database | undefined;
    let preMigration: { backup: BackupInfo; from: number } | null = null;
    try {
      db = new BetterSqlite3(absolute, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      if (passphrase !== null) applyKey(db, passphrase);
      try {
        proveReadable(db);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_NOTADB' && passphrase !== null && isPlainSqlite(absolute)) {
          throw new ApiError('catalogue.notEncrypted');
        }
        if ((err as { code?: string }).code === 'SQLITE_NOTADB' && (passphrase !== null || looksEncrypted(absolute))) throw lockedError(passphrase !== null);
        throw err;
      }
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      db.pragma('foreign_keys = ON');
      // Another process may be writing (a command-line import beside the app, two imports at once):
      // a writer waits its turn rather than failing. Batches are short; this bounds a stuck one.
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      preMigration = backupIfMigrating(db, options.backupDir, absolute, now, passphrase);
      migrate(db, now);
    } catch (err) {
      if (db?.open) db.close();
      if (err instanceof ApiError) throw err;
      console.error(`[kholuu] cannot open catalogue ${absolute}: ${String(err)}`);
      throw new ApiError('catalogue.unreadable', { path: absolute });
    }
    makeDirs(originalsDirFor(absolute));
    const catalogue = new Catalogue(db, absolute, now, passphrase, options.backupDir, options.nativeBinding ?? null);
    if (preMigration) {
      const { backup, from } = preMigration;
      catalogue.repos.audit.append({
        at: now(),
        actor: backup.actor,
        action: 'catalogue.migrate',
        entityType: 'catalogue',
        entityId: null,
        before: { schemaVersion: from },
        after: { schemaVersion: SCHEMA_VERSION, backupId: backup.id, catalogueSha256: backup.catalogueSha256, catalogueBytes: backup.catalogueBytes },
      });
    }
    // A catalogue without a witness yet (new, or from a build before witnesses) gets one now; one
    // recreated after being deleted says since when it exists (check reports it).
    catalogue.refreshWitness(readWitness(absolute) === null);
    return catalogue;
  }

  /** True when the file is encrypted at rest. */
  get encrypted(): boolean {
    return this.passphrase !== null;
  }

  get cipher(): string | null {
    return this.passphrase !== null ? CIPHER : null;
  }

  /** The passphrase copies of this catalogue (backups) are encrypted with; null when it is not encrypted. */
  keyForCopies(): string | null {
    return this.passphrase;
  }

  /** What a reader on another thread opens this catalogue with (`CatalogueReader.open`). */
  readerAccess(): CatalogueReaderAccess {
    return { path: this.path, passphrase: this.passphrase, nativeBinding: this.nativeBinding };
  }

  /** True when `candidate` is this catalogue's passphrase (compared in constant time). */
  hasPassphrase(candidate: string): boolean {
    if (this.passphrase === null) return false;
    const a = Buffer.from(this.passphrase, 'utf8');
    const b = Buffer.from(candidate, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Encrypts the file with `next`, or changes its passphrase to `next` (PRAGMA rekey). */
  changePassphrase(next: string): void {
    rekey(this.db, next);
    this.passphrase = next;
    this.originalFiles = null;
  }

  /**
   * How this catalogue's originals are read and written: sealed under its data key when the
   * catalogue is encrypted and has one, as they are otherwise.
   */
  get originals(): OriginalFiles {
    if (this.originalFiles === null) this.originalFiles = new OriginalFiles(this.encrypted ? this.originalsKey() : null);
    return this.originalFiles;
  }

  /** The originals' data key stored in the catalogue, or null (never in a plain catalogue). */
  originalsKey(): Buffer | null {
    if (!this.encrypted) return null;
    const hex = this.repos.settings.get(ORIGINALS_KEY_SETTING);
    return hex && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
  }

  /**
   * The originals' data key, made now (random, 256 bits) if the encrypted catalogue has none yet;
   * `restore` puts back a key a restored copy lacked (a backup made before encryption).
   */
  ensureOriginalsKey(restore?: Buffer): Buffer {
    if (!this.encrypted) throw new Error('originals are sealed only in an encrypted catalogue');
    const existing = this.originalsKey();
    if (existing && (!restore || existing.equals(restore))) return existing;
    // Read and written in one write transaction: two processes opening a newly encrypted catalogue
    // at once agree on one key (the second finds the first's).
    const key = this.transaction(() => {
      const now = this.originalsKey();
      if (now && !restore) return now;
      const made = restore ?? randomBytes(32);
      this.repos.settings.set(ORIGINALS_KEY_SETTING, made.toString('hex'));
      return made;
    });
    this.originalFiles = null;
    return key;
  }

  /** True once every original under the data folder is sealed (always false for a plain catalogue). */
  get originalsSealed(): boolean {
    return this.encrypted && this.repos.settings.get(ORIGINALS_SEALED_SETTING) === 'done';
  }

  markOriginalsSealed(done: boolean): void {
    this.transaction(() => this.repos.settings.set(ORIGINALS_SEALED_SETTING, done ? 'done' : 'pending'));
  }

  /** Folder of this catalogue's backups. */
  get backupDir(): string {
    return resolveBackupDir(this.db, this.backupDirOption, this.path);
  }

  get schemaVersion(): number {
    return schemaVersionOf(this.db);
  }

  /**
   * Runs `fn` in one SQLite write transaction (nested calls become savepoints). It begins
   * IMMEDIATE: the write lock is taken (waiting up to the busy timeout for another process to
   * finish) before anything is read, so what `fn` reads cannot be overtaken by another writer's
   * commit. A deferred transaction that read first would fail at its first write
   * (SQLITE_BUSY_SNAPSHOT, "database is locked") instead of waiting. Once the outermost one has
   * committed rows to the audit log, the witness beside the catalogue is rewritten.
   */
  transaction<T>(fn: () => T): T {
    const result = this.db.transaction(fn).immediate();
    if (!this.db.inTransaction) this.refreshWitness();
    return result;
  }

  /**
   * {@link transaction} for a batch of many small writes (an import's batch of documents), with
   * SQLite's statement journals kept in memory meanwhile. SQLite journals every statement that may
   * fail halfway (an insert firing triggers: each document's), and spills that journal to a
   * temporary file past 64 KB; a document's row with its overflow pages and index leaves passes
   * it, so every document's pages were written a second time into a file in /var/tmp (38% of an
   * import's write calls). Only for batches of bounded statements: a single statement over
   * thousands of rows (a bulk edit) keeps its journal on disk, outside memory.
   */
  batchTransaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.transaction(fn);
    const before = this.db.pragma('temp_store', { simple: true }) as number;
    this.db.pragma('temp_store = MEMORY');
    try {
      return this.transaction(fn);
    } finally {
      this.db.pragma(`temp_store = ${before}`);
    }
  }

  /** Rewrites the witness file if audit rows were added since it was last written (see auditWitness.ts). */
  refreshWitness(force = false): void {
    if ((this.repos.audit.takeAppended() || force) && this.db.open && !this.db.inTransaction) writeWitness(this.path, this.db, this.now());
  }

  close(): void {
    if (this.db.open) {
      this.refreshWitness();
      this.db.close();
    }
  }
}
