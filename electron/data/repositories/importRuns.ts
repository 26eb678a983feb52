import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportOutcome } from '../../../shared/contract/types';
import type { ImportRun, ImportRunItem, ImportRunItemsPage, ImportRunState, ImportRunsPage } from '../../../shared/contract/types/importing';
import { readStoredText, storedText, type ErrorMessage } from '../../../shared/contract/errors';
import { parseJsonArray } from './sql';
import { cachedStatement } from '../statementCache';

interface RunRow {
  id: number;
  state: ImportRunState;
  fonds_id: number;
  fonds_code: string;
  file_id: number | null;
  sources: string;
  resumable: number;
  actor: string;
  host: string;
  pid: number | null;
  machine: string | null;
  started_at: string;
  finished_at: string | null;
  total: number | null;
  processed: number;
  imported: number;
  duplicates: number;
  failed: number;
  error: string | null;
  resumes: number;
}

interface ItemRow {
  seq: number;
  name: string;
  outcome: ImportOutcome;
  document_id: number | null;
  sha256: string | null;
  size: number | null;
  message: string | null;
  at: string;
}

export interface NewImportRun {
  fondsId: number;
  fileId: number | null;
  sources: string[];
  resumable: boolean;
  actor: string;
  host: string;
  pid: number;
  machine: string;
}

export interface NewRunItem {
  name: string;
  outcome: ImportOutcome;
  documentId: number | null;
  sha256: string | null;
  size: number | null;
  message: string | null;
  /** The same as a code with parameters: stored instead of the Vietnamese when given. */
  text?: ErrorMessage | null;
}

function toRun(r: RunRow): ImportRun {
  return {
    id: r.id,
    state: r.state,
    fondsId: r.fonds_id,
    fondsCode: r.fonds_code,
    fileId: r.file_id,
    sources: parseJsonArray(r.sources),
    resumable: r.resumable === 1,
    actor: r.actor,
    host: r.host,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    total: r.total,
    processed: r.processed,
    imported: r.imported,
    duplicates: r.duplicates,
    failed: r.failed,
    ...storedError(r.error),
    resumes: r.resumes,
  };
}

function storedError(stored: string | null): { error: string | null; errorText: ErrorMessage | null } {
  const { message, text } = readStoredText(stored);
  return { error: message, errorText: text };
}

function toItem(r: ItemRow): ImportRunItem {
  const { message, text } = readStoredText(r.message);
  return { seq: r.seq, name: r.name, outcome: r.outcome, documentId: r.document_id, sha256: r.sha256, size: r.size, message, text, at: r.at };
}

const SELECT_RUN = 'SELECT r.*, f.code AS fonds_code FROM import_runs r JOIN fonds f ON f.id = r.fonds_id';

/** Lần nhập and its report: one row per run, one per file handled. */
export class ImportRunRepository {

  constructor(private readonly db: Database) {}

  private stmt(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }

  create(run: NewImportRun, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO import_runs (state, fonds_id, file_id, sources, resumable, actor, host, pid, machine, started_at)
         VALUES ('running', @fondsId, @fileId, @sources, @resumable, @actor, @host, @pid, @machine, @now)`,
      )
      .run({ ...run, sources: JSON.stringify(run.sources), resumable: run.resumable ? 1 : 0, now });
    return Number(result.lastInsertRowid);
  }

  get(id: number): ImportRun | undefined {
    const row = this.db.prepare(`${SELECT_RUN} WHERE r.id = ?`).get(id) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  /** Newest first. */
  list(offset: number, limit: number): ImportRunsPage {
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM import_runs').get() as { n: number }).n;
    const rows = this.db.prepare(`${SELECT_RUN} ORDER BY r.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as RunRow[];
    return { total, items: rows.map(toRun) };
  }

  /** Runs recorded as running, with the process said to work on them. */
  running(): Array<{ id: number; pid: number | null; machine: string | null }> {
    return this.db.prepare("SELECT id, pid, machine FROM import_runs WHERE state = 'running'").all() as Array<{ id: number; pid: number | null; machine: string | null }>;
  }

  /** Claims a run for this process again (resume): back to running, counters kept. */
  reopen(id: number, pid: number, machine: string, actor: string): void {
    this.db
      .prepare("UPDATE import_runs SET state = 'running', pid = ?, machine = ?, actor = ?, finished_at = NULL, error = NULL, resumes = resumes + 1 WHERE id = ?")
      .run(pid, machine, actor, id);
  }

