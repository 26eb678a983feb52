/**
 * Writes a bag as a folder or as one zip, file by file. Each file is hashed once on its way
 * through (SHA-256 for the manifest, and for a zip its CRC-32, over the same bytes in the same
 * pass); nothing is held but the files read ahead and the writes in flight, so a batch of 10,000
 * originals costs little more memory than one. Everything is written under a temporary name and
 * moved into place only when complete and flushed; an abandoned bag is removed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { unsafeBagPath } from '../../../../shared/handover/bagPaths';
import { processRunning } from '../../safety/processes';
import { fsyncFolderAsync } from '../../../data/fsync';
import { makeDirs } from '../../../data/makeDirs';
import type { OriginalBytes } from './originals';
import { ZipFileWriter } from './zipFile';

export const CHUNK = 1024 * 1024;

/** Chunk in which a file written apart is copied into a zip. */
const COPY_CHUNK = 8 * 1024 * 1024;
/**
 * Buffers a file written apart is copied through, each used again once written: one being read,
 * one gathered and at most two being written (`ZipFileWriter`'s writes in flight).
 */
const COPY_BUFFERS = 4;

/**
 * A few buffers a file is read through chunk by chunk, each taken again once its bytes are written.
 * A fresh 8 MB buffer per chunk (a stream's own) made the third of a gigabyte of full texts cost
 * five full collections of the calling thread's heap per 64 MB copied (each allocation outside
 * the heap counts towards the next one).
 */
class ChunkRing {
  private readonly free: Buffer[] = [];
  private waiting: (() => void) | null = null;
  private made = 0;

  constructor(
    private readonly count: number,
    private readonly chunk: number,
  ) {}

