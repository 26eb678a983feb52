/**
 * Thread that writes a package's full texts (`fullTextThread.ts`): reads them from the catalogue
 * through a read-only connection of its own, a chunk of documents at a time, as JSON lines quoted
 * and encoded by SQLite, and writes them to one file, computing their SHA-256 and CRC-32 on the
 * way. A third of a gigabyte of text for a large batch, read and hashed here while the main
 * thread copies the originals. Stops between two chunks when the stop flag is raised.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import zlib from 'node:zlib';
import { CatalogueReader, type CatalogueReaderAccess } from '../../../data/catalogueReader';

export interface FullTextRequest {
  access: CatalogueReaderAccess;
  /** The package's documents: key in the package, id in the catalogue, in the package's order. */
  documents: Array<[string, number]>;
  /** The file to create (it must not exist). */
  file: string;
  /** Flush the file's bytes to the disk before answering (it is the bag's own file). */
  flush: boolean;
  /** Compute the file's CRC-32 (a zip's entry checks it when it copies the file in); 0 otherwise. */
  crc: boolean;
  /** Raised (set to 1) by the caller to stop at the next chunk. */
  stop: SharedArrayBuffer;
}

export type FullTextReply =
  | { type: 'ready' }
  | { type: 'done'; sha256: string; size: number; crc: number }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

/** Documents read per statement: a few megabytes of text. */
const CHUNK = 100;

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** Writes the file, unless stopped first. */
function writeFullTexts(request: FullTextRequest): FullTextReply {
  const stop = new Int32Array(request.stop);
  const reader = CatalogueReader.open(request.access);
  try {
    const fd = fs.openSync(request.file, 'wx');
    try {
      const hash = createHash('sha256');
      let crc = 0;
      let size = 0;
      for (let i = 0; i < request.documents.length; i += CHUNK) {
        if (Atomics.load(stop, 0) !== 0) return { type: 'stopped' };
        for (const line of reader.handoverData.fullTextLines(request.documents.slice(i, i + CHUNK))) {
          hash.update(line);
          if (request.crc) crc = zlib.crc32(line, crc);
          size += line.length;
          writeAll(fd, line);
        }
      }
      if (request.flush) fs.fdatasyncSync(fd);
      return { type: 'done', sha256: hash.digest('hex'), size, crc };
    } finally {
      fs.closeSync(fd);
    }
  } finally {
    reader.close();
  }
}

const port = parentPort;
if (port) {
  port.once('message', (request: FullTextRequest) => {
    let reply: FullTextReply;
    try {
      reply = writeFullTexts(request);
    } catch (err) {
      reply = { type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies FullTextReply);
}
