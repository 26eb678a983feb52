import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../../shared/contract/errors';

/**
 * Encryption at rest (SQLite3 Multiple Ciphers). The cipher is SQLCipher version 4: the format
 * the widest range of other tools can open (the SQLCipher command line, DB Browser for SQLite), so
 * an archive encrypted today stays readable when Kho Lưu is long gone, given its passphrase.
 */
export const CIPHER = 'sqlcipher';
const CIPHER_LEGACY = 4;

/** The first 16 bytes of every unencrypted SQLite file; an encrypted one starts with random salt. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * True when the file looks like an encrypted database: not a plain SQLite file, a whole number of
 * pages long, and its first page indistinguishable from random bytes (as ciphertext is). A text
 * file or a damaged plain catalogue is not mistaken for one, so its user is told the right thing.
 */
export function looksEncrypted(filePath: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 1024 || size % 512 !== 0) return false;
    const page = Buffer.alloc(4096);
    const n = fs.readSync(fd, page, 0, page.length, 0);
    if (page.subarray(0, 16).equals(SQLITE_HEADER)) return false;
    const seen = new Set(page.subarray(0, n));
    return seen.size > (n >= 4096 ? 200 : 150);
  } finally {
    fs.closeSync(fd);
  }
}

/** True when the file starts with the header of an unencrypted SQLite database. */
export function isPlainSqlite(filePath: string): boolean {
  try {
    const fd = fs.openSync(filePath, 'r');
    try {
      const head = Buffer.alloc(16);
      return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Selects the cipher on a fresh connection; must come before the key and any other statement. */
export function selectCipher(db: Database): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`legacy = ${CIPHER_LEGACY}`);
}

/** Gives a fresh connection its passphrase (also sets it on a file being created). */
export function applyKey(db: Database, passphrase: string): void {
  selectCipher(db);
  db.key(Buffer.from(passphrase, 'utf8'));
}

/** Reads the schema: the first statement that fails when the key is missing or wrong. */
export function proveReadable(db: Database): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/** The refusal for an encrypted catalogue opened without (or with a wrong) passphrase. */
export function lockedError(passphraseGiven: boolean): ApiError {
  return passphraseGiven ? new ApiError('catalogue.wrongPassphrase') : new ApiError('catalogue.locked');
}

/**
 * Encrypts a plain database or changes its passphrase, in place. Rekeying rewrites every page, so
 * the write-ahead log is folded in and switched off first (and back on after), leaving no page
 * of the old form behind in a -wal file.
 */
export function rekey(db: Database, passphrase: string): void {
  const mode = String(db.pragma('journal_mode', { simple: true }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    selectCipher(db);
    db.rekey(Buffer.from(passphrase, 'utf8'));
  } finally {
    if (mode.toLowerCase() === 'wal') db.pragma('journal_mode = WAL');
  }
}
