import fs from 'node:fs';
import path from 'node:path';
import { fsyncFile, fsyncFileAsync, fsyncFolder, fsyncFolderAsync, viaCallback, writeFlushedAsync } from '../../data/fsync';
import { makeDirs } from '../../data/makeDirs';
import { OriginalFiles } from '../../data/originals/originalFiles';

/**
 * Managed originals: each file is stored once under its SHA-256 (`ab/abcd….ext`), written to a
 * temporary name and renamed, so a crash never leaves a half-written original under its final name.
 * In an encrypted catalogue the file is written sealed with the catalogue's originals key
 * (`key`, see `OriginalFiles`); its name and its documented SHA-256 stay the plaintext's.
 * `storeOriginal` flushes at once; a bulk import writes a batch (`writeOriginalAsync`) and flushes
 * it (`flushOriginalsAsync`) before committing the documents that refer to it.
 */
export function storeOriginal(originalsDir: string, sha256: string, extension: string, bytes: Uint8Array, key: Uint8Array | null): string {
  const stored = writeOriginal(originalsDir, sha256, extension, bytes, key);
  flushOriginals(originalsDir, [stored]);
  return stored;
}

function filesFor(key: Uint8Array | null): OriginalFiles {
  return new OriginalFiles(key ? Buffer.from(key.buffer, key.byteOffset, key.byteLength) : null);
}

function relativePathOf(sha256: string, extension: string): string {
  const ext = /^\.[a-z0-9]{1,10}$/i.test(extension) ? extension.toLowerCase() : '';
  return path.join(sha256.slice(0, 2), `${sha256}${ext}`);
}

/** Writes an original (not yet flushed to disk) and returns its path relative to `originalsDir`. */
export function writeOriginal(originalsDir: string, sha256: string, extension: string, bytes: Uint8Array, key: Uint8Array | null): string {
  const files = filesFor(key);
  const relative = relativePathOf(sha256, extension);
  const target = path.join(originalsDir, relative);
  // Left by an earlier import that did not commit (a crash): reuse it only if it is intact and
  // stored as this catalogue stores originals (sealed when it has a key).
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && existing.size === files.storedSize(bytes.byteLength) && files.holdsIntactSync(target, sha256)) return relative;
  // Reader threads of one process write originals at once: the pid alone does not tell them apart.
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const stored = files.storedForm(bytes);
  try {
    fs.writeFileSync(temp, stored);
  } catch (err) {
    // The `ab/` folder does not exist yet (first original with that prefix): make it and retry.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    makeDirs(path.dirname(target));
    fs.writeFileSync(temp, stored);
  }
  fs.renameSync(temp, target);
  return relative;
}

/** Where and under which name an original is to be stored, and the key it is sealed with (null: stored as it is). */
export interface OriginalToStore {
  dir: string;
  sha256: string;
  extension: string;
  key: Uint8Array | null;
}

/**
 * `writeOriginal` on the thread pool, so that the thread calling it keeps working meanwhile (a
 * bulk import's main thread, while its reader thread parses the next files: creating a file waits
 * on the file system's journal, which the import's own flushes keep busy). Unlike it, the file is
 * flushed before it takes its name, through the handle that wrote it: only its folder is left to
 * flush before a record names it (`flushFoldersAsync`).
 */
export async function writeOriginalAsync(originalsDir: string, sha256: string, extension: string, bytes: Uint8Array, key: Uint8Array | null): Promise<string> {
  const files = filesFor(key);
  const relative = relativePathOf(sha256, extension);
  const target = path.join(originalsDir, relative);
  // A synchronous stat that answers `undefined` for a missing file: the usual case, and an
  // asynchronous one would build and throw an error object for every new original.
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && existing.size === files.storedSize(bytes.byteLength) && (await files.hasSha256(target, sha256))) {
    // Left by a run that never committed it: nothing says it reached the disk.
    await fsyncFileAsync(target);
    return relative;
  }
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const stored = files.storedForm(bytes);
  try {
    await writeFlushedAsync(temp, stored);
  } catch (err) {
    // The `ab/` folder does not exist yet (first original with that prefix): make it and retry.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await makePrefixFolder(path.dirname(target));
    await writeFlushedAsync(temp, stored);
  }
  await viaCallback((done) => fs.rename(temp, target, done));
  return relative;
}

