import fs from 'node:fs';

/**
 * Flushing files and folders to the disk, so that what is reported saved survives a power cut: a
 * file is written under a temporary name, flushed, renamed, and its folder flushed. No SQLite here:
 * the import's worker threads use these too.
 */

/** fsyncs a file or, where the platform allows it, a directory (so a rename inside it is durable). */
export function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * fsyncs a file that must reach the disk; failing to is an error (its bytes may be lost). `r+`
 * because Windows flushes only handles open for writing.
 */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Node's callback form of an fs call as a promise: for a small file the promise-based calls (a `FileHandle` each) cost several times their CPU. */
export function viaCallback<T = void>(call: (done: (err: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => call((err, value) => (err ? reject(err) : resolve(value as T))));
}

/** Writes all of `bytes` to `fd` (a write may take fewer than it is given), on the thread pool. */
async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; ) at += await viaCallback<number>((done) => fs.write(fd, bytes, at, bytes.byteLength - at, null, done));
}

/**
 * Creates (or truncates) `file`, writes `bytes` and fsyncs it through the handle that wrote them,
 * on the thread pool; its folder is the caller's to flush. An error from opening it (ENOENT: no
 * such folder) is thrown before anything is written.
 */
export async function writeFlushedAsync(file: string, bytes: Uint8Array): Promise<void> {
  const fd = await viaCallback<number>((done) => fs.open(file, 'w', done));
  try {
    await writeAll(fd, bytes);
    await viaCallback((done) => fs.fsync(fd, done));
  } finally {
    await viaCallback((done) => fs.close(fd, done));
  }
}

/** Opens `p` with `flags`, fsyncs it and closes it, on the thread pool. */
async function openSyncClose(p: string, flags: string): Promise<void> {
  const fd = await viaCallback<number>((done) => fs.open(p, flags, done));
  try {
    await viaCallback((done) => fs.fsync(fd, done));
  } finally {
    await viaCallback((done) => fs.close(fd, done));
  }
}

/** `fsyncFile` on the thread pool: bulk work flushes many files at once without blocking. */
export function fsyncFileAsync(file: string): Promise<void> {
  return openSyncClose(file, 'r+');
}

/**
 * fsyncs a folder so the renames made in it are durable (POSIX; Windows cannot open a folder to
 * flush it, and its renames are durable without).
 */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `fsyncFolder` on the thread pool. */
export async function fsyncFolderAsync(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  await openSyncClose(folder, 'r');
}
