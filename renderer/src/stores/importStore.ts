/**
 * One import: reads the chosen files (asynchronously, so the window stays responsive), starts
 * `import.start`, then polls `jobs.get` until the job ends. A selection too large for one request
 * (a folder of thousands of files uploaded from the browser) is sent as consecutive runs of at most
 * MAX_FILES_PER_RUN files and MAX_BYTES_PER_RUN bytes, followed as one import: one progress bar,
 * counts added up, every run's report kept.
 */
import { create } from 'zustand';
import type { JobStatus } from '@shared/contract/types';
import { call } from '../api/client';
import { ApiError } from '@shared/contract/errors';
import { errorMessage, fieldErrors } from '../util/errors';
import type { PickedFile } from '../components/intake/pickedFiles';
import { refreshAfterChange } from './refresh';
import { splitUploads } from '../components/intake/splitUploads';

const POLL_MS = 250;

export interface ImportTarget {
  fondsId: number;
  fileId: number | null;
}

type Upload = File | PickedFile;
const fileOf = (u: Upload): File => (u instanceof File ? u : u.file);
const nameOf = (u: Upload): string => (u instanceof File ? u.name : u.path);

interface ImportState {
  phase: 'idle' | 'reading' | 'running' | 'finished';
  jobId: string | null;
  status: JobStatus | null;
  /** Which run of a selection sent in several (1-based), and how many there are. */
  part: { index: number; count: number } | null;
  /** The runs this import made, for their reports. */
  runIds: number[];
  error: string | null;
  fieldErrors: Record<string, string> | null;
  /** Files chosen in the browser (uploaded) and/or paths of files and folders on this machine. */
  start(target: ImportTarget, files: Upload[], paths?: string[]): Promise<void>;
  /** Follows a job started elsewhere (a resumed run). */
  watch(jobId: string): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/** Bumped by reset and by each new import: a follow loop of an older one stops. */
let generation = 0;
let cancelRequested = false;

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

interface Totals {
  processed: number;
  imported: number;
  duplicates: number;
  failed: number;
  results: JobStatus['results'];
}
const NO_TOTALS: Totals = { processed: 0, imported: 0, duplicates: 0, failed: 0, results: [] };

/** The status of the whole import: the finished runs' counts plus the current run's. */
function combined(before: Totals, current: JobStatus, grandTotal: number | null): JobStatus {
  return {
    ...current,
    total: grandTotal ?? current.total,
    processed: before.processed + current.processed,
    imported: before.imported + current.imported,
    duplicates: before.duplicates + current.duplicates,
    failed: before.failed + current.failed,
    results: [...before.results, ...current.results].slice(-200),
  };
}

/** Polls a job until it ends, reporting each status; null when a newer import took over. */
async function follow(jobId: string, mine: number, onStatus: (s: JobStatus) => void): Promise<JobStatus | null> {
  for (;;) {
    if (generation !== mine) return null;
    try {
      const status = await call('jobs.get', { jobId });
      if (generation !== mine) return null;
      onStatus(status);
      if (status.state !== 'running') return status;
    } catch (err) {
      useImportStore.setState({ error: errorMessage(err) });
      // A job the host no longer knows will never finish; anything else may be a passing hiccup.
      if (err instanceof ApiError && err.kind === 'not_found') return null;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export const useImportStore = create<ImportState>()((set, get) => ({
  phase: 'idle',
  jobId: null,
  status: null,
  part: null,
  runIds: [],
  error: null,
  fieldErrors: null,

  async start(target, files, paths = []) {
    const mine = ++generation;
    cancelRequested = false;
    set({ phase: 'reading', status: null, error: null, fieldErrors: null, jobId: null, part: null, runIds: [] });
    const parts = files.length > 0 ? splitUploads(files, (u) => fileOf(u).size) : [[]];
    const grandTotal = parts.length > 1 ? files.length : null;
    let totals = NO_TOTALS;
    let last: JobStatus | null = null;
    try {
      for (let i = 0; i < parts.length; i++) {
        if (cancelRequested || generation !== mine) break;
        const part = parts[i]!;
        if (parts.length > 1) set({ part: { index: i + 1, count: parts.length } });
        const uploads = [];
        for (const u of part) uploads.push({ name: nameOf(u), contentBase64: await readBase64(fileOf(u)) });
        const withPaths = i === 0 ? paths : [];
        const { jobId } = await call('import.start', {
          target: { fondsId: target.fondsId, fileId: target.fileId },
          ...(uploads.length > 0 ? { uploads } : {}),
          ...(withPaths.length > 0 ? { paths: withPaths } : {}),
        });
        set({ phase: 'running', jobId });
        const before = totals;
        const more = i < parts.length - 1;
        // Between runs the import as a whole is still running: one part done is not the end.
        last = await follow(jobId, mine, (s) => set({ status: { ...combined(before, s, grandTotal), ...(more && s.state === 'done' ? { state: 'running' as const } : {}) } }));
        if (!last) {
          if (generation === mine) set({ phase: 'finished' });
          return;
        }
        if (last.runId !== null) set({ runIds: [...get().runIds, last.runId] });
        totals = { processed: before.processed + last.processed, imported: before.imported + last.imported, duplicates: before.duplicates + last.duplicates, failed: before.failed + last.failed, results: [...before.results, ...last.results].slice(-200) };
        if (last.state !== 'done') break;
      }
      if (last) set({ status: combined(NO_TOTALS, { ...last, ...totals, results: totals.results }, grandTotal) });
      set({ phase: 'finished' });
      await refreshAfterChange();
    } catch (err) {
      // Runs already done stay done: show what they did, and why the rest did not start.
      if (last) set({ phase: 'finished', error: errorMessage(err) });
      else set({ phase: 'idle', error: errorMessage(err), fieldErrors: fieldErrors(err) });
      if (last) await refreshAfterChange();
    }
  },

  async watch(jobId) {
    const mine = ++generation;
    set({ phase: 'running', jobId, status: null, error: null, fieldErrors: null, part: null, runIds: [] });
    const last = await follow(jobId, mine, (status) => set({ status }));
    if (!last) {
      if (generation === mine) set({ phase: 'finished' });
      return;
    }
    if (last.runId !== null) set({ runIds: [last.runId] });
    set({ phase: 'finished' });
    await refreshAfterChange();
  },

  async cancel() {
    const jobId = get().jobId;
    if (!jobId || get().phase !== 'running') return;
    cancelRequested = true;
    try {
      const status = await call('jobs.cancel', { jobId });
      set({ status: { ...(get().status ?? status), state: status.state } });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },

  reset() {
    generation++;
    set({ phase: 'idle', jobId: null, status: null, part: null, runIds: [], error: null, fieldErrors: null });
  },
}));
