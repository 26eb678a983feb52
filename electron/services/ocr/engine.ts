/**
 * Tesseract (tesseract.js, WebAssembly) on worker threads, with the Vietnamese trained data from
 * the npm package `@tesseract.js-data/vie`: nothing is fetched and nothing is cached outside the
 * package (`cacheMethod: 'none'`), so OCR works on a machine with no network.
 *
 * One engine serves one import (or one `parse`): a few workers, each recognising one page at a
 * time. Cancelling terminates the workers at once (a page takes seconds; a cancel must not wait
 * for it) and fails what was waiting with `cancelled`.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ApiError, sentence } from '../../../shared/contract/errors';

type Tesseract = typeof import('tesseract.js');
type TWorker = Awaited<ReturnType<Tesseract['createWorker']>>;

const require = createRequire(import.meta.url);

/**
 * The trained data: `4.0.0` is Tesseract's standard `vie` model (the legacy engine's tables,
 * unused here, and an integer LSTM network); `4.0.0_best_int` holds the same network alone
 * (1.57 MB, the "best" shape integerised), so it reads the same words at the same cost
 * (`npm run bench:ocr:stages -- --variants pnm,best`). Neither is the smaller tessdata_fast
 * network Debian's `tesseract-ocr-vie` ships, which the npm package does not carry.
 */
export type OcrModel = '4.0.0' | '4.0.0_best_int';
export const DEFAULT_OCR_MODEL: OcrModel = '4.0.0';

/** The folder holding `vie.traineddata.gz` inside the installed package. */
export function langPathOf(model: OcrModel = DEFAULT_OCR_MODEL): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), model);
}

/** Two workers by default (the machines Kho Lưu runs on have 2–4 cores); never more than the cores. */
export const DEFAULT_OCR_WORKERS = 2;
export const MAX_OCR_WORKERS = 8;

export function clampWorkers(n: number): number {
  return Math.max(1, Math.min(MAX_OCR_WORKERS, Math.floor(n)));
}

/** One recognised word, in the pixels of the image given to the engine. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100. */
  confidence: number;
  /** Block, paragraph and line numbers (Tesseract's layout), to rebuild lines and paragraphs. */
  block: number;
  paragraph: number;
  line: number;
}

/** The message of a file whose OCR was stopped by a cancel (it is not a failure of the file). */
export const OCR_CANCELLED_MESSAGE = sentence('vi', { code: 'ocr.cancelled' });

export function ocrCancelled(): ApiError {
  return new ApiError('ocr.cancelled');
}

/** Tesseract's TSV: level, page, block, par, line, word, left, top, width, height, conf, text. */
export function wordsOfTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const text = c.slice(11).join('\t').trim().normalize('NFC');
    const confidence = Number(c[10]);
    if (text === '' || !(confidence >= 0)) continue;
    words.push({
      text,
      block: Number(c[2]),
      paragraph: Number(c[3]),
      line: Number(c[4]),
      left: Number(c[6]),
      top: Number(c[7]),
      width: Number(c[8]),
      height: Number(c[9]),
      confidence,
    });
  }
  return words;
}

/**
 * What the image given to `recognize` holds: a whole page (its blocks found, as the tesseract
 * command does), one column of text (a cell of a header table, cut out of its page), or one line
 * (a word cut out with its margin, read again to confirm it).
 */
export type PageLayout = 'page' | 'column' | 'line';
/**
 * Tesseract's page segmentation modes: 3 (automatic), 6 (one block of text: a header cell's lines
 * read as lines, with no picture or column looked for), 7 (a single line).
 */
const PAGE_SEGMENTATION: Record<PageLayout, `${Tesseract['PSM']['AUTO' | 'SINGLE_BLOCK' | 'SINGLE_LINE']}`> = { page: '3', column: '6', line: '7' };

interface Slot {
  worker: TWorker;
  busy: boolean;
}

export interface OcrEngineOptions {
  workers?: number;
  model?: OcrModel;
}

export class OcrEngine {
  readonly size: number;
  private readonly model: OcrModel;
  private slots: Promise<Slot[]> | null = null;
  private waiting: Array<{ take: (slot: Slot) => void; fail: (err: unknown) => void }> = [];
  private generation = 0;
  private closed = false;
  private pagesOpen = 0;
  /** Rejects of the pages being read: a terminated worker never settles its job, so they are failed here. */
  private readonly inflight = new Set<(err: unknown) => void>();
  private pageQueue: Array<() => void> = [];

  constructor(options: OcrEngineOptions = {}) {
    this.size = clampWorkers(options.workers ?? DEFAULT_OCR_WORKERS);
    this.model = options.model ?? DEFAULT_OCR_MODEL;
  }

