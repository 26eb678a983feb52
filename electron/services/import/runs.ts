import fs from 'node:fs';
import os from 'node:os';
import { ApiError, coded, notFound } from '../../../shared/contract/errors';
import type { ImportOutcome } from '../../../shared/contract/types';
import type { ExportedFile, ImportRun } from '../../../shared/contract/types/importing';
import { CSV_BOM, REPORT_CSV_HEADER, csvLine, reportCsvRow } from '../../../shared/importing/report';
import { type ServiceContext, audit, nowOf } from '../context';
import type { Job } from '../jobs';
import { type ImportTarget, checkTarget } from './importDocument';
import { type ImportInput, runImport } from './importJob';
import { sweepTemporaryOriginals } from './originalsStore';
import { anyExists } from './walk';
import { SecretPolicy } from '../safety/secretPolicy';

const INTERRUPTED = coded('importRun.interrupted');

/** Whether the process said to work on a run still exists. On another machine we cannot tell: assume so. */
function processAlive(pid: number | null, machine: string | null): boolean {
  if (pid === null) return false;
  if (machine !== null && machine !== os.hostname()) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed process not yet reaped still answers signals (Linux): its state in /proc says Z (or X). */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/**
 * Runs left `running` by a process that no longer exists (crash, kill, power cut) are marked
 * `interrupted` so they can be resumed. Runs of a live process (a command-line import next to the
 * app) are left alone.
 */
export function markInterruptedRuns(ctx: ServiceContext): number {
  const { catalogue } = ctx;
  let marked = 0;
  const deadHere = new Set<number>();
  for (const run of catalogue.repos.importRuns.running()) {
    if (processAlive(run.pid, run.machine)) continue;
    catalogue.transaction(() => {
      catalogue.repos.importRuns.finish(run.id, 'interrupted', nowOf(ctx), INTERRUPTED);
      audit(ctx, 'import.interrupted', 'import_run', run.id, undefined, { pid: run.pid });
    });
    marked++;
    if (run.pid !== null && (run.machine === null || run.machine === os.hostname())) deadHere.add(run.pid);
  }
  // The dead process may have left originals half-written under temporary names: remove them.
  if (deadHere.size > 0) sweepTemporaryOriginals(catalogue.originalsDir, (pid) => deadHere.has(pid));
  return marked;
}

export function getRun(ctx: ServiceContext, runId: number): ImportRun {
  const run = ctx.catalogue.repos.importRuns.get(runId);
  if (!run) throw notFound('import_run', runId);
  return run;
}

/** Starts a new run: records it, then imports in the background under a job the UI can poll. */
export function startImportRun(ctx: ServiceContext, target: ImportTarget, input: ImportInput): Job {
  checkTarget(ctx, target);
  if (input.uploads.length === 0 && !input.stream && !anyExists(input.roots)) {
    throw new ApiError('import.pathsNotFound', { paths: input.roots });
  }
  const { repos } = ctx.catalogue;
  const sources = [...input.roots, ...(input.sourceNames ?? input.uploads.map((u) => u.name))];
  const runId = ctx.catalogue.transaction(() => {
    const id = repos.importRuns.create(
      {
        fondsId: target.fondsId,
        fileId: target.fileId ?? null,
        sources,
        resumable: input.uploads.length === 0 && !input.stream,
        actor: ctx.actor(),
        host: ctx.host,
        pid: process.pid,
        machine: os.hostname(),
      },
      nowOf(ctx),
    );
    audit(ctx, 'import.start', 'import_run', id, undefined, { fondsId: target.fondsId, fileId: target.fileId ?? null, sources: sources.slice(0, 100) });
    return id;
  });
  const job = ctx.jobs.create('import', nowOf(ctx), runId);
  void runImport(ctx, job, target, runId, input);
  return job;
}

/**
 * Resumes a run: walks its sources again, skips every file its report already holds as imported or
 * duplicate, reads again the files that failed (their report line is replaced by the new outcome)
 * and reports the rest, so nothing is imported or counted twice. A finished run is resumed only to
 * retry its failed files.
 */
export function resumeImportRun(ctx: ServiceContext, runId: number): Job {
  markInterruptedRuns(ctx);
  const run = getRun(ctx, runId);
  if (run.state === 'running') {
    throw new ApiError('import.runRunning', { runId });
  }
  if (!run.resumable) {
    throw new ApiError('import.runUploaded', { runId });
  }
  if (run.state === 'done' && run.failed === 0) {
    throw new ApiError('import.runComplete', { runId });
  }
  const target = { fondsId: run.fondsId, fileId: run.fileId };
  checkTarget(ctx, target);
  const { repos } = ctx.catalogue;
  ctx.catalogue.transaction(() => {
    repos.importRuns.reopen(runId, process.pid, os.hostname(), ctx.actor());
    audit(ctx, 'import.resume', 'import_run', runId, { state: run.state, processed: run.processed }, { state: 'running' });
  });
  const job = ctx.jobs.create('import', nowOf(ctx), runId);
  Object.assign(job.status, { processed: run.processed, imported: run.imported, duplicates: run.duplicates, failed: run.failed, total: run.total ?? run.processed });
  void runImport(ctx, job, target, runId, { roots: run.sources, uploads: [] });
  return job;
}

/** The run's report as a file: CSV for people (Vietnamese headers) or JSON for programs. */
export function exportRunReport(ctx: ServiceContext, runId: number, format: 'csv' | 'json', outcome?: ImportOutcome): ExportedFile {
  // A report is shown to whoever exports it: the viewing policy applies (a secret file keeps its outcome only).
  const policy = SecretPolicy.of(ctx);
  const run = policy.importRun(getRun(ctx, runId));
  const items = (function* () {
    for (const item of ctx.catalogue.repos.importRuns.iterateItems(runId, outcome)) yield policy.importItem(item);
  })();
  const suffix = outcome ? `-${outcome}` : '';
  if (format === 'json') {
    const parts: string[] = [];
    for (const item of items) parts.push(JSON.stringify(item));
    return {
      fileName: `bao-cao-nhap-${runId}${suffix}.json`,
      mediaType: 'application/json',
      content: `{"run":${JSON.stringify(run)},"items":[\n${parts.join(',\n')}\n]}\n`,
    };
  }
  const lines = [CSV_BOM + csvLine(REPORT_CSV_HEADER)];
  for (const item of items) lines.push(reportCsvRow(item));
  return { fileName: `bao-cao-nhap-${runId}${suffix}.csv`, mediaType: 'text/csv', content: lines.join('') };
}
