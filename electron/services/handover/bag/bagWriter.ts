/**
 * Writes a bag as a folder or as one zip (yazl), file by file, hashing every byte on its way
 * through: nothing is held in memory but the stream's current chunk, so a batch of 10,000
 * originals costs no more memory than one. Everything is written under a temporary name and
 * moved into place only when complete; an abandoned bag is removed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { unsafeBagPath } from '../../../../shared/handover/bagPaths';
import { processRunning } from '../../safety/processes';
import { fsyncFileAsync, fsyncFolderAsync } from '../../../data/fsync';
import { makeDirs } from '../../../data/makeDirs';

export const CHUNK = 1024 * 1024;

/**
 * yazl computes every entry's CRC-32 through buffer-crc32, in JavaScript (about 0.5 GB/s, the
 * slowest step of a zip of originals); Node's `zlib.crc32` computes the same checksum natively, at
 * several GB/s. yazl looks the function up on each call, so it is swapped once, here.
 */
function useNativeCrc32(): void {
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  const crc32 = createRequire(createRequire(here).resolve('yazl'))('buffer-crc32') as { unsigned: (buf: Buffer, previous?: number | Buffer) => number };
  crc32.unsigned = (buf, previous) => zlib.crc32(buf, typeof previous === 'number' ? previous : previous ? previous.readUInt32BE(0) : 0);
}
useNativeCrc32();

/** Originals up to this size are read whole, ahead of their turn (several at once); bigger ones are streamed. */
export const READ_WHOLE_BYTES = 16 * 1024 * 1024;

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

/**
 * An original to pack: its plaintext size and bytes, whole or streamed (the catalogue's store may
 * keep it sealed; the package holds it as it was imported).
 */
export interface PayloadSource {
  size: number;
  readWhole(): Promise<Buffer>;
  stream(): Readable;
}

/** A plain file on disk as a payload source. */
export function fileSource(file: string): PayloadSource {
  return {
    size: fs.statSync(file).size,
    readWhole: () => fs.promises.readFile(file),
    stream: () => fs.createReadStream(file, { highWaterMark: CHUNK }),
  };
}

export interface BagSink {
  /** The final path (folder or .zip). */
  readonly target: string;
  addFile(bagPath: string, source: PayloadSource, onBytes?: (n: number) => void): Promise<Written>;
  addStream(bagPath: string, source: Readable): Promise<Written>;
  addBuffer(bagPath: string, bytes: Buffer): Promise<Written>;
  /** Completes the bag and moves it into place. */
  finish(): Promise<void>;
  /** Removes everything written so far. */
  abort(): Promise<void>;
}

function checkPath(bagPath: string): void {
  const reason = unsafeBagPath(bagPath);
  if (reason) throw new Error(`Refusing unsafe bag path ${bagPath}: ${reason}`);
}

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
    // `<pid>`, or `<pid>-replaced` (a leftover being replaced when its run was killed).
    const m = /^(\d+)(?:-replaced)?$/.exec(name.slice(prefix.length));
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

/** Files flushed at once when a folder bag is finished. */
const FLUSH_PARALLEL = 32;

/** A bag as a folder on disk. */
export class FolderSink implements BagSink {
  private readonly root: string;
  /** Every file and folder written, flushed before the bag takes its name. */
  private readonly files: string[] = [];
  private readonly folders = new Set<string>();

  constructor(
    readonly target: string,
    private readonly replaces = false,
  ) {
    removeStalePartials(target);
    this.root = partialName(target);
    fs.mkdirSync(this.root, { recursive: false });
  }

  private destination(bagPath: string): string {
    checkPath(bagPath);
    const dest = path.join(this.root, ...bagPath.split('/'));
    makeDirs(path.dirname(dest));
    this.files.push(dest);
    for (let dir = path.dirname(dest); dir.startsWith(this.root); dir = path.dirname(dir)) this.folders.add(dir);
    return dest;
  }

  async addFile(bagPath: string, source: PayloadSource, onBytes?: (n: number) => void): Promise<Written> {
    const destination = this.destination(bagPath);
    if (source.size <= READ_WHOLE_BYTES) {
      const bytes = await source.readWhole();
      await fs.promises.writeFile(destination, bytes, { flag: 'wx' });
      onBytes?.(bytes.length);
      return { sha256: sha256(bytes), size: bytes.length };
    }
    const hasher = new HashingStream(onBytes);
    await pipeline(source.stream(), hasher, fs.createWriteStream(destination, { flags: 'wx' }));
    return { sha256: hasher.digest(), size: hasher.bytes };
  }

  async addStream(bagPath: string, source: Readable): Promise<Written> {
    const hasher = new HashingStream();
    await pipeline(source, hasher, fs.createWriteStream(this.destination(bagPath), { flags: 'wx' }));
    return { sha256: hasher.digest(), size: hasher.bytes };
  }

  async addBuffer(bagPath: string, bytes: Buffer): Promise<Written> {
    await fs.promises.writeFile(this.destination(bagPath), bytes, { flag: 'wx' });
    return { sha256: sha256(bytes), size: bytes.length };
  }

