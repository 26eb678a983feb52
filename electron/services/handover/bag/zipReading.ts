/**
 * Reading a package zip in few, large reads. yauzl parses the central directory and checks every
 * name, but reads through its own file slicer 16 KB at a time, two small reads per directory
 * entry and three per entry opened: a 10,000-original package took about 118,000 reads, each a
 * trip to the thread pool, and verifying it took longer than packaging it. Here yauzl's small
 * reads are served from a block read once (`ZipFileReader`), the entries it opens are streamed
 * in megabyte chunks, and the stored entries a verification hashes are read in the order they lie
 * in the file, in blocks of several megabytes, a block read ahead while the one before is hashed
 * (`hashStoredEntries`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { HashOptions } from './bagHashing';

/** Block that yauzl's small reads (directory entries, local headers) are served from. */
const SMALL_READ_BLOCK = 1024 * 1024;
/** Chunk of an entry streamed on its own (`open`). */
const STREAM_CHUNK = 1024 * 1024;
/** Block of the zip read at once while its stored entries are hashed in order. */
const SCAN_BLOCK = 8 * 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;

function readAt(fd: number, into: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => {
    fs.read(fd, into, 0, length, position, (err, n) => (err ? reject(err) : resolve(n)));
  });
}

/**
 * Bytes `start` to `end` of the open file `fd`, in megabyte reads. Not an `fs.ReadStream`: destroying
 * one (as yauzl does with each entry's stream) closes its descriptor, which the zip still needs.
 */
class RangeStream extends Readable {
  constructor(
    private readonly fd: number,
    private at: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: STREAM_CHUNK });
  }

  override _read(): void {
    const length = Math.min(STREAM_CHUNK, this.end - this.at);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    fs.read(this.fd, buffer, 0, length, this.at, (err, n) => {
      if (err) return this.destroy(err);
      if (n === 0) return this.push(null);
      this.at += n;
      this.push(n === length ? buffer : buffer.subarray(0, n));
    });
  }
}

/**
 * yauzl's view of the zip file: its reads (of a few dozen bytes each) come from one cached block,
 * read again only when a read falls outside it; its entry streams read megabyte chunks.
 */
export class ZipFileReader extends yauzl.RandomAccessReader {
  private blockStart = 0;
  private block: Buffer = Buffer.alloc(0);

  constructor(
    readonly fd: number,
    readonly size: number,
  ) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    const served = () => {
      const from = position - this.blockStart;
      const n = Math.max(0, Math.min(length, this.block.length - from));
      this.block.copy(buffer, offset, from, from + n);
      return n;
    };
    if (position >= this.blockStart && position + length <= this.blockStart + this.block.length) {
      const n = served();
      process.nextTick(callback, null, n);
      return;
    }
    const block = Buffer.allocUnsafe(Math.max(length, SMALL_READ_BLOCK));
    readAt(this.fd, block, Math.min(block.length, Math.max(0, this.size - position)), position).then(
      (n) => {
        this.blockStart = position;
        this.block = block.subarray(0, n);
        callback(null, served());
      },
      (err: Error) => callback(err),
    );
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  /**
   * yauzl calls this each time no stream of it is open (its reference count falls to zero), not only
   * at the end: the file stays open until `dispose`.
   */
  override close(callback: (err: Error | null) => void): void {
    setImmediate(callback, null);
  }

  /** Closes the file (once the zip is closed). */
  dispose(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // Only read through: nothing to lose.
    }
  }
}