  private start(): Promise<Slot[]> {
    this.slots ??= (async () => {
      // A CommonJS package: its functions sit on `default` when imported from an ES module.
      const imported = (await import('tesseract.js')) as Partial<Tesseract> & { default?: Tesseract };
      const lib = (imported.default ?? imported) as Tesseract;
      const langPath = langPathOf(this.model);
      const workers = await Promise.all(
        Array.from({ length: this.size }, () =>
          lib.createWorker('vie', lib.OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true, logger: () => {}, errorHandler: () => {} }),
        ),
      );
      for (const w of workers) {
        // Whole pages: find the blocks (a header is two columns), as the tesseract command does.
        // Its notes ("Detected 575 diacritics") would otherwise go to this process's stdout (`parse --json` writes there).
        await w.setParameters({ tessedit_pageseg_mode: lib.PSM.AUTO, preserve_interword_spaces: '0', debug_file: '/dev/null' });
      }
      return workers.map((worker) => ({ worker, busy: false }));
    })();
    return this.slots;
  }

  private async acquire(signal?: AbortSignal): Promise<Slot> {
    const slots = await this.start();
    if (signal?.aborted || this.closed) throw ocrCancelled();
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return free;
    }
    return new Promise<Slot>((resolve, reject) => {
      const entry = {
        take: (slot: Slot) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(slot);
        },
        fail: (err: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        reject(ocrCancelled());
      };
      this.waiting.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next.take(slot);
    else slot.busy = false;
  }

  /**
   * Recognises one page image (an image file's bytes: PGM, PNG or JPEG), or one column cut out of
   * a page (`layout`). `dpi` helps Tesseract size its text. With a
   * signal, an abort terminates every worker of this engine (they restart on the next call).
   */
  async recognize(image: Uint8Array, dpi: number, signal?: AbortSignal, layout: PageLayout = 'page'): Promise<{ words: OcrWord[] }> {
    if (signal?.aborted || this.closed) throw ocrCancelled();
    const generation = this.generation;
    const slot = await this.acquire(signal);
    let fail!: (err: unknown) => void;
    const stopped = new Promise<never>((_, reject) => (fail = reject));
    // Raced below; a stop that comes after the page was read has nobody to tell.
    stopped.catch(() => {});
    this.inflight.add(fail);
    const onAbort = () => {
      fail(ocrCancelled());
      void this.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    try {
      await Promise.race([slot.worker.setParameters({ user_defined_dpi: String(Math.round(dpi)), tessedit_pageseg_mode: PAGE_SEGMENTATION[layout] as Tesseract['PSM']['AUTO'] }), stopped]);
      const result = await Promise.race([slot.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { tsv: true, text: false, blocks: false }), stopped]);
      return { words: wordsOfTsv(result.data.tsv ?? '') };
    } catch (err) {
      if (signal?.aborted || generation !== this.generation || this.closed) throw ocrCancelled();
      throw err;
    } finally {
      this.inflight.delete(fail);
      signal?.removeEventListener('abort', onAbort);
      if (generation === this.generation) this.release(slot);
    }
  }

  /**
   * Runs `fn` (decode or draw a page, then recognise it) when fewer than `size + 1` pages are in
   * hand: pages are decoded just ahead of the workers, never a whole import's worth at once.
   */
  async withPage<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.pagesOpen >= this.size + 1) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          this.pageQueue = this.pageQueue.filter((g) => g !== go);
          reject(ocrCancelled());
        };
        this.pageQueue.push(go);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    } else this.pagesOpen++;
    try {
      if (signal?.aborted || this.closed) throw ocrCancelled();
      return await fn();
    } finally {
      const next = this.pageQueue.shift();
      if (next) next();
      else this.pagesOpen--;
    }
  }

  /** Stops every worker now; pages in progress fail with `cancelled`. The engine may be used again. */
  async terminate(): Promise<void> {
    const slots = this.slots;
    this.slots = null;
    this.generation++;
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w.fail(ocrCancelled());
    for (const fail of this.inflight) fail(ocrCancelled());
    this.inflight.clear();
    if (!slots) return;
    const started = await slots.catch(() => [] as Slot[]);
    await Promise.all(started.map((s) => s.worker.terminate().catch(() => {})));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.terminate();
  }
}

/** Workers from `KHOLUU_OCR_WORKERS` when set, else the given setting, else 2 — never more than the cores. */
export function ocrWorkersFrom(setting: number | null | undefined): number {
  const env = Number(process.env['KHOLUU_OCR_WORKERS']);
  const wanted = process.env['KHOLUU_OCR_WORKERS'] !== undefined && Number.isFinite(env) && env >= 1 ? env : (setting ?? DEFAULT_OCR_WORKERS);
  return clampWorkers(Math.min(wanted, Math.max(1, os.availableParallelism())));
}