  setTotal(id: number, total: number): void {
    this.db.prepare('UPDATE import_runs SET total = ? WHERE id = ?').run(total, id);
  }

  /** `error`: why it stopped, stored as its code when it has one (read back as both, see `readStoredText`). */
  finish(id: number, state: Exclude<ImportRunState, 'running'>, now: string, error: { message: string; text?: ErrorMessage | null } | null): void {
    this.db.prepare('UPDATE import_runs SET state = ?, finished_at = ?, error = ?, pid = NULL WHERE id = ?').run(state, now, error ? storedText(error) : null, id);
  }

  /** The next position in the run's report. */
  nextSeq(runId: number): number {
    return ((this.db.prepare('SELECT MAX(seq) AS m FROM import_run_items WHERE run_id = ?').get(runId) as { m: number | null }).m ?? 0) + 1;
  }

  /** The outcome the run's report holds for this file, if it was handled (before an interruption, or in an earlier pass). */
  itemOutcome(runId: number, name: string): ImportOutcome | undefined {
    // One line per file (a retry replaces it): the (run, name) index answers without sorting.
    const row = this.stmt('SELECT outcome FROM import_run_items WHERE run_id = ? AND name = ? LIMIT 1').get(runId, name) as { outcome: ImportOutcome } | undefined;
    return row?.outcome;
  }

  /**
   * Appends files to the report and adds them to the run's counts; a file in `retried` (it failed
   * in an earlier pass of the run and was read again) has its line replaced instead, its failure
   * taken off the counts. Call in the transaction that wrote their documents, so a count never
   * includes uncommitted work.
   */
  addItems(runId: number, firstSeq: number, items: readonly NewRunItem[], now: string, retried: ReadonlySet<string> = new Set()): void {
    if (items.length === 0) return;
    const insert = this.stmt(
      `INSERT INTO import_run_items (run_id, seq, name, outcome, document_id, sha256, size, message, at)
       VALUES (@runId, @seq, @name, @outcome, @documentId, @sha256, @size, @message, @now)`,
    );
    const replace = this.stmt(
      `UPDATE import_run_items SET outcome = @outcome, document_id = @documentId, sha256 = @sha256, size = @size, message = @message, at = @now
       WHERE run_id = @runId AND name = @name AND outcome = 'failed'`,
    );
    const counts = { processed: 0, imported: 0, duplicate: 0, failed: 0 };
    items.forEach((item, i) => {
      const params = { name: item.name, outcome: item.outcome, documentId: item.documentId, sha256: item.sha256, size: item.size, message: storedText(item), runId, seq: firstSeq + i, now };
      if (retried.has(item.name) && replace.run(params).changes > 0) counts.failed--;
      else {
        insert.run(params);
        counts.processed++;
      }
      counts[item.outcome]++;
    });
    this
      .stmt(
        `UPDATE import_runs SET processed = processed + ?, imported = imported + ?, duplicates = duplicates + ?, failed = failed + ?
         WHERE id = ?`,
      )
      .run(counts.processed, counts.imported, counts.duplicate, counts.failed, runId);
  }

  /** The run's counts as committed. */
  counts(runId: number): { processed: number; imported: number; duplicates: number; failed: number } | undefined {
    return this.stmt('SELECT processed, imported, duplicates, failed FROM import_runs WHERE id = ?').get(runId) as
      | { processed: number; imported: number; duplicates: number; failed: number }
      | undefined;
  }

  items(runId: number, outcome: ImportOutcome | undefined, offset: number, limit: number): ImportRunItemsPage {
    const filter = outcome ? ' AND outcome = @outcome' : '';
    const params = { runId, outcome, offset, limit };
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM import_run_items WHERE run_id = @runId${filter}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT seq, name, outcome, document_id, sha256, size, message, at FROM import_run_items WHERE run_id = @runId${filter} ORDER BY seq LIMIT @limit OFFSET @offset`)
      .all(params) as ItemRow[];
    return { total, items: rows.map(toItem) };
  }

  /** Every item of a run in order, one row at a time (reports of tens of thousands of files). */
  *iterateItems(runId: number, outcome: ImportOutcome | undefined): Generator<ImportRunItem> {
    const filter = outcome ? ' AND outcome = @outcome' : '';
    const stmt = this.db.prepare(`SELECT seq, name, outcome, document_id, sha256, size, message, at FROM import_run_items WHERE run_id = @runId${filter} ORDER BY seq`);
    for (const row of stmt.iterate({ runId, outcome }) as IterableIterator<ItemRow>) yield toItem(row);
  }
}
