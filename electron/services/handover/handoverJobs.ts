/**
 * The handover's long work (packaging, verifying, receiving) as jobs of the shared job model: the
 * UI polls `jobs.get` for progress (files, bytes, phase) and `handover.jobResult` for the report.
 */
import { ApiError } from '../../../shared/contract/errors';
import type { JobStatus } from '../../../shared/contract/types';
import type { HandoverJobResult } from '../../../shared/contract/types/handover';
import { type ServiceContext, nowOf } from '../context';
import type { Job } from '../jobs';

const results = new WeakMap<Job, HandoverJobResult>();

export interface JobWork {
  /** The result to keep; `refusal` ends the job as failed with that reason (the result stays readable). */
  result: HandoverJobResult;
  refusal?: ApiError | null;
}

/** Starts `work` on a new job and returns at once; the job records how it ended. */
export function startHandoverJob(ctx: ServiceContext, kind: Exclude<JobStatus['kind'], 'import'>, work: (job: Job) => Promise<JobWork>, log: (m: string) => void = (m) => console.error(m)): string {
  const job = ctx.jobs.create(kind, nowOf(ctx));
  job.setPhase('preparing');
  void (async () => {
    try {
      // Let the call that started the job answer first: preparing the work can take a while.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const done = await work(job);
      results.set(job, done.result);
      job.setPhase(null);
      job.finish(done.refusal ? 'failed' : 'done', nowOf(ctx), done.refusal ?? null);
    } catch (err) {
      job.endOn(err, nowOf(ctx), log);
    }
  })();
  return job.status.id;
}

export function handoverJobResult(ctx: ServiceContext, jobId: string): HandoverJobResult | null {
  return results.get(ctx.jobs.get(jobId)) ?? null;
}
