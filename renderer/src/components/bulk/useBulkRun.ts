/**
 * Runs a bulk action: at once for a small selection, else as a job polled for its progress (and
 * stoppable while the records are being checked); then its result, and undo of it.
 */
import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '@shared/contract/api';
import type { JobStatus } from '@shared/contract/types';
import type { BulkResult } from '@shared/contract/types/bulk';
import { call } from '../../api/client';
import { followJob } from '../../api/followJob';
import { readJob } from '../../api/useJobProgress';
import { errorMessage, jobErrorText } from '../../util/errors';

export type RunState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export function useBulkRun() {
  const [state, setState] = useState<RunState>('idle');
  const [job, setJob] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const [undoing, setUndoing] = useState(false);
  const live = useRef(true);
  const jobRef = useRef<string | null>(null);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  async function run(input: InputOf<'bulk.start'>): Promise<BulkResult | null> {
    setState('running');
    setError(null);
    try {
      const started = await call('bulk.start', input);
      if (started.result) {
        setResult(started.result);
        setState('done');
        return started.result;
      }
      const jobId = started.jobId!;
      jobRef.current = jobId;
      const status = await followJob(jobId, {
        read: readJob,
        onStatus: setJob,
        onError: (err) => {
          throw err;
        },
        stopped: () => !live.current,
      });
      if (!status) return null;
      if (status.state === 'done') {
        const { result: done } = await call('bulk.jobResult', { jobId });
        setResult(done);
        setState('done');
        return done;
      }
      if (status.state === 'cancelled') setState('cancelled');
      else {
        setError(jobErrorText(status));
        setState('failed');
      }
      return null;
    } catch (err) {
      setError(errorMessage(err));
      setState('failed');
      return null;
    }
  }

  async function cancel(): Promise<void> {
    if (jobRef.current) await call('jobs.cancel', { jobId: jobRef.current }).catch(() => undefined);
  }

  async function undo(): Promise<boolean> {
    if (!result?.operationId) return false;
    setUndoing(true);
    setError(null);
    try {
      const r = await call('bulk.undo', { operationId: result.operationId });
      setUndone(r.restored);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setUndoing(false);
    }
  }

  return { state, job, result, error, undone, undoing, run, cancel, undo };
}