/** The zip at `file` opened through a `ZipFileReader` (yauzl's options as given); close the zip, then dispose of the reader. */
export async function openZipFile(file: string, options: yauzl.Options): Promise<{ zip: yauzl.ZipFile; reader: ZipFileReader }> {
  const fd = await new Promise<number>((resolve, reject) => fs.open(file, 'r', (err, n) => (err ? reject(err) : resolve(n))));
  try {
    const { size } = await new Promise<fs.Stats>((resolve, reject) => fs.fstat(fd, (err, st) => (err ? reject(err) : resolve(st))));
    const reader = new ZipFileReader(fd, size);
    return { zip: await yauzl.fromRandomAccessReaderPromise(reader, size, options), reader };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** A stored entry to hash: where its local header is, and its size (stored: packed = unpacked). */
export interface StoredEntry {
  key: string;
  offset: number;
  size: number;
}

/** Blocks of the file read one after another, the next read ahead while the current one is used. */
class BlockScanner {
  private start = 0;
  private data: Buffer = Buffer.alloc(0);
  private ahead: { start: number; read: Promise<Buffer> } | null = null;
  private spare: Buffer[] = [];

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  private async readBlock(at: number): Promise<Buffer> {
    const buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(SCAN_BLOCK);
    try {
      const n = await readAt(this.fd, buffer, Math.min(SCAN_BLOCK, Math.max(0, this.size - at)), at);
      return buffer.subarray(0, n);
    } catch (err) {
      this.spare.push(buffer);
      throw err;
    }
  }

  private release(block: Buffer): void {
    if (block.buffer.byteLength === SCAN_BLOCK && this.spare.length < 2) this.spare.push(Buffer.from(block.buffer, block.byteOffset, SCAN_BLOCK));
  }

  /**
   * Bytes from `at`, as many as the block holding it has (at most `max`); empty past the end of the
   * file. Valid until the next call.
   */
  async bytesAt(at: number, max: number): Promise<Buffer> {
    if (at < this.start || at >= this.start + this.data.length) await this.load(at);
    const from = at - this.start;
    return this.data.subarray(from, Math.min(this.data.length, from + max));
  }

  /** Exactly `length` bytes from `at` (copied when they span two blocks), or fewer at the end of the file. */
  async exact(at: number, length: number): Promise<Buffer> {
    const first = await this.bytesAt(at, length);
    if (first.length === length || first.length === 0) return first;
    const parts = [Buffer.from(first)];
    let have = first.length;
    while (have < length) {
      const more = await this.bytesAt(at + have, length - have);
      if (more.length === 0) break;
      parts.push(Buffer.from(more));
      have += more.length;
    }
    return Buffer.concat(parts);
  }

  private async load(at: number): Promise<void> {
    this.release(this.data);
    this.data = Buffer.alloc(0);
    let next: Buffer | null = null;
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead) {
      const block = await ahead.read.catch(() => null);
      if (block && at >= ahead.start && at < ahead.start + block.length) {
        next = block;
        this.start = ahead.start;
      } else if (block) this.release(block);
    }
    if (!next) {
      next = await this.readBlock(at);
      this.start = at;
    }
    this.data = next;
    const following = this.start + next.length;
    if (next.length > 0 && following < this.size) {
      const read = this.readBlock(following);
      read.catch(() => undefined);
      this.ahead = { start: following, read };
    }
  }

  async done(): Promise<void> {
    await this.ahead?.read.catch(() => undefined);
    this.ahead = null;
  }
}

/**
 * SHA-256 of each stored entry, read in the order the entries lie in the zip at `fd` (of `size`
 * bytes). An entry whose local header is not one, or whose bytes run past the end of the file, or
 * that cannot be read, gets null; the others are hashed all the same.
 */
export async function hashStoredEntries(fd: number, size: number, entries: StoredEntry[], opts: HashOptions = {}): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const scanner = new BlockScanner(fd, size);
  try {
    for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
      opts.checkCancel?.();
      try {
        const header = await scanner.exact(e.offset, LOCAL_HEADER_BYTES);
        if (header.length < LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error('no local header');
        const start = e.offset + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
        const end = start + e.size;
        if (end > size) throw new Error('entry runs past the end of the zip');
        const hash = createHash('sha256');
        for (let at = start; at < end; ) {
          const chunk = await scanner.bytesAt(at, end - at);
          if (chunk.length === 0) throw new Error('zip cut short');
          hash.update(chunk);
          opts.onBytes?.(chunk.length);
          at += chunk.length;
        }
        out.set(e.key, hash.digest('hex'));
      } catch {
        out.set(e.key, null);
      }
      opts.onFile?.();
    }
  } finally {
    await scanner.done();
  }
  return out;
}
