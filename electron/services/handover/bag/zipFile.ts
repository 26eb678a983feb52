/**
 * A zip file written entry after entry into one file (PKWARE APPNOTE 6.3.10): entries stored or
 * deflated, names in UTF-8, Zip64 records wherever a size, an offset or the number of entries
 * needs them. The caller hands each entry with its CRC-32 already computed (in the same pass over
 * the bytes as their SHA-256), so every local header is complete when written and no data
 * descriptor follows; a stream's header is completed in place once its end is reached.
 *
 * Why not yazl: for a batch of 10,000 originals it looked for the next entry to write from the
 * start of its list every time (quadratic), piped each entry through four stream stages and
 * computed each CRC again; here an entry is a header and its bytes, gathered with the next ones
 * into one positional write of a few megabytes.
 */
import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);

/** Bytes gathered before they are written in one call; at most two such writes are in flight. */
const WRITE_BYTES = 8 * 1024 * 1024;
const WRITES_IN_FLIGHT = 2;

/**
 * Bytes written between two flushes started behind the writing. Without them, a package's
 * gigabyte waits in the page cache (the kernel starts writing back only past a tenth of the
 * memory, or after 30 s) for the one flush at the end, and the disk sits idle until then.
 */
const FLUSH_EVERY_BYTES = 128 * 1024 * 1024;

const U16 = 0xffff;
const U32 = 0xffffffff;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** Bit 11: the name is UTF-8. */
const UTF8_NAMES = 0x0800;
/** Made by a Unix host (so the mode below is read), to version 4.5 of the format. */
const MADE_BY = (3 << 8) | 45;
/** A regular file, rw-r--r--, in the high half of the external attributes. */
const REGULAR_FILE = (0o100644 << 16) >>> 0;

interface CentralRecord {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS time and date (local time, two-second steps) as zip headers hold them. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export interface ZipFileOptions {
  mtime: Date;
  /** Zip64 records for every entry and the end, whatever the sizes (tests of the Zip64 paths). */
  forceZip64?: boolean;
}

export class ZipFileWriter {
  private position = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingStart = 0;
  /** Called once the bytes queued with them are written. */
  private pendingDone: Array<() => void> = [];
  private inFlight: Array<Promise<void>> = [];
  private failure: Error | null = null;
  /** A flush of what is written so far, going on behind the writing (its failure shows in the last one). */
  private flushing: Promise<void> | null = null;
  private unflushed = 0;
  private readonly records: CentralRecord[] = [];
  private readonly dos: { time: number; date: number };
  private readonly forceZip64: boolean;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    options: ZipFileOptions,
  ) {
    this.dos = dosDateTime(options.mtime);
    this.forceZip64 = options.forceZip64 === true;
  }

  /** A new zip at `file`, which must not exist. */
  static async create(file: string, options: ZipFileOptions): Promise<ZipFileWriter> {
    return new ZipFileWriter(await fs.promises.open(file, 'wx'), options);
  }

  /** Bytes written or queued so far (the offset of the next entry). */
  get size(): number {
    return this.position;
  }

  /**
   * An entry whose bytes are all in memory, with their CRC-32; deflated when asked and smaller so.
   * `written` is called once `data` is no longer needed (written, or the zip abandoned).
   */
  async addBuffer(name: string, data: Buffer, crc: number, deflate = false, written?: () => void): Promise<void> {
    let body = data;
    let method: 0 | 8 = 0;
    if (deflate && data.length > 0) {
      const packed = await deflateRaw(data);
      if (packed.length < data.length) {
        body = packed;
        method = 8;
      }
    }
    const record: CentralRecord = { name: Buffer.from(name, 'utf8'), method, crc, compressed: body.length, size: data.length, offset: this.position };
    this.push(this.localHeader(record, this.forceZip64 || data.length >= U32));
    this.push(body);
    if (written) this.pendingDone.push(written);
    this.records.push(record);
    await this.maybeWrite();
  }

