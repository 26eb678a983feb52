import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import { parseDocument } from '../../../shared/parser/parseDocument';
import type { ParseResult } from '../../../shared/parser/types';
import { indexBody } from '../../../shared/search/indexText';
import { type ExtractedText, extractText } from './extractText';
import type { ExtractReply, ExtractRequest } from './extractWorker';
import { type OriginalToStore, writeOriginalAsync } from './originalsStore';

/** An original read, parsed and stored (not yet flushed to disk). */
export interface Extraction {
  extracted: ExtractedText;
  parsed: ParseResult;
  /** Relative to the originals folder. */
  storedPath: string;
  /** The search index's folded body (`indexBody(text)`), computed here, off the thread that writes the catalogue (when absent, the index writer folds the text itself). */
  indexedBody?: string;
}

/** Reads, parses and stores on the calling thread (small imports, or where worker threads cannot start). */
export async function extractInProcess(name: string, bytes: Uint8Array, store: OriginalToStore): Promise<Extraction> {
  const extracted = await extractText(name, bytes);
  const parsed = parseDocument(extracted.text, extracted.pages);
  const storedPath = await writeOriginalAsync(store.dir, store.sha256, store.extension, bytes);
  return { extracted, parsed, storedPath, indexedBody: indexBody(extracted.text) };
}

/**
 * Where the worker's code comes from. In a bundled build (the Electron shell), `extractWorker.cjs`
 * beside the bundle, if the build made one; from TypeScript sources (command line, tests, browser
 * host) the worker registers the same TypeScript loader first. Where neither is possible, imports
 * run on one thread.
 */
function workerSource(): { code: string; workerData: unknown } | null {
  // `__dirname` exists only in a CommonJS bundle; the sources run as ES modules.
  const bundled = typeof __dirname === 'string' ? path.join(__dirname, 'extractWorker.cjs') : null;
  if (bundled && fs.existsSync(bundled)) return { code: `require(${JSON.stringify(bundled)});`, workerData: null };
  try {
    const entry = new URL('./extractWorker.ts', import.meta.url).href;
    // The ESM entry of tsx's API (require.resolve would give its CommonJS twin, which cannot register ESM hooks).
    const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } } | string> };
    const api = pkg.exports['./esm/api'];
    if (typeof api !== 'object' || !api.import?.default) return null;
    const tsx = pathToFileURL(path.join(path.dirname(pkgFile), api.import.default)).href;
    const code = `const { workerData } = require('node:worker_threads');
      import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); });`;
    return { code, workerData: { tsx, entry } };
  } catch {
    return null;
  }
}

interface Pending {
  resolve(e: Extraction): void;
  reject(err: unknown): void;
}

class ExtractWorker {
  readonly pending = new Map<number, Pending>();
  alive = true;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: ExtractReply | { ready: true }) => {
      if ('ready' in m) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve({ extracted: m.extracted, parsed: m.parsed, storedPath: m.storedPath, indexedBody: m.indexedBody });
      else p.reject(ApiError.fromBody(m.error));
    });
    const die = (err: unknown) => {
      this.alive = false;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', die);
    worker.on('exit', () => die(new Error('extract worker exited')));
  }
}

/** One worker per spare core (at least one); `KHOLUU_IMPORT_WORKERS` overrides it (0: none). */
function defaultPoolSize(): number {
  const configured = Number(process.env['KHOLUU_IMPORT_WORKERS']);
  if (process.env['KHOLUU_IMPORT_WORKERS'] !== undefined && Number.isInteger(configured) && configured >= 0) return Math.min(configured, 16);
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** Starting workers costs a few hundred milliseconds: worth it only for a bigger import. */
export const POOL_MIN_FILES = 100;

/**
 * A few worker threads that read and parse originals (one per spare core; on a 2-core machine one,
 * beside the main thread that writes the catalogue). A file whose worker dies fails with a clear
 * reason; the rest of the import continues on the calling thread.
 */
export class ExtractPool {
  private nextId = 1;
  private turn = 0;

  private constructor(private readonly workers: ExtractWorker[]) {}

  /** Starts the pool, or returns null where worker threads cannot run this code. */
  static async start(size = defaultPoolSize()): Promise<ExtractPool | null> {
    const source = workerSource();
    if (!source || size < 1) return null;
    const started = await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = new Worker(source.code, { eval: true, workerData: source.workerData });
        try {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('extract worker did not start')), 30_000);
            worker.once('message', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.once('error', (err) => {
              clearTimeout(timer);
              reject(err);
            });
          });
          return new ExtractWorker(worker);
        } catch {
          void worker.terminate();
          return null;
        }
      }),
    );
    const workers = started.filter((w): w is ExtractWorker => w !== null);
    return workers.length > 0 ? new ExtractPool(workers) : null;
  }

  /** Reads, parses and stores one original on the least busy live worker (on this thread if none is left). */
  extract(name: string, bytes: Uint8Array, store: OriginalToStore): Promise<Extraction> {
    const live = this.workers.filter((w) => w.alive);
    if (live.length === 0) return extractInProcess(name, bytes, store);
    const worker = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a), live[this.turn++ % live.length]!);
    const id = this.nextId++;
    return new Promise<Extraction>((resolve, reject) => {
      worker.pending.set(id, {
        resolve,
        reject: (err) =>
          reject(
            err instanceof ApiError
              ? err
              : new ApiError('unreadable_file', `Bộ đọc gặp lỗi khi đọc “${name}”; tệp này chưa được nhập.`, `Extract worker failed on ${name}: ${String(err)}`),
          ),
      });
      const request: ExtractRequest = { id, name, bytes, store };
      worker.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
