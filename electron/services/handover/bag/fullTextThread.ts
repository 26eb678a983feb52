/**
 * A package's full texts written on a thread of their own (`fullTextWorker.ts`), while the calling
 * thread copies the originals: reading and quoting them in SQLite and hashing them is otherwise
 * seconds of the calling thread's time for a large batch. Where no thread can start, the caller
 * writes them itself (`null` below).
 */
import type { Worker } from 'node:worker_threads';
import type { CatalogueReaderAccess } from '../../../data/catalogueReader';
import { startWorker } from '../../workers/startWorker';
import type { FullTextReply, FullTextRequest } from './fullTextWorker';

export interface FullTextsWritten {
  sha256: string;
  size: number;
  crc: number;
}

export interface FullTextWriting {
  /** Settles once the thread has ended: the file's digests, or why it failed (stopped included). */
  readonly written: Promise<FullTextsWritten>;
  /** Asks the thread to stop at its next chunk; `written` then rejects, once the file is closed. */
  stop(): void;
}

async function startThread(): Promise<Worker | null> {
  return startWorker('fullTextWorker', () => new URL('./fullTextWorker.ts', import.meta.url).href);
}

/**
 * Starts writing the full texts of `documents` into `file` (created, never over an existing one;
 * flushed when `flush`, its CRC-32 computed when `crc`) from a connection of the thread's own. Null
 * when no thread can start.
 */
export async function writeFullTextsApart(access: CatalogueReaderAccess, documents: Array<[string, number]>, file: string, flush: boolean, crc: boolean): Promise<FullTextWriting | null> {
  const worker = await startThread();
  if (!worker) return null;
  const stop = new SharedArrayBuffer(4);
  const written = new Promise<FullTextsWritten>((resolve, reject) => {
    let reply: FullTextReply | null = null;
    worker.on('message', (m: FullTextReply) => {
      reply = m;
      void worker.terminate();
    });
    worker.once('error', (err) => (reply ??= { type: 'failed', message: err.stack ?? err.message }));
    // Settled only once the thread is gone, so its file is closed when the caller removes it.
    worker.once('exit', (code) => {
      const r = reply as FullTextReply | null;
      if (r?.type === 'done') resolve({ sha256: r.sha256, size: r.size, crc: r.crc });
      else if (r?.type === 'stopped') reject(new Error('full texts: stopped'));
      else reject(new Error(r?.type === 'failed' ? `full texts: ${r.message}` : `full texts thread exited (${code})`));
    });
    worker.postMessage({ access, documents, file, flush, crc, stop } satisfies FullTextRequest);
  });
  return {
    written,
    stop: () => Atomics.store(new Int32Array(stop), 0, 1),
  };
}
