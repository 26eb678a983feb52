import { randomUUID } from 'node:crypto';
import type { ImportFileResult, JobStatus } from '../../shared/contract/types';
import { notFound } from '../../shared/contract/errors';

/** How many per-file results a job keeps in memory; the full list goes to the job's report. */
const MAX_RESULTS_KEPT = 2_000;

/** A long-running piece of work the UI polls for progress and may cancel. */
export class Job {
  readonly status: JobStatus;
  private cancelRequested = false;

  constructor(kind: JobStatus['kind'], now: string) {
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
    };
  }

  get cancelled(): boolean {
    return this.cancelRequested;
  }

  requestCancel(): void {
    this.cancelRequested = true;
  }

  record(result: ImportFileResult): void {
    this.status.processed++;
    if (result.outcome === 'imported') this.status.imported++;
    else if (result.outcome === 'duplicate') this.status.duplicates++;
    else this.status.failed++;
    if (this.status.results.length < MAX_RESULTS_KEPT) this.status.results.push(result);
  }

  finish(state: Exclude<JobStatus['state'], 'running'>, now: string, error: string | null = null): void {
    this.status.state = state;
    this.status.finishedAt = now;
    this.status.error = error;
  }

  snapshot(): JobStatus {
    return { ...this.status, results: [...this.status.results] };
  }
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  create(kind: JobStatus['kind'], now: string): Job {
    const job = new Job(kind, now);
    this.jobs.set(job.status.id, job);
    return job;
  }

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw notFound('tác vụ', 'Job', id);
    return job;
  }

  /** Jobs still running, so a host can cancel them before it closes the catalogue. */
  running(): Job[] {
    return [...this.jobs.values()].filter((j) => j.status.state === 'running');
  }
}
