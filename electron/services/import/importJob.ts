import fs from 'node:fs';
import type { ImportFileResult, JobState } from '../../../shared/contract/types';
import { ApiError, causeOf, codedError } from '../../../shared/contract/errors';
import type { Job } from '../jobs';
import { type ServiceContext, audit, nowOf } from '../context';
import { ImportBatch } from './importBatch';
import { ClaimOrder, type ImportSource, type ImportTarget, type PreparedImport, prepareImport } from './importDocument';
import type { OriginalToStore } from './originalsStore';
import { walkFiles } from './walk';
import { readWholeAsync } from '../../data/readWhole';
import { backupNow } from '../safety/backups/backupNow';
import { OcrStage, stoppedByCancel } from '../ocr/importStage';
import { type UploadStream, UploadStalled } from './uploadStream';

/**
 * What a run imports: files and folders on this machine (walked again on resume), uploaded bytes,
 * and an upload still arriving in parts (a folder sent from the browser).
 */
export interface ImportInput {
  roots: string[];
  uploads: ImportSource[];
  stream?: UploadStream;
  /** What the run's report names as its sources when they are not the files' own names (the folders an upload came from). */
  sourceNames?: string[];
}

/** Lets the event loop serve progress polls and cancel calls between files. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file on disk, stat'ed and read only when its turn comes; read on the thread pool, not the thread that writes the catalogue. */
export function pathSource(filePath: string): ImportSource {
  let size: number | undefined;
  return {
    name: filePath,
    get size() {
      size ??= fs.statSync(filePath).size;
      return size;
    },
    read: () => readWholeAsync(filePath),
  };
}

/** A file to import, or a source that could not be read; `onDisk` when its name is a unique path. */
type Entry = { name: string; onDisk: boolean } & ({ source: ImportSource } | { failed: PreparedImport });

/** `onStall` is told when an upload stopped arriving; the files received before are still imported. */
async function* entriesOf(input: ImportInput, onStall: (stalled: UploadStalled) => void): AsyncGenerator<Entry> {
  for (const source of input.uploads) yield { name: source.name, onDisk: false, source };
  if (input.stream) {
    try {
      for await (const source of input.stream.sources()) yield { name: source.name, onDisk: false, source };
    } catch (err) {
      if (!(err instanceof UploadStalled)) throw err;
      onStall(err);
      return;
    }
  }
  for (const e of walkFiles(input.roots)) {
    if (e.error === undefined) yield { name: e.path, onDisk: true, source: pathSource(e.path) };
    else {
      const result = { name: e.path, outcome: 'failed' as const, documentId: null, message: e.error.message, text: e.error.text };
      yield { name: e.path, onDisk: true, failed: { kind: 'settled', result, sha256: null, size: null } };
    }
  }
}

/** Counts the files first (names only, nothing read) so progress has a total; stops early on cancel. */
async function countFiles(job: Job, roots: string[]): Promise<number> {
  let n = 0;
  for (const _ of walkFiles(roots)) {
    n++;
    if (n % 1_000 === 0) {
      job.setTotal(Math.max(n, job.status.processed), true);
      await yieldToEventLoop();
      if (job.cancelled) break;
    }
  }
  return n;
}

/**
 * A bulk import (files or folders named on this machine, an upload in parts, or many uploads at once) is preceded by
 * a backup, so a wrong import can be undone by a restore; a few uploaded files are not.
 */
export function isBulkImport(input: ImportInput, total: number): boolean {
  return input.roots.length > 0 || input.stream !== undefined || total >= 20;
}

/**
 * Files read ahead while earlier ones are parsed and committed: enough for the reader thread to
 * keep parsing while the main thread waits for a batch's originals to reach the disk and then
 * commits it (the thread is handed files only between transactions: see `PER_WORKER`).
 */
export const READ_AHEAD_FILES = 256;
/** …but never more than this many bytes of originals held at once. */
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

function sizeOf(source: ImportSource): number {
  try {
    return source.size;
  } catch {
    return 0;
  }
}

/**
 * Runs an import to its end: counts the files, then reads them (a few ahead, each parsed on a
 * reader thread under its time and memory budget), and commits them in batches, recording each
 * file in the run's report in the same transaction as its document. Progress counts committed
 * work only. A file already in the run's report (handled before an interruption) is skipped
 * without being counted again; one already in the catalogue under the same SHA-256 is reported as
 * a duplicate. Cancelling stops the reading at once (a file half read is left for a resume); what
 * was already read is committed first.
 */
