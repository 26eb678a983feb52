import type { ImportFileResult } from '../../../shared/contract/types';
import { ApiError, coded, type ErrorMessage } from '../../../shared/contract/errors';
import type { NewRunItem } from '../../data/repositories/importRuns';
import { withStatementCache } from '../../data/statementCache';
import { type ServiceContext, nowOf } from '../context';
import { pendingWrites, writePending } from '../documents/writeDocument';
import { type ImportTarget, type PendingShas, type CommittableImport, commitPrepared } from './importDocument';
import { flushFoldersAsync, flushOriginals } from './originalsStore';

/**
 * A batch is sealed when it holds this many files, has been filling for this long, or holds this
 * much text: one transaction (one disk sync) per batch instead of per file, while progress never
 * lags far behind (half a second) and memory stays bounded by the batch, not by the import. Each
 * commit rewrites the pages its rows share with the previous one (the last pages of each table,
 * the leaves of each index, a new full-text segment to merge), so larger batches write fewer
 * pages per document: 9.2 WAL pages per document at 50 files, 7.4 at 100, 5.8 at 200 (3,000
 * generated documents). The time bound is long enough for a batch to stay large on a loaded
 * machine (with 200 ms, an import at 175 documents a second committed 35 at a time and made 63
 * write calls per document).
 */
export const BATCH_MAX_FILES = 200;
export const BATCH_MAX_MS = 500;
export const BATCH_MAX_TEXT_CHARS = 16 * 1024 * 1024;

function reportItem(item: CommittableImport, result: ImportFileResult): NewRunItem {
  return { name: result.name, outcome: result.outcome, documentId: result.documentId, sha256: item.sha256, size: item.size, message: result.message, text: result.text ?? null };
}

function nameOf(item: CommittableImport): string {
  return item.kind === 'settled' ? item.result.name : item.name;
}

interface Sealed {
  items: CommittableImport[];
  seq: number;
  /** The batch's originals reaching the disk; its documents are committed only after. */
  flushed: Promise<void>;
}

/**
 * Prepared files waiting to be committed together with their lines in the run's report, in two
 * stages: while one sealed batch's originals are flushed to disk (in the background), the next
 * batch fills. A document and its report line are written in one transaction, after its original is
 * on disk, so after a crash the report says exactly what the catalogue holds and every catalogued
 * document has its file.
 */
export class ImportBatch {
  private items: CommittableImport[] = [];
  private sealed: Sealed | null = null;
  private readonly pendingNames = new Set<string>();
  /** SHA-256 of files being imported and not yet committed (claimed by `prepareImport`). */
  readonly pendingShas: PendingShas = new Map();
  /** Files that failed in an earlier pass of the run and are read again: their report line is replaced, not added. */
  readonly retried = new Set<string>();
  private textChars = 0;
  private openedAt = 0;
  private nextSeq: number;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly target: ImportTarget,
    private readonly runId: number,
  ) {
    this.nextSeq = ctx.catalogue.repos.importRuns.nextSeq(runId);
  }

  /** True when a file of that name is read but not yet committed. */
  has(name: string): boolean {
    return this.pendingNames.has(name);
  }

  add(item: CommittableImport): void {
    if (this.items.length === 0) this.openedAt = performance.now();
    this.items.push(item);
    this.pendingNames.add(nameOf(item));
    if (item.kind === 'document') this.textChars += item.extracted.text.length;
  }

  get due(): boolean {
    return (
      this.items.length >= BATCH_MAX_FILES || this.textChars >= BATCH_MAX_TEXT_CHARS || (this.items.length > 0 && performance.now() - this.openedAt >= BATCH_MAX_MS)
    );
  }

  /** Commits the previously sealed batch (once flushed), then seals the filling one. Returns what was committed. */
  async rotate(): Promise<ImportFileResult[]> {
    const committed = await this.commitSealed();
    this.seal();
    return committed;
  }

  /** Commits everything read so far. */
  async drain(): Promise<ImportFileResult[]> {
    const first = await this.commitSealed();
    this.seal();
    return [...first, ...(await this.commitSealed())];
  }

  private seal(): void {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.textChars = 0;
    // Each original was flushed as it was written (`writeOriginalAsync`); their folders are left.
    const flushed = flushFoldersAsync(
      this.ctx.catalogue.originalsDir,
      items.flatMap((i) => (i.kind === 'document' ? [i.storedPath] : [])),
    );
    // Awaited in commitSealed; a failure there falls back to committing one by one.
    flushed.catch(() => {});
    this.sealed = { items, seq: this.nextSeq, flushed };
    this.nextSeq += items.length;
  }

  private async commitSealed(): Promise<ImportFileResult[]> {
    const sealed = this.sealed;
    if (!sealed) return [];
    this.sealed = null;
    let results: ImportFileResult[];
    try {
      await sealed.flushed;
      const { catalogue } = this.ctx;
      results = withStatementCache(catalogue.db, () =>
        catalogue.batchTransaction(() => {
          const pending = pendingWrites();
          const r = sealed.items.map((item) => commitPrepared(this.ctx, this.target, item, pending));
          catalogue.repos.importRuns.addItems(this.runId, sealed.seq, r.map((x, i) => reportItem(sealed.items[i]!, x)), nowOf(this.ctx), this.retried);
          // Last: nothing after the full-text index in the transaction makes it write to disk early.
          writePending(this.ctx, pending);
          return r;
        }),
      );
    } catch {
      // One bad file must not sink the others: commit them one by one and fail only the culprit.
      results = sealed.items.map((item, i) => this.commitOne(item, sealed.seq + i));
    }
    for (const item of sealed.items) {
      this.pendingNames.delete(nameOf(item));
      this.retried.delete(nameOf(item));
      // Release the claim prepareImport made (a copy of a still-pending file never made one; a
      // failed file released its own, and its sha may since be claimed by a copy read after it).
      if (item.kind === 'document') this.pendingShas.delete(item.sha256);
    }
    return results;
  }

  private commitOne(item: CommittableImport, seq: number): ImportFileResult {
    const { catalogue } = this.ctx;
    try {
      if (item.kind === 'document') flushOriginals(catalogue.originalsDir, [item.storedPath]);
      return catalogue.transaction(() => {
        const result = commitPrepared(this.ctx, this.target, item);
        catalogue.repos.importRuns.addItems(this.runId, seq, [reportItem(item, result)], nowOf(this.ctx), this.retried);
        return result;
      });
    } catch (err) {
      const name = nameOf(item);
      const said = err instanceof ApiError ? { message: err.message, text: { code: err.code, params: err.params } as ErrorMessage } : coded('import.notSaved', { fileName: name, detail: err instanceof Error ? err.message : String(err) });
      const result: ImportFileResult = { name, outcome: 'failed', documentId: null, ...said };
      // If even this cannot be written, the catalogue is unwritable: let the job fail.
      catalogue.transaction(() => catalogue.repos.importRuns.addItems(this.runId, seq, [reportItem(item, result)], nowOf(this.ctx), this.retried));
      return result;
    }
  }
}