  /**
   * An entry streamed chunk by chunk, stored as it comes: `size` when known beforehand (an
   * original: a different length is an error), else null (its header then carries Zip64 sizes,
   * filled in at the end). Each chunk goes to `seen` before it is queued (the caller's SHA-256), and
   * to `written` once it is written (or the zip abandoned): its memory may then be used again.
   */
  async addStream(
    name: string,
    chunks: AsyncIterable<Buffer>,
    size: number | null,
    seen?: (chunk: Buffer) => void,
    written?: (chunk: Buffer) => void,
  ): Promise<{ size: number; crc: number }> {
    const record: CentralRecord = { name: Buffer.from(name, 'utf8'), method: 0, crc: 0, compressed: size ?? 0, size: size ?? 0, offset: this.position };
    const zip64 = this.forceZip64 || size === null || size >= U32;
    const header = this.localHeader(record, zip64);
    this.push(header);
    let crc = 0;
    let length = 0;
    for await (const chunk of chunks) {
      seen?.(chunk);
      crc = zlib.crc32(chunk, crc);
      length += chunk.length;
      this.push(chunk);
      if (written) this.pendingDone.push(() => written(chunk));
      await this.maybeWrite();
    }
    if (size !== null && length !== size) throw new Error(`${name}: ${length} bytes read where ${size} were expected`);
    record.crc = crc;
    record.size = record.compressed = length;
    await this.patch(record.offset, this.localHeader(record, zip64), header);
    this.records.push(record);
    return { size: length, crc };
  }

  /** Hands what is queued to the disk now (a few entries that should not wait for the next gathered write). */
  async writeOut(): Promise<void> {
    this.writePending();
    await this.maybeWrite();
  }

  /** Writes the central directory and the end records, flushes the file to the disk and closes it. */
  async finish(): Promise<void> {
    const start = this.position;
    for (const r of this.records) this.push(this.centralHeader(r));
    const centralSize = this.position - start;
    const count = this.records.length;
    if (this.forceZip64 || count >= U16 || start >= U32 || centralSize >= U32) {
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(ZIP64_END, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(MADE_BY, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeUInt32LE(0, 16);
      end64.writeUInt32LE(0, 20);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(centralSize), 40);
      end64.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(this.position), 8);
      locator.writeUInt32LE(1, 16);
      this.push(end64);
      this.push(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(Math.min(count, U16), 8);
    end.writeUInt16LE(Math.min(count, U16), 10);
    end.writeUInt32LE(Math.min(centralSize, U32), 12);
    end.writeUInt32LE(Math.min(start, U32), 16);
    this.push(end);
    await this.drain();
    await this.flushing;
    await this.handle.sync();
    this.closed = true;
    await this.handle.close();
  }

  /** Stops writing and closes the file (the caller removes it). */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.inFlight);
    await this.flushing;
    for (const callback of this.pendingDone.splice(0)) callback();
    this.pending = [];
    await this.handle.close().catch(() => undefined);
  }

  private localHeader(r: CentralRecord, zip64: boolean): Buffer {
    const h = Buffer.alloc(30 + r.name.length + (zip64 ? 20 : 0));
    h.writeUInt32LE(LOCAL_HEADER, 0);
    h.writeUInt16LE(zip64 ? 45 : 20, 4);
    h.writeUInt16LE(UTF8_NAMES, 6);
    h.writeUInt16LE(r.method, 8);
    h.writeUInt16LE(this.dos.time, 10);
    h.writeUInt16LE(this.dos.date, 12);
    h.writeUInt32LE(r.crc >>> 0, 14);
    h.writeUInt32LE(zip64 ? U32 : r.compressed, 18);
    h.writeUInt32LE(zip64 ? U32 : r.size, 22);
    h.writeUInt16LE(r.name.length, 26);
    h.writeUInt16LE(zip64 ? 20 : 0, 28);
    r.name.copy(h, 30);
    if (zip64) {
      const x = 30 + r.name.length;
      h.writeUInt16LE(ZIP64_EXTRA, x);
      h.writeUInt16LE(16, x + 2);
      h.writeBigUInt64LE(BigInt(r.size), x + 4);
      h.writeBigUInt64LE(BigInt(r.compressed), x + 12);
    }
    return h;
  }

