/**
 * One job followed by a view: its latest status (progress, phase, counts), the error of a failed
 * read, and cancel. `onEnd` runs once when the job leaves `running`, while the view still shows it.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '@shared/contract/types';
import { ApiError } from '@shared/contract/errors';
import { call } from './client';
import { followJob } from './followJob';
import { errorMessage } from '../util/errors';

/** A job's status as the host has it now (`jobs.get`). */
export const readJob = (jobId: string): Promise<JobStatus> => call('jobs.get', { jobId });

export type JobEnd = (status: JobStatus, live: () => boolean) => void | Promise<void>;

export function useJobProgress(jobId: string | null, onEnd?: JobEnd) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    setStatus(null);
    setError(null);
    if (!jobId) return;
    let live = true;
    const isLive = () => live;
    void followJob(jobId, {
      read: readJob,
      onStatus: setStatus,
      onError: (err) => {
        setError(errorMessage(err));
        // A job the host no longer knows will never end; anything else may be a passing hiccup.
        return err instanceof ApiError && err.kind === 'not_found';
      },
      stopped: () => !live,
    }).then(async (last) => {
      if (!last || !live) return;
      try {
        await onEndRef.current?.(last, isLive);
      } catch (err) {
        if (live) setError(errorMessage(err));
      }
    });
    return () => {
      live = false;
    };
  }, [jobId]);

  const cancel = async () => {
    if (jobId) setStatus(await call('jobs.cancel', { jobId }));
  };
  return { status, error, cancel };
}
