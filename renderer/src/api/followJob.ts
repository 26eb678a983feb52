/**
 * Following a job that runs in the host (an import, a register import, packaging, verifying or
 * receiving a package, a bulk action): its status is read every `JOB_POLL_MS` until it leaves
 * `running`. The page stays responsive meanwhile; the job goes on in the host whether or not
 * anyone follows it. Pure of React and of the transport, so it is tested in plain Node.
 */
import type { JobStatus } from '@shared/contract/types';

export const JOB_POLL_MS = 250;

export interface FollowJobOptions {
  /** Reads the job's status (`jobs.get`). */
  read: (jobId: string) => Promise<JobStatus>;
  /** Every status read, the last one (done, cancelled, failed) included. */
  onStatus?: (status: JobStatus) => void;
  /** A read that failed: true stops following (the job is gone), false reads again after the interval. */
  onError?: (err: unknown) => boolean;
  /** True once nobody needs the job any more (the view closed, a newer job took over). */
  stopped?: () => boolean;
  intervalMs?: number;
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The job's final status, or null when following stopped first (or a failed read ended it). */
export async function followJob(jobId: string, options: FollowJobOptions): Promise<JobStatus | null> {
  const { read, onStatus, onError, stopped = () => false, intervalMs = JOB_POLL_MS, wait = sleep } = options;
  for (;;) {
    if (stopped()) return null;
    try {
      const status = await read(jobId);
      if (stopped()) return null;
      onStatus?.(status);
      if (status.state !== 'running') return status;
    } catch (err) {
      if (stopped() || !onError || onError(err)) return null;
    }
    await wait(intervalMs);
  }
}
