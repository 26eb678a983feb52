/**
 * Follows one handover job (package, verify, receive) until it ends, then fetches its report with
 * `handover.jobResult` (a failed or cancelled job has one too: what was checked before it stopped).
 */
import type { JobStatus } from '@shared/contract/types';
import type { HandoverJobResult } from '@shared/contract/types/handover';
import { call } from '../../api/client';
import { useJobResult } from '../../api/useJobResult';

const fetchReport = async (status: JobStatus): Promise<HandoverJobResult | null> =>
  (await call('handover.jobResult', { jobId: status.id })).result;

export function useHandoverJob(jobId: string | null, onEnd?: (status: JobStatus, result: HandoverJobResult | null) => void) {
  return useJobResult(jobId, fetchReport, onEnd);
}
