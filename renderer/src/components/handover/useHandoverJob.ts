/**
 * Follows one handover job (package, verify, receive): polls `jobs.get` until it ends, then fetches
 * its report with `handover.jobResult`. The page stays responsive: the work runs in the host.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '@shared/contract/types';
import type { HandoverJobResult } from '@shared/contract/types/handover';
import { call } from '../../api/client';
import { errorMessage } from '../../util/errors';

const POLL_MS = 250;

export function useHandoverJob(jobId: string | null, onEnd?: (status: JobStatus, result: HandoverJobResult | null) => void) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<HandoverJobResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    setStatus(null);
    setResult(null);
    setError(null);
    if (!jobId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const s = await call('jobs.get', { jobId });
        if (!live) return;
        setStatus(s);
        if (s.state !== 'running') {
          const r = (await call('handover.jobResult', { jobId })).result;
          if (!live) return;
          setResult(r);
          onEndRef.current?.(s, r);
          return;
        }
      } catch (err) {
        if (!live) return;
        setError(errorMessage(err));
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  const cancel = async () => {
    if (jobId) setStatus(await call('jobs.cancel', { jobId }));
  };
  return { status, result, error, cancel };
}
