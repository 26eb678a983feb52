/**
 * A job followed until it ends, then its result fetched once (a handover's report, what an
 * encryption did). `fetchResult` gets the final status and returns null when there is nothing to
 * fetch (a cancelled or failed job); `onEnd` then runs with the status and that result, while the
 * view still shows the job.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '@shared/contract/types';
import { useJobProgress } from './useJobProgress';

export function useJobResult<R>(
  jobId: string | null,
  fetchResult: (status: JobStatus) => Promise<R | null>,
  onEnd?: (status: JobStatus, result: R | null) => void,
) {
  const [result, setResult] = useState<R | null>(null);
  const fetchRef = useRef(fetchResult);
  fetchRef.current = fetchResult;
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => setResult(null), [jobId]);

  const progress = useJobProgress(jobId, async (status, live) => {
    const r = await fetchRef.current(status);
    if (!live()) return;
    setResult(r);
    onEndRef.current?.(status, r);
  });
  return { ...progress, result };
}