  async finish(): Promise<void> {
    // A package said to be finished must survive a power cut (or a USB stick pulled out): its
    // files reach the disk before it takes its name, and the name before it is recorded.
    const folders = [...this.folders];
    for (let i = 0; i < this.files.length; i += FLUSH_PARALLEL) await Promise.all(this.files.slice(i, i + FLUSH_PARALLEL).map(fsyncFileAsync));
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
    await fs.promises.rm(this.root, { recursive: true, force: true });
  }
}

/**
 * A bag as one zip: entries under `<bag name>/`, originals stored without compression (they are
 * mostly compressed already, and the zip is written at disk speed), small tag and catalogue files
 * deflated. yazl pulls each entry's stream only when it reaches it.
 */
export class ZipSink implements BagSink {
  private readonly zip = new yazl.ZipFile();
  private readonly temp: string;
  private readonly written: Promise<void>;
  private readonly mtime = new Date();
  private failure: Error | null = null;

  constructor(
    readonly target: string,
    private readonly bagName: string,
    private readonly replaces = false,
  ) {
    removeStalePartials(target);
    this.temp = partialName(target);
    const out = fs.createWriteStream(this.temp, { flags: 'wx' });
    this.written = pipeline(this.zip.outputStream, out);
    this.written.catch((err: unknown) => {
      this.failure = err instanceof Error ? err : new Error(String(err));
    });
    this.zip.on('error', (err: Error) => {
      this.failure = err;
    });
  }

  private entry(bagPath: string): string {
    checkPath(bagPath);
    if (this.failure) throw this.failure;
    return `${this.bagName}/${bagPath}`;
  }

  private addThrough(bagPath: string, open: () => Readable, onBytes?: (n: number) => void): Promise<Written> {
    const name = this.entry(bagPath);
    const hasher = new HashingStream(onBytes);
    return new Promise<Written>((resolve, reject) => {
      hasher.once('end', () => resolve({ sha256: hasher.digest(), size: hasher.bytes }));
      hasher.once('error', reject);
      this.zip.addReadStreamLazy(name, { compress: false, mtime: this.mtime, forceZip64Format: false }, (cb) => {
        const source = open();
        source.once('error', (err) => {
          hasher.destroy(err);
          reject(err);
        });
        cb(null, source.pipe(hasher));
      });
      this.written.catch(reject);
    });
  }

  /**
   * An original: read whole at once when small (so that several are read while earlier ones are
   * written: the zip is written in order, the reading need not be), streamed when big.
   */
  addFile(bagPath: string, source: PayloadSource, onBytes?: (n: number) => void): Promise<Written> {
    const size = source.size;
    if (size > READ_WHOLE_BYTES) return this.addThrough(bagPath, () => source.stream(), onBytes);
    const name = this.entry(bagPath);
    const read = source.readWhole();
    // Awaited below or in the entry's turn; a failure is reported there.
    read.catch(() => undefined);
    return new Promise<Written>((resolve, reject) => {
      this.zip.addReadStreamLazy(name, { compress: false, mtime: this.mtime, size, forceZip64Format: false }, (cb) => {
        read.then(
          (bytes) => {
            if (bytes.length !== size) {
              const err = new Error(`${bagPath} changed size while being packaged`);
              reject(err);
              return cb(err, Readable.from([]));
            }
            const stream = Readable.from([bytes], { objectMode: false });
            stream.once('end', () => {
              onBytes?.(bytes.length);
              resolve({ sha256: sha256(bytes), size: bytes.length });
            });
            cb(null, stream);
          },
          (err: unknown) => {
            reject(err);
            cb(err instanceof Error ? err : new Error(String(err)), Readable.from([]));
          },
        );
      });
      this.written.catch(reject);
    });
  }

  addStream(bagPath: string, source: Readable): Promise<Written> {
    return this.addThrough(bagPath, () => source);
  }

  async addBuffer(bagPath: string, bytes: Buffer): Promise<Written> {
    this.zip.addBuffer(bytes, this.entry(bagPath), { compress: true, mtime: this.mtime });
    return { sha256: sha256(bytes), size: bytes.length };
  }

  async finish(): Promise<void> {
    this.zip.end();
    await this.written;
    if (this.failure) throw this.failure;
    await fsyncFileAsync(this.temp);
    checkStillFree(this.target, this.replaces);
    // Atomic, also over a leftover being replaced.
    await fs.promises.rename(this.temp, this.target);
    await fsyncFolderAsync(path.dirname(this.target));
  }

  async abort(): Promise<void> {
    (this.zip.outputStream as unknown as Readable).destroy();
    await this.written.catch(() => undefined);
    await fs.promises.rm(this.temp, { force: true });
  }
}

/** A Readable of text lines produced chunk by chunk (e.g. full texts fetched from the catalogue). */
export function linesStream(chunks: () => AsyncGenerator<string>): Readable {
  return Readable.from(
    (async function* () {
      for await (const text of chunks()) yield Buffer.from(text, 'utf8');
    })(),
  );
}
