import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { ImportFileResult, JobStatus } from '../../shared/contract/types';
import { ApiError, notFound, type ErrorMessage } from '../../shared/contract/errors';
import { JOB_PHASES, type JobPhase } from '../../shared/contract/jobPhases';

/**
 * How many per-file results a job keeps in memory (the most recent ones). A job may handle tens of
 * thousands of files: the full list lives in the catalogue (the import run's report), never here.
 */
export const MAX_RESULTS_KEPT = 500;
/** Finished jobs remembered for late polls; older ones are forgotten so a long session stays small. */
const FINISHED_JOBS_KEPT = 20;

/**
 * Each job's phases and end, as they happen, for measuring tools in the same process (the
 * benchmarks time a command's stages this way); published only while someone listens.
 */
export const JOB_EVENTS = diagnostics.channel('kholuu.job');

export interface JobEvent {
  kind: JobStatus['kind'];
  /** The phase begun, or the state the job ended in. */
  phase: JobPhase | null;
  state: JobStatus['state'];
}

/** Thrown at a safe point when the user cancelled a job; the job ends `cancelled`, not `failed`. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * A long-running piece of work (import, export, packaging…) the UI polls for progress and may
 * cancel. The worker checks `cancelled` at safe points (between files or batches) and stops there.
 */
export class Job {
  readonly status: JobStatus;
  private cancelRequested = false;
  private readonly aborter = new AbortController();

  constructor(kind: JobStatus['kind'], now: string, runId: number | null = null) {
    this.status = {
      id: randomUUID(),
      kind,
      state: 'running',
      total: 0,
      processed: 0,
      imported: 0,
      duplicates: 0,
      failed: 0,
      results: [],
      error: null,
      startedAt: now,
      finishedAt: null,
      runId,
      counting: false,
    };
  }

  get cancelled(): boolean {
    return this.cancelRequested;
  }

  get running(): boolean {
    return this.status.state === 'running';
  }

  /** Aborted on cancel: long steps inside one file (OCR of a page, a file on a reader thread) stop at once instead of at the next file. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  requestCancel(): void {
    if (this.cancelRequested) return;
    this.cancelRequested = true;
    this.aborter.abort();
  }

  /** How much work there is; `counting` while it is still being discovered. */
  setTotal(total: number, counting: boolean): void {
    this.status.total = total;
    this.status.counting = counting;
  }

  /** Counts work that is done and saved (never work still in flight), keeping the latest results. */
  record(...results: ImportFileResult[]): void {
    for (const result of results) {
      this.status.processed++;
      if (result.outcome === 'imported') this.status.imported++;
      else if (result.outcome === 'duplicate') this.status.duplicates++;
      else this.status.failed++;
      this.status.results.push(result);
    }
    const excess = this.status.results.length - MAX_RESULTS_KEPT;
    if (excess > 0) this.status.results.splice(0, excess);
    if (this.status.processed > this.status.total) this.status.total = this.status.processed;
  }

  /** Says what the job is doing now (its words are in `JOB_PHASES`); null when it is between steps. */
  setPhase(phase: JobPhase | null): void {
    this.status.phase = phase === null ? null : JOB_PHASES[phase].vi;
    this.status.phaseCode = phase;
    if (JOB_EVENTS.hasSubscribers) JOB_EVENTS.publish({ kind: this.status.kind, phase, state: this.status.state } satisfies JobEvent);
  }

  /** Ends the job; an `ApiError` says why as a code (worded by the interface) and in Vietnamese (`error`). */
  finish(state: Exclude<JobStatus['state'], 'running'>, now: string, error: ApiError | string | null = null): void {
    this.status.state = state;
    this.status.finishedAt = now;
    this.status.error = error instanceof ApiError ? error.message : error;
    this.status.errorMessage = error instanceof ApiError ? ({ code: error.code, params: error.params } as ErrorMessage) : null;
    this.status.counting = false;
    if (JOB_EVENTS.hasSubscribers) JOB_EVENTS.publish({ kind: this.status.kind, phase: null, state } satisfies JobEvent);
  }

  /**
   * Ends the job on what stopped its work: a cancel at a safe point (`Cancelled`) as cancelled, a
   * refusal (`ApiError`) as failed with its reason, anything else as failed with an unexpected
   * error, logged in English with its stack.
   */
  endOn(err: unknown, now: string, log: (m: string) => void): void {
    this.setPhase(null);
    if (err instanceof Cancelled) this.finish('cancelled', now);
    else if (err instanceof ApiError) this.finish('failed', now, err);
    else {
      log(`[kholuu] ${this.status.kind} job failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      this.finish('failed', now, new ApiError('job.unexpected', { detail: err instanceof Error ? err.message : String(err) }));
    }
  }

  snapshot(): JobStatus {
    return { ...this.status, results: [...this.status.results] };
  }
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  create(kind: JobStatus['kind'], now: string, runId: number | null = null): Job {
    this.forgetOldFinished();
    const job = new Job(kind, now, runId);
    this.jobs.set(job.status.id, job);
    return job;
  }

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw notFound('job', id);
    return job;
  }

  /** Jobs still running, so a host can cancel them before it closes the catalogue. */
  running(): Job[] {
    return [...this.jobs.values()].filter((j) => j.running);
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter((j) => !j.running);
    // Map iteration is insertion order: the first ones are the oldest.
    for (const job of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(job.status.id);
  }
}
