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

/**
 * Up to this many bytes are written from the calling thread: copying them into the page cache
 * takes a few microseconds, less than handing the write to the thread pool and taking its callback
 * back (a bulk import writes thousands of originals of a few kilobytes). Larger ones go to the pool.
 */
const WRITE_HERE_MAX_BYTES = 256 * 1024;

/** Writes all of `bytes` to `fd` (a write may take fewer than it is given). */
async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength <= WRITE_HERE_MAX_BYTES) {
    for (let at = 0; at < bytes.byteLength; ) at += fs.writeSync(fd, bytes, at, bytes.byteLength - at);
    return;
  }
  for (let at = 0; at < bytes.byteLength; ) at += await viaCallback<number>((done) => fs.write(fd, bytes, at, bytes.byteLength - at, null, done));
}

/**
 * Creates (or truncates) `file`, writes `bytes` and fsyncs it through the handle that wrote them;
 * its folder is the caller's to flush. What may wait on the disk or the file system's journal
 * (creating the file, a large write, the fsync) runs on the thread pool; closing the handle does
 * not wait and is done here. An error from opening it (ENOENT: no such folder) is thrown before
 * anything is written.
 */
export async function writeFlushedAsync(file: string, bytes: Uint8Array): Promise<void> {
  const fd = await viaCallback<number>((done) => fs.open(file, 'w', done));
  try {
    await writeAll(fd, bytes);
    await viaCallback((done) => fs.fsync(fd, done));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens `p` with `flags`, fsyncs it on the thread pool and closes it. Opening an existing file or
 * folder creates nothing and closing it does not wait, so both are done here: only the fsync
 * waits on the disk.
 */
async function openSyncClose(p: string, flags: string): Promise<void> {
  const fd = fs.openSync(p, flags);
  try {
    await viaCallback((done) => fs.fsync(fd, done));
  } finally {
    fs.closeSync(fd);
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
