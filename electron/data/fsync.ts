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

/** `fsyncFile` on the thread pool: bulk work flushes many files at once without blocking. */
export async function fsyncFileAsync(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
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
  const handle = await fs.promises.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
