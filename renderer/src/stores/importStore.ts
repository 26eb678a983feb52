/**
 * One import: reads the chosen files (asynchronously, so the window stays responsive), starts
 * `import.start`, then polls `jobs.get` until the job ends. A selection too large for one request
 * (a folder of thousands of files uploaded from the browser) is one run all the same: the first
 * part starts it, announcing the whole count, and the rest follow with `import.upload` while the
 * import works (the host answers each part once it has room for the next, so the browser paces
 * itself on it).
 */
import { create } from 'zustand';
import type { JobStatus } from '@shared/contract/types';
import { call } from '../api/client';
import { followJob } from '../api/followJob';
import { readJob } from '../api/useJobProgress';
import { ApiError } from '@shared/contract/errors';
import { errorMessage, fieldErrors } from '../util/errors';
import type { PickedFile } from '../components/intake/pickedFiles';
import { refreshAfterChange } from './refresh';
import { splitUploads } from '../components/intake/splitUploads';

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
  /** Files of an upload in parts sent so far, of how many. */
  sent: { sent: number; total: number } | null;
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

/** The upload's sources as the run's report names them: what was picked (folders, or files). */
function sourcesOf(files: Upload[]): string[] {
  const roots = new Set<string>();
  for (const u of files) {
    roots.add(nameOf(u).split('/')[0]!);
    if (roots.size >= 100) break;
  }
  return [...roots];
}

async function readPart(part: Upload[]): Promise<Array<{ name: string; contentBase64: string }>> {
  const uploads = [];
  for (const u of part) uploads.push({ name: nameOf(u), contentBase64: await readBase64(fileOf(u)) });
  return uploads;
}

/** Polls a job until it ends, reporting each status; null when a newer import took over. */
function follow(jobId: string, mine: number, onStatus: (s: JobStatus) => void): Promise<JobStatus | null> {
  return followJob(jobId, {
    read: readJob,
    onStatus,
    onError: (err) => {
      useImportStore.setState({ error: errorMessage(err) });
      // A job the host no longer knows will never finish; anything else may be a passing hiccup.
      return err instanceof ApiError && err.kind === 'not_found';
    },
    stopped: () => generation !== mine,
  });
}

/**
 * Sends the parts after the first, each once the host has taken the one before. A part that cannot
 * be read or sent stops the upload: the run is cancelled (what it imported stays) and the reason shown.
 */
async function sendRest(jobId: string, parts: Upload[][], mine: number): Promise<void> {
  let sent = parts[0]!.length;
  const total = parts.reduce((n, p) => n + p.length, 0);
  // Read ahead; its failure is met where it is awaited (and never left unhandled when the upload stops first).
  const ahead = (part: Upload[]) => {
    const p = readPart(part);
    p.catch(() => undefined);
    return p;
  };
  let next = ahead(parts[1]!);
  for (let i = 1; i < parts.length; i++) {
    if (cancelRequested || generation !== mine) return;
    try {
      const uploads = await next;
      // The following part is read while this one is sent and imported.
      if (i + 1 < parts.length) next = ahead(parts[i + 1]!);
      await call('import.upload', { jobId, uploads, last: i === parts.length - 1 });
    } catch (err) {
      if (generation !== mine) return;
      // A run the user cancelled refuses the rest: that is no error to show.
      if (!(cancelRequested && err instanceof ApiError && err.code === 'intake.uploadEnded')) useImportStore.setState({ error: errorMessage(err) });
      if (!cancelRequested) await call('jobs.cancel', { jobId }).catch(() => undefined);
      return;
    }
    sent += parts[i]!.length;
    if (generation === mine) useImportStore.setState({ sent: { sent, total } });
  }
}

export const useImportStore = create<ImportState>()((set, get) => ({
  phase: 'idle',
  jobId: null,
  status: null,
  sent: null,
  error: null,
  fieldErrors: null,

  async start(target, files, paths = []) {
    const mine = ++generation;
    cancelRequested = false;
    set({ phase: 'reading', status: null, error: null, fieldErrors: null, jobId: null, sent: null });
    const parts = files.length > 0 ? splitUploads(files, (u) => fileOf(u).size) : [[]];
    const inParts = parts.length > 1;
    let jobId: string;
    try {
      const { jobId: id } = await call('import.start', {
        target: { fondsId: target.fondsId, fileId: target.fileId },
        ...(parts[0]!.length > 0 ? { uploads: await readPart(parts[0]!) } : {}),
        ...(paths.length > 0 ? { paths } : {}),
        ...(inParts ? { uploadTotal: files.length, uploadSources: sourcesOf(files) } : {}),
      });
      jobId = id;
    } catch (err) {
      set({ phase: 'idle', error: errorMessage(err), fieldErrors: fieldErrors(err) });
      return;
    }
    if (generation !== mine) return;
    set({ phase: 'running', jobId, ...(inParts ? { sent: { sent: parts[0]!.length, total: files.length } } : {}) });
    const following = follow(jobId, mine, (status) => set({ status }));
    if (inParts) await sendRest(jobId, parts, mine);
    const last = await following;
    if (generation !== mine) return;
    set({ phase: 'finished', ...(last ? { status: last } : {}) });
    await refreshAfterChange();
  },

  async watch(jobId) {
    const mine = ++generation;
    set({ phase: 'running', jobId, status: null, error: null, fieldErrors: null, sent: null });
    const last = await follow(jobId, mine, (status) => set({ status }));
    if (generation !== mine) return;
    set({ phase: 'finished' });
    if (!last) return;
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
    set({ phase: 'idle', jobId: null, status: null, sent: null, error: null, fieldErrors: null });
  },
}));