export async function runImport(ctx: ServiceContext, job: Job, target: ImportTarget, runId: number, input: ImportInput): Promise<void> {
  const runs = ctx.catalogue.repos.importRuns;
  let state: Exclude<JobState, 'running'> = 'done';
  let error: ApiError | null = null;
  // Cancelling stops the files being read at once, even one in the middle of being read.
  const stopReading = () => ctx.readers.cancel(job);
  if (job.signal.aborted) stopReading();
  else job.signal.addEventListener('abort', stopReading, { once: true });
  const ocr = new OcrStage(ctx, job);
  try {
    const total = input.uploads.length + (input.stream?.expected ?? 0) + (input.roots.length > 0 ? await countFiles(job, input.roots) : 0);
    job.setTotal(Math.max(total, job.status.processed), false);
    runs.setTotal(runId, total);
    // An upload that ends short of what it announced (files the browser could not read) sets the true total.
    if (input.stream) {
      input.stream.onEnd = (received) => {
        const actual = input.uploads.length + received;
        if (actual === total) return;
        job.setTotal(Math.max(actual, job.status.processed), false);
        runs.setTotal(runId, actual);
      };
    }
    if (isBulkImport(input, total) && !job.cancelled) {
      job.setPhase('backupBeforeImport');
      await backupNow(ctx, 'pre-import', `lần nhập số ${runId}`);
      job.setPhase(null);
    }
    const extract = ocr.wrap((name: string, bytes: Uint8Array, store: OriginalToStore) => ctx.readers.extract(name, bytes, store, { group: job }));

    const batch = new ImportBatch(ctx, target, runId);
    const claims = new ClaimOrder();
    const ahead: Array<{ name: string; bytes: number; prepared: Promise<PreparedImport> }> = [];
    const aheadNames = new Set<string>();
    let aheadBytes = 0;
    const takeOne = async () => {
      const next = ahead.shift()!;
      aheadBytes -= next.bytes;
      const prepared = await next.prepared;
      aheadNames.delete(next.name);
      if (prepared.kind === 'cancelled' || (job.cancelled && stoppedByCancel(prepared))) return;
      batch.add(prepared);
      if (batch.due) record(await batch.rotate());
    };
    // The job counts what the run's report counts (a file retried replaces its failure).
    const record = (results: ImportFileResult[]) => {
      job.record(...results);
      const counts = runs.counts(runId);
      if (counts) Object.assign(job.status, counts);
    };

    const upload = { stalled: null as UploadStalled | null };
    for await (const entry of entriesOf(input, (reason) => (upload.stalled = reason))) {
      if (job.cancelled) break;
      // A path names one file: one already reported (before an interruption, or twice in overlapping folders) is done,
      // unless it failed then: a resume reads it again.
      if (entry.onDisk) {
        if (aheadNames.has(entry.name) || batch.has(entry.name)) continue;
        const before = runs.itemOutcome(runId, entry.name);
        if (before === 'failed') batch.retried.add(entry.name);
        else if (before !== undefined) continue;
      }
      const bytes = 'source' in entry ? sizeOf(entry.source) : 0;
      const prepared = 'source' in entry ? prepareImport(ctx, entry.source, batch.pendingShas, extract, claims.next()) : Promise.resolve(entry.failed);
      ahead.push({ name: entry.name, bytes, prepared });
      aheadNames.add(entry.name);
      aheadBytes += bytes;
      while (ahead.length >= READ_AHEAD_FILES || (ahead.length > 1 && aheadBytes > READ_AHEAD_BYTES)) await takeOne();
      await yieldToEventLoop();
    }
    // What was read before a cancel is committed; files whose reading it stopped are left for a resume.
    while (ahead.length > 0) await takeOne();
    record(await batch.drain());
    // A cancel after the last file was read ahead still stopped the reading of some (OCR): resumable.
    if (job.cancelled) state = 'cancelled';
    else if (upload.stalled !== null) {
      state = 'failed';
      error = new ApiError('job.uploadStalled', { received: upload.stalled.received, expected: upload.stalled.expected });
    }
  } catch (err) {
    state = 'failed';
    error = new ApiError('job.importStopped', { cause: causeOf(err) });
  } finally {
    job.signal.removeEventListener('abort', stopReading);
    input.stream?.close();
    await ocr.close();
  }
  finishRun(ctx, job, runId, state, error);
}

function finishRun(ctx: ServiceContext, job: Job, runId: number, state: Exclude<JobState, 'running'>, error: ApiError | null): void {
  const now = nowOf(ctx);
  const s = job.status;
  try {
    ctx.catalogue.transaction(() => {
      ctx.catalogue.repos.importRuns.finish(runId, state, now, error ? codedError(error) : null);
      audit(ctx, 'import.finish', 'import_run', runId, undefined, { state, processed: s.processed, imported: s.imported, duplicates: s.duplicates, failed: s.failed, error: error?.message ?? null });
    });
  } catch (err) {
    error ??= new ApiError('job.finishNotRecorded', { detail: String(err) });
  }
  job.finish(state, now, error);
}
