/**
 * Hashing a bag's files for its verification: the SHA-256 of each, all of them at once rather
 * than one stream after another. A folder's files are read several at a time, each in one read
 * of its listed size (a regular file, never through a symlink); a zip's are read in the order
 * they lie in it (`zipReading.ts`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { BufferPool } from './originals';

export interface HashOptions {
  onBytes?: (n: number) => void;
  onFile?: () => void;
  /** Throws to stop (a cancelled job); looked at before each file. */
  checkCancel?: () => void;
}

/** SHA-256 of a stream, read to the end. */
export async function hashStream(stream: AsyncIterable<Buffer>, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) {
    hash.update(chunk);
    onBytes?.(chunk.length);
  }
  return hash.digest('hex');
}

/** Files of a folder bag read at once: the disk and the page cache serve them while others are hashed. */
const FILES_AT_ONCE = 8;
/** A file up to this size is read in one call; a bigger one in chunks of this size. */
const READ_BYTES = 8 * 1024 * 1024;

/** Opened for reading only, never through a symbolic link (one put in place after the bag was listed). */
const READ_NO_FOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

export interface FolderFile {
  key: string;
  file: string;
  /** Its size when the bag was listed. */
  size: number;
}

/**
 * SHA-256 of the file at `file`, read to its end: a file of the listed size in one read (a buffer
 * one byte larger, so that a read filling it finds a file that grew), any other read on.
 */
function hashFile(file: string, listed: number, pool: BufferPool, onBytes?: (n: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    fs.open(file, READ_NO_FOLLOW, (openErr, fd) => {
      if (openErr) return reject(openErr);
      const buffer = pool.take(Math.min(listed + 1, READ_BYTES));
      const hash = createHash('sha256');
      const end = (err: Error | null) => {
        pool.give(buffer);
        fs.close(fd, () => (err ? reject(err) : resolve(hash.digest('hex'))));
      };
      const step = (position: number) => {
        fs.read(fd, buffer, 0, buffer.length, position, (readErr, n) => {
          if (readErr) return end(readErr);
          if (n > 0) {
            hash.update(buffer.subarray(0, n));
            onBytes?.(n);
          }
          // A read short of the buffer past the listed size is the end; a shorter file reads on to a 0.
          if (n === 0 || (n < buffer.length && position + n >= listed)) return end(null);
          step(position + n);
        });
      };
      step(0);
    });
  });
}

/** SHA-256 of each file (null for one that cannot be read), several read at once. */
export async function hashFolderFiles(files: FolderFile[], opts: HashOptions = {}): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const pool = new BufferPool();
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      opts.checkCancel?.();
      const f = files[next++]!;
      out.set(f.key, await hashFile(f.file, f.size, pool, opts.onBytes).catch(() => null));
      opts.onFile?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, files.length) }, reader));
  return out;
}