  private centralHeader(r: CentralRecord): Buffer {
    // Only the fields that do not fit go to the Zip64 extra field, in this fixed order.
    const big = this.forceZip64;
    const wide = [big || r.size >= U32 ? r.size : null, big || r.compressed >= U32 ? r.compressed : null, big || r.offset >= U32 ? r.offset : null].filter((v): v is number => v !== null);
    const extra = wide.length > 0 ? 4 + 8 * wide.length : 0;
    const h = Buffer.alloc(46 + r.name.length + extra);
    h.writeUInt32LE(CENTRAL_HEADER, 0);
    h.writeUInt16LE(MADE_BY, 4);
    h.writeUInt16LE(extra > 0 ? 45 : 20, 6);
    h.writeUInt16LE(UTF8_NAMES, 8);
    h.writeUInt16LE(r.method, 10);
    h.writeUInt16LE(this.dos.time, 12);
    h.writeUInt16LE(this.dos.date, 14);
    h.writeUInt32LE(r.crc >>> 0, 16);
    h.writeUInt32LE(big || r.compressed >= U32 ? U32 : r.compressed, 20);
    h.writeUInt32LE(big || r.size >= U32 ? U32 : r.size, 24);
    h.writeUInt16LE(r.name.length, 28);
    h.writeUInt16LE(extra, 30);
    h.writeUInt16LE(0, 32);
    h.writeUInt16LE(0, 34);
    h.writeUInt16LE(0, 36);
    h.writeUInt32LE(REGULAR_FILE, 38);
    h.writeUInt32LE(big || r.offset >= U32 ? U32 : r.offset, 42);
    r.name.copy(h, 46);
    if (extra > 0) {
      const x = 46 + r.name.length;
      h.writeUInt16LE(ZIP64_EXTRA, x);
      h.writeUInt16LE(extra - 4, x + 2);
      wide.forEach((v, i) => h.writeBigUInt64LE(BigInt(v), x + 4 + 8 * i));
    }
    return h;
  }

  private push(bytes: Buffer): void {
    if (this.failure) throw this.failure;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.position += bytes.length;
  }

  /** Writes what is gathered once it is large enough, keeping at most two writes in flight. */
  private async maybeWrite(): Promise<void> {
    if (this.pendingBytes >= WRITE_BYTES) this.writePending();
    while (this.inFlight.length > WRITES_IN_FLIGHT) await this.inFlight.shift();
    if (this.failure) throw this.failure;
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const buffers = this.pending;
    const at = this.pendingStart;
    const callbacks = this.pendingDone;
    this.pending = [];
    this.pendingDone = [];
    this.pendingBytes = 0;
    this.pendingStart = this.position;
    const bytes = this.position - at;
    const done = writeAll(this.handle, buffers, at)
      .then(() => this.flushBehind(bytes))
      .catch((err: unknown) => {
        this.failure ??= err instanceof Error ? err : new Error(String(err));
      })
      .finally(() => {
        for (const callback of callbacks) callback();
      });
    this.inFlight.push(done);
  }

  /** Starts a flush of what is written once enough has been since the last, unless one is going on. */
  private flushBehind(written: number): void {
    this.unflushed += written;
    if (this.unflushed < FLUSH_EVERY_BYTES || this.flushing || this.closed) return;
    this.unflushed = 0;
    // Errors are left to the flush at the end (`finish`), which reports them.
    this.flushing = this.handle
      .datasync()
      .catch(() => undefined)
      .finally(() => {
        this.flushing = null;
      });
  }

  private async drain(): Promise<void> {
    this.writePending();
    await Promise.all(this.inFlight.splice(0));
    if (this.failure) throw this.failure;
  }

  /** Replaces a local header written (or queued) earlier by its completed form, of the same length. */
  private async patch(offset: number, completed: Buffer, queued: Buffer): Promise<void> {
    if (offset >= this.pendingStart) {
      // Still queued: completed where it waits.
      completed.copy(queued);
      return;
    }
    // Already handed to the disk: written again once the writes in flight are done (never under them).
    await Promise.all(this.inFlight.splice(0));
    if (this.failure) throw this.failure;
    await writeAll(this.handle, [completed], offset);
  }
}

/** `writev` at `position` until every byte is written. */
async function writeAll(handle: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let rest = buffers;
  let at = position;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const b of rest) {
      if (skip >= b.length) {
        skip -= b.length;
        continue;
      }
      next.push(skip > 0 ? b.subarray(skip) : b);
      skip = 0;
    }
    if (bytesWritten === 0 && next.length > 0) throw new Error('zip: the disk accepted no bytes');
    rest = next;
  }
}
