/**
 * Follows one handover job (package, verify, receive) until it ends, then fetches its report with
 * `handover.jobResult`.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '@shared/contract/types';
import type { HandoverJobResult } from '@shared/contract/types/handover';
import { call } from '../../api/client';
import { useJobProgress } from '../../api/useJobProgress';

export function useHandoverJob(jobId: string | null, onEnd?: (status: JobStatus, result: HandoverJobResult | null) => void) {
  const [result, setResult] = useState<HandoverJobResult | null>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => setResult(null), [jobId]);

  const progress = useJobProgress(jobId, async (status, live) => {
    const r = (await call('handover.jobResult', { jobId: status.id })).result;
    if (!live()) return;
    setResult(r);
    onEndRef.current?.(status, r);
  });
  return { ...progress, result };
}
