import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { applyKey, lockedError, proveReadable, rekey } from './cipher';
import { fsyncPath } from './fsync';
import { makeDirs } from './makeDirs';

/**
 * Consistent copies of a catalogue, made while it stays open (VACUUM INTO reads one snapshot of
 * the database, write-ahead log included). VACUUM INTO keeps the source's cipher and key, so the
 * copy of an encrypted catalogue is encrypted with the same passphrase (SQLite3 Multiple Ciphers;
 * the online backup API refuses an encrypted source, which is why it is not used).
 */

/**
 * Writes a consistent copy of `db` to `target`: into a temporary name, flushed to disk, then
 * renamed, so `target` is either absent or complete.
 */
export function snapshotInto(db: Database, target: string): void {
  makeDirs(path.dirname(target));
  const temp = `${target}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  db.prepare('VACUUM INTO ?').run(temp);
  fsyncPath(temp);
  fs.renameSync(temp, target);
  fsyncPath(path.dirname(target));
}

/** Opens a copy read-only, with the passphrase it was made under (if any). Throws 'locked' when it will not open. */
export function openSnapshot(file: string, passphrase: string | null): Database {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    if (passphrase !== null) applyKey(db, passphrase);
    proveReadable(db);
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw lockedError(passphrase !== null);
    throw err;
  }
}

/** SHA-256 of a file, streamed (originals and backups may be large). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  // Most originals are a few kilobytes: one read beats a stream's per-file buffers.
  if ((await fs.promises.stat(file)).size <= 4 * 1024 * 1024) return hash.update(await fs.promises.readFile(file)).digest('hex');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The same, for the few places that must stay synchronous (at open, before a migration). */
export function sha256FileSync(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Re-encrypts a copy (a backup's catalogue) under a new passphrase: on a temporary duplicate,
 * flushed, then renamed over the original, so the copy is never left half re-encrypted. `settings`
 * are written into the copy on the way (the originals' data key, which a copy made before the
 * catalogue was encrypted lacks).
 */
export function rekeyCopy(file: string, currentKey: string | null, nextKey: string, settings: Record<string, string> = {}): void {
  rewriteCopy(file, currentKey, '.rekey.tmp', (db) => {
    rekey(db, nextKey);
    putSettings(db, settings);
  });
}

/** Writes settings into an encrypted copy (same passphrase), atomically as `rekeyCopy` does. */
export function putSettingsInCopy(file: string, key: string, settings: Record<string, string>): void {
  rewriteCopy(file, key, '.settings.tmp', (db) => putSettings(db, settings));
}

/** A setting's value in a copy (null when absent or the copy cannot be opened). */
export function settingInCopy(file: string, key: string | null, name: string): string | null {
  try {
    const db = openSnapshot(file, key);
    try {
      return (db.prepare('SELECT value FROM settings WHERE key = ?').get(name) as { value: string } | undefined)?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function putSettings(db: Database, settings: Record<string, string>): void {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(settings)) put.run(k, v);
}

function rewriteCopy(file: string, currentKey: string | null, suffix: string, change: (db: Database) => void): void {
  const temp = `${file}.${process.pid}${suffix}`;
  fs.copyFileSync(file, temp);
  try {
    const db = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      if (currentKey !== null) applyKey(db, currentKey);
      proveReadable(db);
      change(db);
    } finally {
      db.close();
    }
    fsyncPath(temp);
    fs.renameSync(temp, file);
    fsyncPath(path.dirname(file));
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw lockedError(currentKey !== null);
    throw err;
  }
}