/**
 * Makes an original's `ab/` folder (the first original with that prefix) on the thread pool:
 * creating a folder waits on the file system's journal, which the import's own flushes keep busy.
 * The originals folder is flushed after, so that the new folder's entry, and the files it will
 * hold, survive a power cut. Where the originals folder itself is missing, the whole path is made.
 */
async function makePrefixFolder(folder: string): Promise<void> {
  try {
    await viaCallback((done) => fs.mkdir(folder, done));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST: another writer made it meanwhile (its entry is flushed below all the same).
    if (code === 'ENOENT') makeDirs(folder);
    else if (code !== 'EEXIST') throw err;
  }
  await fsyncFolderAsync(path.dirname(folder));
}

/**
 * Forces written originals to disk, with the folder entries their renames made (POSIX; Windows
 * cannot open a folder to flush it), so that a document committed after this never lacks its file.
 */
export function flushOriginals(originalsDir: string, relativePaths: readonly string[]): void {
  const folders = new Set<string>();
  for (const relative of relativePaths) {
    const file = path.join(originalsDir, relative);
    fsyncFile(file);
    folders.add(path.dirname(file));
  }
  for (const folder of folders) fsyncFolder(folder);
}

/**
 * `flushOriginals` without blocking the thread (on the thread pool, several at once, which the
 * file system groups into few journal commits).
 */
export async function flushOriginalsAsync(originalsDir: string, relativePaths: readonly string[]): Promise<void> {
  if (relativePaths.length === 0) return;
  const files = relativePaths.map((r) => path.join(originalsDir, r));
  await Promise.all(files.map(fsyncFileAsync));
  await flushFolders(files);
}

function flushFolders(files: readonly string[]): Promise<unknown> {
  return Promise.all([...new Set(files.map((f) => path.dirname(f)))].map(fsyncFolderAsync));
}

/**
 * Flushes the folders of originals `writeOriginalAsync` wrote (each flushed already), so that the
 * names their renames gave them survive a power cut: a bulk import flushes one batch's folders
 * while it reads the next batch's files.
 */
export async function flushFoldersAsync(originalsDir: string, relativePaths: readonly string[]): Promise<void> {
  await flushFolders(relativePaths.map((r) => path.join(originalsDir, r)));
}

/**
 * A temporary original: `<sha256><ext>.<pid>.tmp` or `<sha256><ext>.<pid>.<random>.tmp` (the
 * importer), `<sha256><ext>.<pid>.receiving` (a handover package being received).
 */
const TEMPORARY = /^[0-9a-f]{64}(?:\.[a-z0-9]{1,10})?\.(\d+)(?:\.[a-z0-9]+)?\.(?:tmp|receiving)$/;
/**
 * A received package's full texts staged beside the prefix folders (`.tiep-nhan-<uuid>.jsonl`) are
 * written under `<name>.<pid>.receiving` first: a receive killed while writing them leaves that.
 */
const TEMPORARY_STAGED = /^\.[a-z-]+-[0-9a-f-]{36}\.jsonl\.(\d+)\.receiving$/;

/**
 * Removes the temporary originals that processes killed before they could rename them left
 * behind (a crash between writing and renaming). Only files of processes `isDead` says are gone
 * are touched: a live import's temporary files are its own. They are never catalogued (a record is
 * committed only after its original is renamed and flushed), so nothing refers to them.
 */
export function sweepTemporaryOriginals(originalsDir: string, isDead: (pid: number) => boolean): number {
  let removed = 0;
  let top: string[];
  try {
    top = fs.readdirSync(originalsDir);
  } catch {
    return 0;
  }
  const remove = (file: string) => {
    try {
      fs.rmSync(file, { force: true });
      removed++;
    } catch {
      // Left for the next sweep; it is never read.
    }
  };
  for (const name of top) {
    const m = TEMPORARY_STAGED.exec(name);
    if (m && isDead(Number(m[1]))) remove(path.join(originalsDir, name));
  }
  const prefixes = top.filter((n) => /^[0-9a-f]{2}$/.test(n));
  for (const prefix of prefixes) {
    const folder = path.join(originalsDir, prefix);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMPORARY.exec(name);
      if (m && isDead(Number(m[1]))) remove(path.join(folder, name));
    }
  }
  return removed;
}

const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
};

export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