  private async take(): Promise<Buffer> {
    for (;;) {
      const buffer = this.free.pop();
      if (buffer) return buffer;
      if (this.made < this.count) {
        this.made++;
        return Buffer.allocUnsafeSlow(this.chunk);
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Gives back the buffer a chunk from `chunksOf` lies in, its bytes written. */
  give(chunk: Buffer): void {
    this.free.push(Buffer.from(chunk.buffer, 0, this.chunk));
    const wake = this.waiting;
    this.waiting = null;
    wake?.();
  }

  /** The file's bytes, a chunk at a time, each in a buffer of the ring (given back by the caller). */
  async *chunksOf(file: string): AsyncGenerator<Buffer> {
    const handle = await fs.promises.open(file, 'r');
    try {
      for (;;) {
        const buffer = await this.take();
        const { bytesRead } = await handle.read(buffer, 0, this.chunk, null);
        if (bytesRead === 0) {
          this.give(buffer);
          return;
        }
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }
}

/** Passes bytes through unchanged, computing their SHA-256 and counting them. */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export interface Written {
  sha256: string;
  size: number;
}

/** A file written by another thread: its SHA-256, size and CRC-32. */
export interface WrittenApart extends Written {
  crc: number;
}

/**
 * Where a bag is written, in the order of the calls. Each resolves once its bytes are hashed and
 * queued (the writes go on behind it), and `finish` waits for every write, flushes the bag to the
 * disk and moves it into place. Calls are made one at a time, except that originals read whole
 * may be added while earlier ones are still being hashed (each is queued when called), and, where
 * `streamsAlongside`, while a stream is being written.
 */
export interface BagSink {
  /** The final path (folder or .zip). */
  readonly target: string;
  /** A stream (`addStream`) may go on while other files are added: each file is written apart (a folder). */
  readonly streamsAlongside: boolean;
  /** An original, read by `readOriginal`; `onBytes` counts its bytes as they are hashed. */
  addOriginal(bagPath: string, bytes: OriginalBytes, onBytes?: (n: number) => void): Promise<Written>;
  /** A file made as it is written (the full texts). */
  addStream(bagPath: string, chunks: AsyncIterable<Buffer>): Promise<Written>;
  addBuffer(bagPath: string, bytes: Buffer): Promise<Written>;
  /**
   * Where another thread writes the file `bagPath` (its own place in a folder, a temporary file
   * beside a zip), whether that thread flushes it, and whether it computes its CRC-32 (which a zip
   * checks it against when it copies it in). Written alongside everything else.
   */
  fileApart(bagPath: string): { file: string; flush: boolean; crc: boolean };
  /** Takes the file another thread wrote at `fileApart(bagPath)`, with the digests it computed. */
  addFileApart(bagPath: string, written: WrittenApart): Promise<Written>;
  /** Completes the bag, flushes it and moves it into place. */
  finish(): Promise<void>;
  /** Removes everything written so far. */
  abort(): Promise<void>;
}

function checkPath(bagPath: string): void {
  const reason = unsafeBagPath(bagPath);
  if (reason) throw new Error(`Refusing unsafe bag path ${bagPath}: ${reason}`);
}

/**
 * The SHA-256 of `bytes`, here, with `createHash`. Not Web Crypto's `subtle.digest`: on Node 20 it
 * hashes on the calling thread too (inside the call, before its promise), after copying its input,
 * and cost two and a half times as much CPU (300 MB in 100 KB buffers: 0.46 s against 0.18 s).
 */
function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function partialName(target: string): string {
  return `${target}.partial-${process.pid}`;
}

/**
 * Removes what packaging runs killed midway (SIGKILL, power cut: no `abort` ran) left beside
 * `target`: `<target>.partial-<pid>` of processes that no longer run. Such a leftover never has
 * the target's name, so it cannot pass for a package; it is only litter, cleared by the next run.
 */
export function removeStalePartials(target: string): string[] {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.partial-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    // `<pid>`, `<pid>-replaced` (a leftover being replaced when its run was killed), or
    // `<pid>-apart<n>` (a file another thread wrote for a zip).
    const m = /^(\d+)(?:-replaced|-apart\d+)?$/.exec(name.slice(prefix.length));
    if (!m || processRunning(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Refuses to finish onto a name that appeared while the bag was written (another program, another
 * run): an existing package is replaced only when the run was told it may be (a leftover).
 */
function checkStillFree(target: string, replaces: boolean): void {
  if (!replaces && fs.existsSync(target)) throw new Error(`Package target appeared while packaging: ${target}`);
}


/** Files of a folder bag being written and flushed at once. */
const FILES_IN_FLIGHT = 8;
/** Folders flushed at once when a folder bag is finished. */
const FLUSH_PARALLEL = 32;

/**
 * A bag as a folder on disk. Each file is flushed (`fdatasync`) through the handle that wrote it,
 * while the next ones are read and written: a folder's own flush makes its entries durable, not
 * its files' bytes (ext4 and XFS allocate blocks late; FAT on a USB stick is no better), so a
 * package said to be finished has had every file flushed, then every folder, then its name.
 */
export class FolderSink implements BagSink {
  private readonly root: string;
  /** Every folder made, flushed before the bag takes its name. */
  private readonly folders = new Set<string>();
  private readonly writing = new Set<Promise<void>>();
  private failure: Error | null = null;
  readonly streamsAlongside = true;

  constructor(
    readonly target: string,
    private readonly replaces = false,
  ) {
    removeStalePartials(target);
    this.root = partialName(target);
    fs.mkdirSync(this.root, { recursive: false });
    this.folders.add(this.root);
  }

  private destination(bagPath: string): string {
    checkPath(bagPath);
    if (this.failure) throw this.failure;
    const dest = path.join(this.root, ...bagPath.split('/'));
    const dir = path.dirname(dest);
    if (!this.folders.has(dir)) {
      makeDirs(dir);
      for (let d = dir; d.startsWith(this.root) && !this.folders.has(d); d = path.dirname(d)) this.folders.add(d);
    }
    return dest;
  }

  /** Writes and flushes `bytes` behind the caller, a few files at once; `written` once they are no longer needed. */
  private async behind(dest: string, bytes: Buffer, written?: () => void): Promise<void> {
    const work = writeBufferFlushed(dest, bytes)
      .catch((err: unknown) => {
        this.failure ??= err instanceof Error ? err : new Error(String(err));
      })
      .finally(written);
    this.writing.add(work);
    void work.finally(() => this.writing.delete(work));
    while (this.writing.size >= FILES_IN_FLIGHT) await Promise.race(this.writing);
    if (this.failure) throw this.failure;
  }

  async addOriginal(bagPath: string, bytes: OriginalBytes, onBytes?: (n: number) => void): Promise<Written> {
    const dest = this.destination(bagPath);
    if (bytes.whole) {
      const digest = sha256(bytes.whole);
      onBytes?.(bytes.whole.length);
      await this.behind(dest, bytes.whole, bytes.release);
      return { sha256: digest, size: bytes.whole.length };
    }
    const written = await this.streamTo(dest, bytes.open(), onBytes);
    if (written.size !== bytes.size) throw new Error(`${bagPath}: ${written.size} bytes read where ${bytes.size} were expected`);
    return written;
  }

  addStream(bagPath: string, chunks: AsyncIterable<Buffer>): Promise<Written> {
    return this.streamTo(this.destination(bagPath), chunks);
  }

  async addBuffer(bagPath: string, bytes: Buffer): Promise<Written> {
    await this.behind(this.destination(bagPath), bytes);
    return { sha256: sha256(bytes), size: bytes.length };
  }

  fileApart(bagPath: string): { file: string; flush: boolean; crc: boolean } {
    return { file: this.destination(bagPath), flush: true, crc: false };
  }

  async addFileApart(_bagPath: string, written: WrittenApart): Promise<Written> {
    return { sha256: written.sha256, size: written.size };
  }

  private async streamTo(dest: string, chunks: AsyncIterable<Buffer>, onBytes?: (n: number) => void): Promise<Written> {
    const hash = createHash('sha256');
    let size = 0;
    await writeFlushed(dest, async (handle) => {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        onBytes?.(chunk.length);
        await handle.writeFile(chunk);
      }
    });
    return { sha256: hash.digest('hex'), size };
  }

  async finish(): Promise<void> {
    await Promise.all(this.writing);
    if (this.failure) throw this.failure;
    // Every file is flushed; now the folders holding their names, then the bag's own name.
    const folders = [...this.folders];
    for (let i = 0; i < folders.length; i += FLUSH_PARALLEL) await Promise.all(folders.slice(i, i + FLUSH_PARALLEL).map(fsyncFolderAsync));
    checkStillFree(this.target, this.replaces);
    if (this.replaces && fs.existsSync(this.target)) {
      // A folder cannot be renamed onto another: move the leftover aside under a partial name
      // (swept by the next run if this one dies here), put the new bag in place, then drop it.
      const old = `${partialName(this.target)}-replaced`;
      await fs.promises.rename(this.target, old);
      await fs.promises.rename(this.root, this.target);
      await fsyncFolderAsync(path.dirname(this.target));
      await fs.promises.rm(old, { recursive: true, force: true });
      return;
    }
    await fs.promises.rename(this.root, this.target);
    await fsyncFolderAsync(path.dirname(this.target));
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.writing);
    await fs.promises.rm(this.root, { recursive: true, force: true });
  }
}

/**
 * Creates `dest` (never over an existing file), writes `bytes` into it and flushes them and its size
 * to the disk. Through plain callbacks rather than `fs.promises`' file handles: for a package's
 * thousands of originals, the handles' bookkeeping (and the collection of their objects) cost more
 * of the calling thread than the four calls themselves.
 */
function writeBufferFlushed(dest: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.open(dest, 'wx', (openErr, fd) => {
      if (openErr) return reject(openErr);
      const end = (err: Error | null) => fs.close(fd, (closeErr) => (err ?? closeErr ? reject(err ?? closeErr) : resolve()));
      const write = (at: number) => {
        if (at >= bytes.length) return fs.fdatasync(fd, end);
        fs.write(fd, bytes, at, bytes.length - at, null, (writeErr, n) => (writeErr ? end(writeErr) : write(at + n)));
      };
      write(0);
    });
  });
}

/** Creates `dest` (never over an existing file), lets `write` fill it, and flushes its bytes and size to the disk. */
async function writeFlushed(dest: string, write: (handle: fs.promises.FileHandle) => Promise<void>): Promise<void> {
  const handle = await fs.promises.open(dest, 'wx');
  try {
    await write(handle);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * A bag as one zip: entries under `<bag name>/`, originals stored without compression (they are
 * mostly compressed already, and the zip is written at disk speed), tag, catalogue and form files
 * deflated. The zip is flushed once, when complete, then its folder once it has its name.
 */
export class ZipSink implements BagSink {
  /** One zip, entry after entry. */
  readonly streamsAlongside = false;
  /** Files other threads write beside the zip, until they are copied in. */
  private readonly apart = new Map<string, string>();

  private constructor(
    readonly target: string,
    private readonly bagName: string,
    private readonly replaces: boolean,
    private readonly temp: string,
    private readonly zip: ZipFileWriter,
  ) {}

  static async create(target: string, bagName: string, replaces = false, options: { forceZip64?: boolean } = {}): Promise<ZipSink> {
    removeStalePartials(target);
    const temp = partialName(target);
    const zip = await ZipFileWriter.create(temp, { mtime: new Date(), forceZip64: options.forceZip64 });
    return new ZipSink(target, bagName, replaces, temp, zip);
  }

  private entry(bagPath: string): string {
    checkPath(bagPath);
    return `${this.bagName}/${bagPath}`;
  }

  async addOriginal(bagPath: string, bytes: OriginalBytes, onBytes?: (n: number) => void): Promise<Written> {
    const name = this.entry(bagPath);
    if (bytes.whole) {
      // Both digests over the bytes read, then queued with them.
      const digest = sha256(bytes.whole);
      await this.zip.addBuffer(name, bytes.whole, zlib.crc32(bytes.whole), false, bytes.release);
      onBytes?.(bytes.whole.length);
      return { sha256: digest, size: bytes.whole.length };
    }
    const hash = createHash('sha256');
    const { size } = await this.zip.addStream(name, bytes.open(), bytes.size, (chunk) => {
      hash.update(chunk);
      onBytes?.(chunk.length);
    });
    return { sha256: hash.digest('hex'), size };
  }

  async addStream(bagPath: string, chunks: AsyncIterable<Buffer>): Promise<Written> {
    const hash = createHash('sha256');
    const { size } = await this.zip.addStream(this.entry(bagPath), chunks, null, (chunk) => hash.update(chunk));
    return { sha256: hash.digest('hex'), size };
  }

  async addBuffer(bagPath: string, bytes: Buffer): Promise<Written> {
    await this.zip.addBuffer(this.entry(bagPath), bytes, zlib.crc32(bytes), true);
    // Catalogue, form and tag files are few: each is written out as it comes, so the zip grows
    // file by file through those phases rather than in one last write.
    await this.zip.writeOut();
    return { sha256: sha256(bytes), size: bytes.length };
  }

  fileApart(bagPath: string): { file: string; flush: boolean; crc: boolean } {
    checkPath(bagPath);
    const file = `${this.temp}-apart${this.apart.size}`;
    this.apart.set(bagPath, file);
    return { file, flush: false, crc: true };
  }

  /** Copies the file into the zip as a stored entry, checking its CRC-32 against its writer's. */
  async addFileApart(bagPath: string, written: WrittenApart): Promise<Written> {
    const file = this.apart.get(bagPath);
    if (!file) throw new Error(`No file written apart for ${bagPath}`);
    const ring = new ChunkRing(COPY_BUFFERS, COPY_CHUNK);
    const { crc } = await this.zip.addStream(this.entry(bagPath), ring.chunksOf(file), written.size, undefined, (chunk) => ring.give(chunk));
    if (crc !== written.crc) throw new Error(`${bagPath}: changed between its writing and its copy into the zip`);
    this.apart.delete(bagPath);
    await fs.promises.rm(file, { force: true });
    return { sha256: written.sha256, size: written.size };
  }

  async finish(): Promise<void> {
    await this.zip.finish();
    checkStillFree(this.target, this.replaces);
    // Atomic, also over a leftover being replaced.
    await fs.promises.rename(this.temp, this.target);
    await fsyncFolderAsync(path.dirname(this.target));
  }

  async abort(): Promise<void> {
    await this.zip.abort();
    await fs.promises.rm(this.temp, { force: true });
    for (const file of this.apart.values()) await fs.promises.rm(file, { force: true });
  }
}
