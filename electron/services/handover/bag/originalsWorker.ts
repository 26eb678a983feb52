/**
 * Thread that reads a package's originals (`originalsThread.ts`): each stored file read whole,
 * opened when sealed, and its SHA-256 and CRC-32 computed here, then handed to the calling thread
 * (the buffer moved, not copied) to be written into the bag; the buffers come back once written,
 * to be read into again. Reads ahead of the writing by a few files and megabytes at most (the
 * writing holds a few megabytes more, until they are written). Reading
 * ten thousand files is ten thousand opens, reads and closes: done here synchronously, they cost
 * little; done through the calling thread's asynchronous calls, they took a third of its time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import zlib from 'node:zlib';
import { OriginalFiles } from '../../../data/originals/originalFiles';
import { SealedFileError } from '../../../data/originals/sealedFormat';
import { READ_WHOLE_BYTES } from './originals';

export interface OriginalsRequest {
  /** The originals' data key of an encrypted catalogue, else null. */
  key: Uint8Array | null;
  /** Stored files, in the order they go into the bag. */
  files: string[];
  /** Read ahead of the writing, at most: files and bytes. */
  aheadFiles: number;
  aheadBytes: number;
}

/**
 * Sent to the thread: an original taken by the writing (`taken`: room to read another ahead), a
 * buffer written and given back (`free`), or `stop`.
 */
export type OriginalsCommand = { type: 'taken'; bytes: number } | { type: 'free'; buffer: ArrayBuffer } | { type: 'stop' };

export type OriginalsReply =
  | { type: 'ready' }
  /** The plaintext in `buffer`'s first `size` bytes. */
  | { type: 'whole'; index: number; buffer: ArrayBuffer; size: number; sha256: string; crc: number }
  /** Too large to read whole: the calling thread streams it. */
  | { type: 'large'; index: number }
  | { type: 'failed'; index: number; reason: 'missing' | 'sealed' | 'other'; message: string };

const SMALLEST_BUFFER = 64 * 1024;

/** Buffers given back, by capacity (a power of two), to be read into again. */
const free = new Map<number, ArrayBuffer[]>();

function take(size: number): ArrayBuffer {
  const capacity = Math.max(SMALLEST_BUFFER, 2 ** Math.ceil(Math.log2(Math.max(size, 1))));
  return free.get(capacity)?.pop() ?? new ArrayBuffer(capacity);
}

function give(buffer: ArrayBuffer): void {
  const list = free.get(buffer.byteLength) ?? [];
  list.push(buffer);
  free.set(buffer.byteLength, list);
}

/** Reads the stored file into a buffer of the pool; null when it is too large to read whole. */
function readStored(file: string): { buffer: ArrayBuffer; read: number } | null {
  const fd = fs.openSync(file, 'r');
  try {
    const stored = fs.fstatSync(fd).size;
    if (stored > READ_WHOLE_BYTES) return null;
    const buffer = take(stored);
    const view = new Uint8Array(buffer);
    let read = 0;
    // A file cut short while being read keeps what it held: its SHA-256 tells.
    while (read < stored) {
      const n = fs.readSync(fd, view, read, stored - read, read);
      if (n === 0) break;
      read += n;
    }
    return { buffer, read };
  } finally {
    fs.closeSync(fd);
  }
}

function readOne(index: number, file: string, files: OriginalFiles): { reply: OriginalsReply; transfer: ArrayBuffer[] } {
  try {
    const stored = readStored(file);
    if (!stored) return { reply: { type: 'large', index }, transfer: [] };
    const raw = Buffer.from(stored.buffer, 0, stored.read);
    let plain: Buffer;
    try {
      plain = files.opened(raw);
    } catch (err) {
      give(stored.buffer);
      throw err;
    }
    // A sealed original opens into a buffer of its own, shorter than the sealed bytes: moved into
    // the pool's buffer, the one handed over.
    if (plain !== raw) plain.copy(raw, 0);
    const size = plain.length;
    const bytes = raw.subarray(0, size);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const crc = zlib.crc32(bytes);
    return { reply: { type: 'whole', index, buffer: stored.buffer, size, sha256, crc }, transfer: [stored.buffer] };
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : err instanceof SealedFileError ? 'sealed' : 'other';
    return { reply: { type: 'failed', index, reason, message: err instanceof Error ? err.message : String(err) }, transfer: [] };
  }
}

const port = parentPort;
if (port) {
  port.once('message', (request: OriginalsRequest) => {
    const files = new OriginalFiles(request.key ? Buffer.from(request.key) : null);
    let next = 0;
    /** Files handed over and not yet taken by the writing, with their bytes. */
    let outFiles = 0;
    let outBytes = 0;
    let stopped = false;
    const pump = () => {
      while (!stopped && next < request.files.length && (outFiles === 0 || (outFiles < request.aheadFiles && outBytes < request.aheadBytes))) {
        const index = next++;
        const { reply, transfer } = readOne(index, request.files[index]!, files);
        outFiles++;
        outBytes += reply.type === 'whole' ? reply.size : 0;
        port.postMessage(reply, transfer);
      }
      if (stopped || next >= request.files.length) port.close();
    };
    port.on('message', (command: OriginalsCommand) => {
      if (command.type === 'stop') {
        stopped = true;
        port.close();
        return;
      }
      if (command.type === 'free') return give(command.buffer);
      outFiles--;
      outBytes -= command.bytes;
      pump();
    });
    pump();
  });
  port.postMessage({ type: 'ready' } satisfies OriginalsReply);
}
