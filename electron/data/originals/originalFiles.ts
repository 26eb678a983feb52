import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fsyncFileAsync } from '../fsync';
import { makeDirs } from '../makeDirs';
import { HEADER_BYTES, Opener, Sealer, SealedFileError, keyIdOf, plainSizeOf, sealBuffer, sealState, sealedSizeOf } from './sealedFormat';

/** Originals up to this size are read whole; larger ones are streamed. */
const SMALL_FILE = 4 * 1024 * 1024;
const STREAM_CHUNK = 1 << 20;

/** Decrypts (or passes through) a stream of an original's stored bytes. */
class OpenTransform extends Transform {
  constructor(private readonly opener: Opener) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      for (const b of this.opener.update(chunk)) this.push(b);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      for (const b of this.opener.final()) this.push(b);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
}

/** Seals a stream of plaintext into its stored form. */
export class SealTransform extends Transform {
  private readonly sealer: Sealer;
  constructor(key: Buffer) {
    super();
    this.sealer = new Sealer(key);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    for (const b of this.sealer.update(chunk)) this.push(b);
    cb();
  }
  override _flush(cb: TransformCallback): void {
    for (const b of this.sealer.final()) this.push(b);
    cb();
  }
}

/** A stored original read whole (`readSmallSync`). */
export interface SmallOriginal {
  /** The bytes as stored (sealed in an encrypted catalogue). */
  stored: Buffer;
  /** Size of the plaintext, as `plainSize` says it. */
  plainSize: number;
  /** SHA-256 of the plaintext; null when a sealed file does not open. */
  sha256: string | null;
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const n = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The one way to the bytes of a stored original (in the managed folder or a backup's copy). In an
 * encrypted catalogue (`key` set) originals are stored sealed (sealedFormat.ts) and every reader
 * here opens them; a file still plain (an encryption not yet finished) is read as it is. Without a
 * key, files are read as they are. The SHA-256 an original is documented by is always the
 * plaintext's: `sha256` hashes the opened bytes.
 */
export class OriginalFiles {
  private readonly keyId: Buffer | null;

  constructor(readonly key: Buffer | null) {
    this.keyId = key ? keyIdOf(key) : null;
  }

  get sealing(): boolean {
    return this.key !== null;
  }

  /** 'sealed' (under this catalogue's key), 'plain', or 'otherKey' (sealed, but not by this catalogue). */
  stateOf(file: string): 'plain' | 'sealed' | 'otherKey' {
    return sealState(readHead(file), this.keyId);
  }

  private stateOfBytes(bytes: Buffer): 'plain' | 'sealed' | 'otherKey' {
    return sealState(bytes.subarray(0, HEADER_BYTES), this.keyId);
  }

  /** The plaintext of stored bytes read whole. Throws `SealedFileError` when a sealed file does not open. */
  opened(stored: Buffer): Buffer {
    const state = this.stateOfBytes(stored);
    if (state === 'plain' || this.key === null) return stored;
    if (state === 'otherKey') throw new SealedFileError('otherKey');
    const o = new Opener(this.key, this.keyId!);
    return Buffer.concat([...o.update(stored), ...o.final()]);
  }

  readWholeSync(file: string): Buffer {
    return this.opened(fs.readFileSync(file));
  }

  async readWhole(file: string): Promise<Buffer> {
    return this.opened(await fs.promises.readFile(file));
  }

  /** Size of the plaintext, from the stored file's size (no read past its header). */
  plainSize(file: string): number {
    const size = fs.statSync(file).size;
    if (this.key === null || this.stateOf(file) !== 'sealed') return size;
    return plainSizeOf(size);
  }

  /** The plaintext as a stream (a sealed file is authenticated chunk by chunk; an error ends the stream). */
  stream(file: string): Readable {
    const raw = fs.createReadStream(file, { highWaterMark: STREAM_CHUNK });
    if (this.key === null || this.stateOf(file) === 'plain') return raw;
    const opener = new Opener(this.key, this.keyId!);
    const out = new OpenTransform(opener);
    raw.on('error', (err) => out.destroy(err));
    return raw.pipe(out);
  }

  /** SHA-256 of the plaintext. Throws `SealedFileError` when a sealed file does not open. */
  async sha256(file: string): Promise<string> {
    const hash = createHash('sha256');
    if ((await fs.promises.stat(file)).size <= SMALL_FILE) return hash.update(await this.readWhole(file)).digest('hex');
    for await (const chunk of this.stream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  /** Whether the plaintext has this SHA-256 (false when the file cannot be read or opened). */
  async hasSha256(file: string, expected: string): Promise<boolean> {
    try {
      return (await this.sha256(file)) === expected;
    } catch {
      return false;
    }
  }

  /**
   * A stored original of at most `SMALL_FILE` bytes read whole on the calling thread, with its
   * plaintext's size and SHA-256. For the few kilobytes most originals are, already in the page
   * cache, an open, an fstat, a read and a close cost far less than the same work sent to the
   * thread pool call by call (each a promise and a call back to this thread). `'absent'` when there
   * is no such file; null when it cannot be opened otherwise, is not a regular file or is larger:
   * the caller takes the general path (`plainSize`, `hasSha256`, `copyVerified`), which says which
   * of these it was.
   */
  readSmallSync(file: string): SmallOriginal | 'absent' | null {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : null;
    }
    let stored: Buffer;
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile() || st.size > SMALL_FILE) return null;
      stored = Buffer.allocUnsafe(st.size);
      let at = 0;
      while (at < st.size) {
        const n = fs.readSync(fd, stored, at, st.size - at, at);
        if (n === 0) break;
        at += n;
      }
      if (at < st.size) stored = stored.subarray(0, at);
    } catch {
      return null;
    } finally {
      fs.closeSync(fd);
    }
    const plainSize = this.key === null || this.stateOfBytes(stored) !== 'sealed' ? stored.length : plainSizeOf(stored.length);
    let sha256: string | null;
    try {
      sha256 = createHash('sha256').update(this.opened(stored)).digest('hex');
    } catch {
      sha256 = null;
    }
    return { stored, plainSize, sha256 };
  }

  /** The stored form of a plaintext: sealed when this catalogue seals originals. */
  storedForm(plain: Uint8Array): Buffer {
    const bytes = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    return this.key ? sealBuffer(this.key, bytes) : bytes;
  }

  /** Size on disk of an original of `plainBytes` bytes stored by this catalogue. */
  storedSize(plainBytes: number): number {
    return this.key ? sealedSizeOf(plainBytes) : plainBytes;
  }

  /** Whether `file` already holds an intact original with this SHA-256 (an earlier run's, left before its commit). */
  holdsIntactSync(file: string, sha256: string): boolean {
    try {
      return createHash('sha256').update(this.readWholeSync(file)).digest('hex') === sha256;
    } catch {
      return false;
    }
  }

  /**
   * Copies a stored original to `target` (temporary name, flushed, renamed) and keeps the copy only
   * when the plaintext's SHA-256 is `expectedSha256`. `as: 'stored'` copies the bytes as stored
   * (a backup, a restore: sealed stays sealed); `as: 'plain'` writes the plaintext (a copy leaving
   * the catalogue's care, such as quarantine).
   */
  async copyVerified(source: string, target: string, expectedSha256: string, as: 'stored' | 'plain'): Promise<{ ok: boolean; actual: string | null }> {
    makeDirs(path.dirname(target));
    const temp = `${target}.${process.pid}.tmp`;
    const hash = createHash('sha256');
    let actual: string | null = null;
    const out = await fs.promises.open(temp, 'w');
    try {
      try {
        if ((await fs.promises.stat(source)).size <= SMALL_FILE) {
          // Most originals are a few kilobytes: one read beats a stream's per-file buffers.
          const stored = await fs.promises.readFile(source);
          const plain = this.opened(stored);
          hash.update(plain);
          await out.write(as === 'plain' ? plain : stored);
        } else {
          const sealed = this.key !== null && this.stateOf(source) !== 'plain';
          const opener = sealed ? new Opener(this.key!, this.keyId!) : null;
          if (this.key !== null && this.stateOf(source) === 'otherKey') throw new SealedFileError('otherKey');
          for await (const chunk of fs.createReadStream(source, { highWaterMark: STREAM_CHUNK })) {
            const plain = opener ? Buffer.concat(opener.update(chunk as Buffer)) : (chunk as Buffer);
            hash.update(plain);
            await out.write(as === 'plain' ? plain : (chunk as Buffer));
          }
          if (opener) {
            const last = Buffer.concat(opener.final());
            hash.update(last);
            if (as === 'plain') await out.write(last);
          }
        }
        actual = hash.digest('hex');
      } catch (err) {
        if (!(err instanceof SealedFileError)) throw err;
      }
      await out.sync();
    } finally {
      await out.close();
    }
    if (actual !== expectedSha256) {
      fs.rmSync(temp, { force: true });
      return { ok: false, actual };
    }
    fs.renameSync(temp, target);
    return { ok: true, actual };
  }

  /**
   * Seals a plain file where it lies: the sealed form is written beside it under a temporary name
   * (`<name>.<pid>.seal.tmp`, swept if the process dies), flushed, and renamed over it, so the file
   * is at every moment either wholly plain or wholly sealed. Returns false when there was nothing
   * to do (already sealed, or sealed under a key this catalogue does not hold: left as it is).
   */
  async sealInPlace(file: string): Promise<boolean> {
    if (this.key === null) return false;
    // One descriptor for the look at the header and the read: another process sealing the same
    // file at once renames its result over the name, never into what this one reads, so a file is
    // never sealed twice over.
    const fd = fs.openSync(file, 'r');
    const temp = `${file}.${process.pid}.seal.tmp`;
    try {
      const head = Buffer.alloc(HEADER_BYTES);
      const n = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
      if (sealState(head.subarray(0, n), this.keyId) !== 'plain') return false;
      await pipeline(fs.createReadStream(file, { fd, start: 0, autoClose: false, highWaterMark: STREAM_CHUNK }), new SealTransform(this.key), fs.createWriteStream(temp));
      await fsyncFileAsync(temp);
      await fs.promises.rename(temp, file);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    } finally {
      fs.closeSync(fd);
    }
    return true;
  }
}
