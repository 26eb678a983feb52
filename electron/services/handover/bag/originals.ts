/**
 * Reading the catalogue's stored originals for a package: the one place packaging opens them. An
 * encrypted catalogue keeps them sealed; the package holds each as it was imported (its
 * plaintext, the bytes its SHA-256 documents), opened here through the catalogue's `OriginalFiles`.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { OriginalFiles } from '../../../data/originals/originalFiles';
import { sealedSizeOf } from '../../../data/originals/sealedFormat';

/** Originals up to this size are read whole (several ahead of their turn); bigger ones are streamed. */
export const READ_WHOLE_BYTES = 16 * 1024 * 1024;

/** Chunk of a streamed original. */
export const STREAM_CHUNK = 4 * 1024 * 1024;

/**
 * An original's bytes: read whole (`release` gives the memory back once they are written), or a
 * stream of a known total.
 */
export type OriginalBytes = { size: number; whole: Buffer; release: () => void } | { size: number; whole: null; open: () => Readable };

const SMALLEST_BUFFER = 64 * 1024;
/** Memory kept for reuse, at most. */
const POOLED_BYTES = 64 * 1024 * 1024;

/**
 * Buffers originals are read into, used again once written. A fresh buffer for each of a batch's
 * 10,000 originals lives outside the JavaScript heap, and every 64 MB of such memory made the
 * collector run a full collection of the heap (which, while the forms are rendered, is large).
 */
export class BufferPool {
  private readonly free = new Map<number, Buffer[]>();
  private pooled = 0;

  /** A buffer of at least `size` bytes (its capacity is the next power of two). */
  take(size: number): Buffer {
    const capacity = Math.max(SMALLEST_BUFFER, 2 ** Math.ceil(Math.log2(Math.max(size, 1))));
    const reused = this.free.get(capacity)?.pop();
    if (reused) {
      this.pooled -= capacity;
      return reused;
    }
    return Buffer.allocUnsafeSlow(capacity);
  }

  /** Gives back a buffer from `take`, no longer used by anyone. */
  give(buffer: Buffer): void {
    if (this.pooled + buffer.length > POOLED_BYTES) return;
    const list = this.free.get(buffer.length) ?? [];
    list.push(buffer);
    this.free.set(buffer.length, list);
    this.pooled += buffer.length;
  }
}

/** Reads `size` bytes of `fd` into `into` from its start; calls back with the bytes read (fewer if the file is shorter). */
function readInto(fd: number, into: Buffer, size: number, done: (err: Error | null, read: number) => void, read = 0): void {
  if (read >= size) return done(null, read);
  fs.read(fd, into, read, size - read, read, (err, n) => {
    if (err) return done(err, read);
    if (n === 0) return done(null, read);
    readInto(fd, into, size, done, read + n);
  });
}

/** The bytes read into `buffer` as the original they hold: opened with the catalogue's key when sealed. */
function settleRead(files: OriginalFiles, pool: BufferPool, buffer: Buffer, read: number): OriginalBytes {
  // A file cut short while being read keeps what it held: its SHA-256 tells.
  const raw = buffer.subarray(0, read);
  let plain: Buffer;
  try {
    plain = files.opened(raw);
  } catch (err) {
    pool.give(buffer);
    throw err;
  }
  if (plain === raw) return { size: read, whole: raw, release: () => pool.give(buffer) };
  // Opened into a buffer of its own: the sealed bytes are done with.
  pool.give(buffer);
  return { size: plain.length, whole: plain, release: () => undefined };
}

/** Closes a file only read: nothing to flush, so at once, here (one trip to the thread pool less per original). */
function closeRead(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Nothing was written through it: a failing close loses nothing.
  }
}

/**
 * The plaintext of the stored original at `file` (a path in the originals folder), as `files`
 * opens it. Read through plain callbacks rather than `fs.promises`' file handles: for thousands of
 * small files their bookkeeping cost more than the reading. `expected` is the plaintext's size the
 * catalogue records: a file of that size (or of its sealed form's) is read in one call, with no
 * `fstat` before it; any other is read by its own size. A sealed original that does not open
 * rejects with `SealedFileError`.
 */
export function readOriginal(file: string, files: OriginalFiles, pool: BufferPool, expected?: number): Promise<OriginalBytes> {
  return new Promise((resolve, reject) => {
    fs.open(file, 'r', (openErr, fd) => {
      if (openErr) return reject(openErr);
      const guess = expected !== undefined && expected <= READ_WHOLE_BYTES ? [expected, sealedSizeOf(expected)] : null;
      if (!guess) return readBySize(fd);
      // One byte more than the larger size it may have: a read that fills the buffer found a bigger file.
      const buffer = pool.take(guess[1]! + 1);
      fs.read(fd, buffer, 0, guess[1]! + 1, 0, (readErr, read) => {
        if (readErr) {
          pool.give(buffer);
          closeRead(fd);
          return reject(readErr);
        }
        if (!guess.includes(read)) {
          // Not the size recorded (changed, or a short read): read it by its own size.
          pool.give(buffer);
          return readBySize(fd);
        }
        closeRead(fd);
        try {
          resolve(settleRead(files, pool, buffer, read));
        } catch (err) {
          reject(err);
        }
      });
    });

    function readBySize(fd: number): void {
      fs.fstat(fd, (statErr, stat) => {
        if (statErr) return fs.close(fd, () => reject(statErr));
        const stored = stat.size;
        if (stored > READ_WHOLE_BYTES) {
          return fs.close(fd, () => {
            try {
              resolve({ size: files.plainSize(file), whole: null, open: () => files.stream(file) });
            } catch (err) {
              reject(err);
            }
          });
        }
        const buffer = pool.take(stored);
        readInto(fd, buffer, stored, (readErr, read) => {
          fs.close(fd, () => {
            if (readErr) {
              pool.give(buffer);
              return reject(readErr);
            }
            try {
              resolve(settleRead(files, pool, buffer, read));
            } catch (err) {
              reject(err);
            }
          });
        });
      });
    }
  });
}
