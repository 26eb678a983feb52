/**
 * One import job: reads the chosen files (asynchronously, so the window stays responsive), starts
 * `import.start`, then polls `jobs.get` until the job ends.
 */
import { create } from 'zustand';
import type { JobStatus } from '@shared/contract/types';
import { call } from '../api/client';
import { ApiError } from '@shared/contract/errors';
import { errorMessage, fieldErrors } from '../util/errors';
import { refreshAfterChange } from './refresh';

const POLL_MS = 250;

export interface ImportTarget {
  fondsId: number;
  fileId: number | null;
}

interface ImportState {
  phase: 'idle' | 'reading' | 'running' | 'finished';
  jobId: string | null;
  status: JobStatus | null;
  error: string | null;
  fieldErrors: Record<string, string> | null;
  /** Files chosen in the browser (uploaded) and/or paths of files and folders on this machine. */
  start(target: ImportTarget, files: File[], paths?: string[]): Promise<void>;
  /** Follows a job started elsewhere (a resumed run). */
  watch(jobId: string): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

let pollTimer: ReturnType<typeof setTimeout> | null = null;

function stopPolling() {
  if (pollTimer) clearTimeout(pollTimer);
  pollTimer = null;
}

/** Base64 of a file's bytes, read by the browser off the main thread. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`Không đọc được tệp ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export const useImportStore = create<ImportState>()((set, get) => ({
  phase: 'idle',
  jobId: null,
  status: null,
  error: null,
  fieldErrors: null,

  async start(target, files, paths = []) {
    stopPolling();
    set({ phase: 'reading', status: null, error: null, fieldErrors: null, jobId: null });
    try {
      const uploads = [];
      for (const file of files) uploads.push({ name: file.name, contentBase64: await readBase64(file) });
      const { jobId } = await call('import.start', {
        target: { fondsId: target.fondsId, fileId: target.fileId },
        ...(uploads.length > 0 ? { uploads } : {}),
        ...(paths.length > 0 ? { paths } : {}),
      });
      set({ phase: 'running', jobId });
      await poll(jobId);
    } catch (err) {
      set({ phase: 'idle', error: errorMessage(err), fieldErrors: fieldErrors(err) });
    }
  },

  async watch(jobId) {
    stopPolling();
    set({ phase: 'running', jobId, status: null, error: null, fieldErrors: null });
    await poll(jobId);
  },

  async cancel() {
    const jobId = get().jobId;
    if (!jobId || get().phase !== 'running') return;
    try {
      const status = await call('jobs.cancel', { jobId });
      set({ status });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },

  reset() {
    stopPolling();
    set({ phase: 'idle', jobId: null, status: null, error: null, fieldErrors: null });
  },
}));

async function poll(jobId: string): Promise<void> {
  if (useImportStore.getState().jobId !== jobId) return;
  try {
    const status = await call('jobs.get', { jobId });
    if (useImportStore.getState().jobId !== jobId) return;
    useImportStore.setState({ status });
    if (status.state !== 'running') {
      useImportStore.setState({ phase: 'finished' });
      await refreshAfterChange();
      return;
    }
  } catch (err) {
    useImportStore.setState({ error: errorMessage(err) });
    // A job the host no longer knows will never finish; anything else may be a passing hiccup.
    if (err instanceof ApiError && err.code === 'not_found') {
      useImportStore.setState({ phase: 'finished' });
      return;
    }
  }
  pollTimer = setTimeout(() => void poll(jobId), POLL_MS);
}
