import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { BUSY_TIMEOUT_MS } from './busyTimeout';
import { applyKey, proveReadable } from './cipher';
import { HandoverDataRepository } from './repositories/handoverData';

/**
 * What another thread needs to open a second connection to an open catalogue
 * (`Catalogue.readerAccess()`): its file, the passphrase of an encrypted one (applied as every
 * connection to it applies it, and kept in memory only), and the native binding the catalogue was
 * opened with (Electron's).
 */
export interface CatalogueReaderAccess {
  path: string;
  passphrase: string | null;
  nativeBinding: string | null;
}

/**
 * A read-only connection to a catalogue another connection has open, for reads done on a thread
 * of their own (a package's full texts). The write-ahead log lets it read while the catalogue's
 * own connection writes; it never writes, migrates or checkpoints.
 */
export class CatalogueReader {
  readonly handoverData: HandoverDataRepository;

  private constructor(private readonly db: Database) {
    this.handoverData = new HandoverDataRepository(db);
  }

  static open(access: CatalogueReaderAccess): CatalogueReader {
    const db = new BetterSqlite3(access.path, { readonly: true, fileMustExist: true, ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}) });
    try {
      if (access.passphrase !== null) applyKey(db, access.passphrase);
      proveReadable(db);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      return new CatalogueReader(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
