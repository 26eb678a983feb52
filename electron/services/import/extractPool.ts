import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import { parseDocument } from '../../../shared/parser/parseDocument';
import type { ParseResult } from '../../../shared/parser/types';
import { indexBody } from '../../../shared/search/indexText';
import { type ExtractedText, extractText } from './extractText';
import type { ExtractReply, ExtractRequest } from './extractWorker';
import { type FileBudget, DEFAULT_FILE_BUDGET, ReadingCancelled, overMemory, overTime, timeBudgetMs } from './fileBudget';
import { type OriginalToStore, writeOriginalAsync } from './originalsStore';
import { workerSource } from '../workers/workerSource';

/** An original read, parsed and stored (not yet flushed to disk). */
export interface Extraction {
  extracted: ExtractedText;
  parsed: ParseResult;
  /** Relative to the originals folder; written and flushed (`writeOriginalAsync`), its folder not yet. */
  storedPath: string;
  /** The search index's folded body (`indexBody(text)`), computed here, off the thread that writes the catalogue (when absent, the index writer folds the text itself). */
  indexedBody?: string;
}

/** An original read and parsed, not yet stored. */
type Reading = Omit<Extraction, 'storedPath'>;

/** Reads and parses on the calling thread, without a budget (only where reader threads cannot start). */
async function readInProcess(name: string, bytes: Uint8Array): Promise<Reading> {
  const extracted = await extractText(name, bytes);
  const parsed = parseDocument(extracted.text, extracted.pages);
  return { extracted, parsed, indexedBody: indexBody(extracted.text) };
}

/** Reads, parses and stores on the calling thread, without a budget (only where reader threads cannot start). */
export async function extractInProcess(name: string, bytes: Uint8Array, to: OriginalToStore): Promise<Extraction> {
  return { ...(await readInProcess(name, bytes)), storedPath: await store(name, bytes, to) };
}

/**
 * Stores an original that was read (flushed, its folder not yet), on the thread pool. Not on the reader
 * thread, which every file's parse waits for: creating a file waits on the file system's journal,
 * which the import's own flushes keep busy (1.4–2.4 ms of wall time per file was measured there
 * on a loaded machine, as long as the parse).
 */
