/**
 * Where a package's originals come from, in the bag's order: read on a thread of their own
 * (`originalsWorker.ts`: read, opened when sealed, SHA-256 and CRC-32 computed there), or, where
 * no thread starts, on the calling thread, several at once ahead of their turn. Either way a few
 * files and megabytes are read ahead of the one being written, never more.
 */
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { OriginalFiles } from '../../../data/originals/originalFiles';
import { SealedFileError } from '../../../data/originals/sealedFormat';
import { startWorker } from '../../workers/startWorker';
import { BufferPool, readOriginal, type OriginalBytes } from './originals';
import type { OriginalsCommand, OriginalsReply, OriginalsRequest } from './originalsWorker';

/** Originals read ahead of the one being written: a few files, never more than this many bytes. */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

export interface OriginalsSource {
  /** The bytes of the `index`th original: asked for in order, each once. Rejects as reading it failed. */
  take(index: number): Promise<OriginalBytes>;
  /** Stops reading (the package is done, failed or cancelled); resolves once nothing reads any more. */
  stop(): Promise<void>;
}

/** Reads on the calling thread, through `files`, several at once ahead of their turn. */
export function originalsHere(stored: Array<{ file: string; size: number }>, files: OriginalFiles): OriginalsSource {
  const pool = new BufferPool();
  const ahead = new Map<number, Promise<OriginalBytes>>();
  let aheadBytes = 0;
  let next = 0;
  const readAhead = () => {
    while (next < stored.length && (ahead.size === 0 || (ahead.size < READ_AHEAD_FILES && aheadBytes < READ_AHEAD_BYTES))) {
      const read = readOriginal(stored[next]!.file, files, pool);
      // Awaited in its turn; a failure is reported there.
      read.catch(() => undefined);
      ahead.set(next, read);
      aheadBytes += stored[next]!.size;
      next++;
    }
  };
  readAhead();
  return {
    take: (index) => {
      const read = ahead.get(index);
      if (!read) throw new Error(`original ${index} asked for out of turn`);
      ahead.delete(index);
      aheadBytes -= stored[index]!.size;
      readAhead();
      return read;
    },
    stop: async () => {
      next = stored.length;
      await Promise.allSettled(ahead.values());
    },
  };
}

/** Why the thread could not read an original, as the calling thread's reads would have failed. */
function failure(reply: Extract<OriginalsReply, { type: 'failed' }>): Error {
  if (reply.reason === 'missing') return Object.assign(new Error(reply.message), { code: 'ENOENT' });
  if (reply.reason === 'sealed') return new SealedFileError('tampered');
  return new Error(reply.message);
}

async function startThread(): Promise<Worker | null> {
  return startWorker('originalsWorker', () => new URL('./originalsWorker.ts', import.meta.url).href);
}

/**
 * Reads on a thread of their own; null when no thread starts. `files` opens the large originals
 * (streamed by the calling thread) and gives the thread the data key of sealed ones.
 */
export async function originalsApart(stored: Array<{ file: string; size: number }>, files: OriginalFiles): Promise<OriginalsSource | null> {
  const worker = await startThread();
  if (!worker) return null;
  const replies = new Map<number, OriginalBytes | Error>();
  const waiting = new Map<number, { resolve: (b: OriginalBytes) => void; reject: (e: Error) => void }>();
  let ended: Error | null = null;
  const settle = (index: number, result: OriginalBytes | Error) => {
    const w = waiting.get(index);
    if (!w) return void replies.set(index, result);
    waiting.delete(index);
    if (result instanceof Error) w.reject(result);
    else w.resolve(result);
  };
  // A buffer written is given back to be read into again (dropped when the thread has ended).
  const giveBack = (buffer: ArrayBuffer) => send({ type: 'free', buffer }, [buffer]);
  worker.on('message', (m: OriginalsReply) => {
    if (m.type === 'whole') {
      const whole = Buffer.from(m.buffer, 0, m.size);
      settle(m.index, { size: m.size, whole, digests: { sha256: m.sha256, crc: m.crc }, release: () => giveBack(m.buffer) });
    } else if (m.type === 'large') {
      const file = stored[m.index]!.file;
      try {
        settle(m.index, { size: files.plainSize(file), whole: null, open: () => files.stream(file) });
      } catch (err) {
        settle(m.index, err as Error);
      }
    } else if (m.type === 'failed') settle(m.index, failure(m));
  });
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      ended ??= new Error('originals thread ended');
      for (const [index, w] of waiting) {
        waiting.delete(index);
        w.reject(ended);
      }
      resolve();
    });
  });
  worker.once('error', (err) => {
    ended = err;
  });
  worker.postMessage({ key: files.key ? new Uint8Array(files.key) : null, files: stored.map((s) => s.file), aheadFiles: READ_AHEAD_FILES, aheadBytes: READ_AHEAD_BYTES } satisfies OriginalsRequest);
  const send = (command: OriginalsCommand, transfer: ArrayBuffer[] = []) => {
    try {
      worker.postMessage(command, transfer);
    } catch {
      // The thread has ended (everything read, or stopped).
    }
  };
  return {
    take: (index) => {
      const taken = (result: OriginalBytes | Error) => {
        // Room for the thread to read another ahead.
        send({ type: 'taken', bytes: result instanceof Error || !result.whole ? 0 : result.size });
        return result;
      };
      const ready = replies.get(index);
      if (ready !== undefined) {
        replies.delete(index);
        return taken(ready) instanceof Error ? Promise.reject(ready) : Promise.resolve(ready as OriginalBytes);
      }
      if (ended) return Promise.reject(ended);
      return new Promise<OriginalBytes>((resolve, reject) => waiting.set(index, { resolve, reject })).then(
        (b) => taken(b) as OriginalBytes,
        (err: Error) => {
          taken(err);
          throw err;
        },
      );
    },
    stop: async () => {
      send({ type: 'stop' });
      const late = setTimeout(() => void worker.terminate(), 1000);
      await exited;
      clearTimeout(late);
    },
  };
}

/** The stored file of each original, by its place in the originals folder. */
export function storedFiles(originalsDir: string, attachments: Array<{ storedPath: string; size: number }>): Array<{ file: string; size: number }> {
  return attachments.map((a) => ({ file: path.join(originalsDir, a.storedPath), size: a.size }));
}