async function store(name: string, bytes: Uint8Array, to: OriginalToStore): Promise<string> {
  try {
    return await writeOriginalAsync(to.dir, to.sha256, to.extension, bytes, to.key);
  } catch (err) {
    throw new ApiError('import.readFailed', { fileName: name, detail: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * One reader thread per spare core (at least one, at most four); `KHOLUU_IMPORT_WORKERS` overrides
 * it (0: read on the calling thread, without budgets). On two cores a second reader was measured
 * (bench:import, 3,000 documents, load 3.8): 463–532 documents/s against 505–569 with one, and
 * 0.2–0.6 ms more CPU per document, so the thread that commits keeps the second core to itself.
 * Threads past the first start only when files queue up (a bulk import), not for one file.
 */
export function defaultPoolSize(): number {
  const configured = Number(process.env['KHOLUU_IMPORT_WORKERS']);
  if (process.env['KHOLUU_IMPORT_WORKERS'] !== undefined && Number.isInteger(configured) && configured >= 0) return Math.min(configured, 16);
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/**
 * Files handed to one reader thread at once: the one it reads and more, so it keeps reading while
 * the main thread is busy committing a batch (it hands out the next files only between
 * transactions): committing a batch of documents takes the main thread about as long as the
 * thread takes to read 0.4 times as many (a batch of 200 as long as 80 are read), and with 8 per
 * thread (50-file batches) it stood idle for a third of the import. Files are handed out in turn,
 * one to each thread with room, so no thread holds the queue while another waits. Their clocks
 * start when the thread begins each one.
 */
const PER_WORKER = 128;

/** Files handed to each running thread before the pool's other threads are started. */
const MORE_READERS_AT = 2;

/**
 * A reader thread that has read a file this large is ended once it has replied, and a new one
 * started: its heap grew to hold that file's bytes, text and folded text several times over, and
 * V8 keeps what it grew to, so the process would carry it through the catalogue write (where the
 * main thread holds the text too) and beyond. Nothing is queued behind such a file on its thread.
 */
export const RETIRE_AFTER_BYTES = 8 * 1024 * 1024;
const large = (t: Task) => t.bytes.byteLength >= RETIRE_AFTER_BYTES;

interface Task {
  id: number;
  /** The caller (an import run): cancelling stops its files only. */
  group: object | undefined;
  name: string;
  bytes: Uint8Array;
  resolve(r: Reading): void;
  reject(err: unknown): void;
  timer?: NodeJS.Timeout;
  /** Cancelled (and answered so) after it was sent to its thread, which still reads it in turn. */
  dropped?: boolean;
}

/**
 * A reader thread and the files handed to it, in the order it reads them: it reads one at a time,
 * first come first read, so the first of `tasks` is the one it is reading (or, for the moment its
 * message takes to cross, about to). The pool keeps time by that, without a message per file.
 */
class Reader {
  readonly tasks: Task[] = [];
  alive = true;
  constructor(readonly worker: Worker) {}

  /** The file the thread is reading. */
  get reading(): Task | undefined {
    return this.tasks[0];
  }
}

/**
 * Reader threads for the import: each original is read (`extractText`) and parsed on one, off
 * the thread that writes the catalogue, then stored (see `store`), under a budget of time and memory per file
 * (`fileBudget.ts`). A file over its budget — or one that kills its thread — fails with the reason;
 * the thread is replaced and the files queued behind it go on. Cancelling an import stops its
 * files at once, even one in the middle of being read. Threads start on first use and are kept
 * for the next import until `close`. Where threads cannot start, files are read on the calling
 * thread (without a budget).
 */
export class ExtractPool {
  private nextId = 1;
  private readonly queue: Task[] = [];
  private readers: Reader[] = [];
  private starting: Promise<void> | null = null;
  private unavailable = false;
  private closed = false;
  private readonly cancelled = new WeakSet<object>();

  constructor(
    private readonly size = defaultPoolSize(),
    readonly budget: FileBudget = DEFAULT_FILE_BUDGET,
  ) {
    if (size < 1) this.unavailable = true;
  }

  /** A pool with its threads started, or null where reader threads cannot run this code. */
  static async start(size = defaultPoolSize(), budget: FileBudget = DEFAULT_FILE_BUDGET): Promise<ExtractPool | null> {
    const pool = new ExtractPool(size, budget);
    await pool.ensureStarted();
    return pool.unavailable ? null : pool;
  }

  /** The reader threads' ids, oldest first (a thread is replaced after a large file, a budget overrun or a cancel). */
  get threadIds(): number[] {
    return this.readers.map((r) => r.worker.threadId);
  }

  /** True when files are read on reader threads under the budget. */
  get budgeted(): boolean {
    return !this.unavailable;
  }

  /**
   * Reads and parses one original on a reader thread, within its budget, then stores it. Rejects
   * with an ApiError naming the file (unreadable, over its budget, not stored) or with
   * `ReadingCancelled` after `cancel(group)`.
   */
  async extract(
    name: string,
    bytes: Uint8Array,
    to: OriginalToStore,
    options: { group?: object } = {},
  ): Promise<Extraction> {
    if (this.closed || (options.group && this.cancelled.has(options.group))) throw new ReadingCancelled();
    await this.ensureStarted(1);
    const reading = this.unavailable
      ? await readInProcess(name, bytes)
      : await new Promise<Reading>((resolve, reject) => {
          const task: Task = { id: this.nextId++, group: options.group, name, bytes, resolve, reject };
          this.queue.push(task);
          this.dispatch();
        });
    return { ...reading, storedPath: await store(name, bytes, to) };
  }

  /** Stops every file of `group` at once: queued ones are dropped, threads reading one are ended (and replaced). */
  cancel(group: object): void {
    this.cancelled.add(group);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.group !== group) continue;
      const [task] = this.queue.splice(i, 1);
      task!.reject(new ReadingCancelled());
    }
    for (const reader of [...this.readers]) {
      const mine = reader.tasks.filter((t) => t.group === group && !t.dropped);
      if (mine.length === 0) continue;
      if (reader.reading?.group === group) {
        // A thread in the middle of one of these files is ended; another import's files on it are read again on its replacement.
        for (const t of mine) this.settle(reader, t, new ReadingCancelled());
        this.replace(reader, null);
        continue;
      }
      // The thread will still come to these after the file it reads: they stay in its list, in
      // their place, so that the files behind them are timed from when it gets to each one.
      for (const t of mine) {
        t.dropped = true;
        t.reject(new ReadingCancelled());
      }
    }
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ReadingCancelled());
    const readers = this.readers;
    this.readers = [];
    for (const r of readers) {
      r.alive = false;
      for (const t of r.tasks.splice(0)) {
        clearTimeout(t.timer);
        t.reject(new ReadingCancelled());
      }
    }
    await Promise.all(readers.map((r) => r.worker.terminate()));
  }

  /** Starts reader threads until there are `wanted` (at most the pool's size). */
  private ensureStarted(wanted = this.size): Promise<void> {
    const target = Math.min(this.size, wanted);
    if (this.unavailable || this.closed || this.readers.length >= target) return Promise.resolve();
    this.starting ??= (async () => {
      const missing = target - this.readers.length;
      const started = await Promise.all(Array.from({ length: missing }, () => this.startReader()));
      for (const r of started) if (r) this.readers.push(r);
      if (this.readers.length === 0) this.unavailable = true;
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async startReader(): Promise<Reader | null> {
    const source = workerSource('extractWorker', () => new URL('./extractWorker.ts', import.meta.url).href);
    if (!source || this.closed) return null;
    const worker = new Worker(source.code, {
      eval: true,
      workerData: source.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('reader thread did not start')), 60_000);
        worker.once('message', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.once('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
    } catch {
      void worker.terminate();
      return null;
    }
    const reader = new Reader(worker);
    worker.on('message', (m: ExtractReply) => this.onMessage(reader, m));
    worker.on('error', (err) => this.onDeath(reader, err));
    worker.on('exit', () => this.onDeath(reader, new Error('reader thread exited')));
    return reader;
  }

  private dispatch(): void {
    const hasRoom = (reader: Reader) => reader.alive && reader.tasks.length < PER_WORKER && !reader.tasks.some(large);
    for (let open = this.readers.filter(hasRoom); open.length > 0 && this.queue.length > 0; open = open.filter(hasRoom)) {
      for (const reader of open) {
        const task = this.queue.shift();
        if (!task) break;
        reader.tasks.push(task);
        if (reader.reading === task) this.arm(reader, task);
        const request: ExtractRequest = { type: 'extract', id: task.id, name: task.name, bytes: task.bytes };
        reader.worker.postMessage(request);
      }
    }
    for (const reader of this.readers) this.holdOpen(reader);
    // Files waiting behind the one being read on every thread: a bulk import; start the rest.
    const backlog = this.queue.length > 0 || (this.readers.length > 0 && this.readers.every((r) => r.tasks.length >= MORE_READERS_AT));
    if (backlog && this.readers.length < this.size) void this.ensureStarted().then(() => this.dispatch());
  }

  private onMessage(reader: Reader, m: ExtractReply): void {
    if (!reader.alive) return;
    const task = reader.tasks.find((t) => t.id === m.id);
    if (task) this.finish(reader, task, m);
  }

  /**
   * Starts the clock of the file the thread begins (handed to an idle thread, or next once the one
   * before is done): when it runs out, the file fails and its thread is replaced.
   */
  private arm(reader: Reader, task: Task): void {
    const budgetMs = timeBudgetMs(this.budget, task.bytes.byteLength);
    task.timer = setTimeout(() => {
      if (!reader.alive || !reader.tasks.includes(task)) return;
      this.settle(reader, task, overTime(task.name, budgetMs));
      this.replace(reader, null);
    }, budgetMs);
  }

  private finish(reader: Reader, task: Task, reply: ExtractReply): void {
    if (reply.ok) this.settle(reader, task, null, { extracted: reply.extracted, parsed: reply.parsed, indexedBody: reply.indexedBody });
    else this.settle(reader, task, ApiError.fromBody(reply.error));
    if (large(task)) this.replace(reader, null);
    else this.dispatch();
  }

  /** A thread with files keeps the process running; an idle one does not keep a command-line process alive. */
  private holdOpen(reader: Reader): void {
    if (reader.tasks.length > 0) reader.worker.ref();
    else reader.worker.unref();
  }

  private settle(reader: Reader, task: Task, err: unknown, result?: Reading): void {
    clearTimeout(task.timer);
    const i = reader.tasks.indexOf(task);
    if (i >= 0) reader.tasks.splice(i, 1);
    if (reader.alive) {
      this.holdOpen(reader);
      // The thread goes on with the next of its files.
      if (i === 0 && reader.reading) this.arm(reader, reader.reading);
    }
    if (result) task.resolve(result);
    else task.reject(err);
  }

  private onDeath(reader: Reader, err: unknown): void {
    if (!reader.alive) return;
    const running = reader.reading;
    if (running) {
      const outOfMemory = (err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.settle(
        reader,
        running,
        outOfMemory
          ? overMemory(running.name, this.budget.memoryMb)
          : new ApiError('import.readerFailed', { fileName: running.name, detail: String(err) }),
      );
    }
    this.replace(reader, err);
  }

  /** Ends a reader thread and starts another; files it had not begun go back to the front of the queue. */
  private replace(reader: Reader, _cause: unknown): void {
    if (!reader.alive) return;
    reader.alive = false;
    this.readers = this.readers.filter((r) => r !== reader);
    const waiting = reader.tasks.splice(0);
    for (const t of waiting) clearTimeout(t.timer);
    for (const t of waiting.reverse()) if (!t.dropped) this.queue.unshift(t);
    void reader.worker.terminate();
    if (this.closed) return;
    // Its replacement; more start as files queue up.
    void this.ensureStarted(this.readers.length + 1).then(() => {
      // No thread could be started again: read what is left on this thread rather than stall.
      if (this.readers.length === 0) {
        this.unavailable = true;
        for (const t of this.queue.splice(0)) readInProcess(t.name, t.bytes).then(t.resolve, t.reject);
        return;
      }
      this.dispatch();
    });
  }
}
