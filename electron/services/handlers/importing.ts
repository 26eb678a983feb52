import type { ApiHandlers, InputOf } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import type { ServiceContext } from '../context';
import type { ImportSource } from '../import/importDocument';
import { exportRunReport, getRun, markInterruptedRuns, resumeImportRun, startImportRun } from '../import/runs';
import { UploadRefused, UploadStream, attachUploadStream, uploadStreamOf } from '../import/uploadStream';

type Handlers = Pick<
  ApiHandlers,
  'import.start' | 'import.upload' | 'import.resume' | 'jobs.get' | 'jobs.cancel' | 'importRuns.list' | 'importRuns.get' | 'importRuns.items' | 'importRuns.export'
>;

type Upload = NonNullable<InputOf<'import.start'>['uploads']>[number];

function sourcesOf(uploads: readonly Upload[]): ImportSource[] {
  return uploads.map((u) => ({
    name: u.name,
    // base64 → bytes: 3 bytes per 4 characters, less padding.
    size: Math.floor((u.contentBase64.length * 3) / 4),
    read: () => Buffer.from(u.contentBase64, 'base64'),
  }));
}

/**
 * Import runs (lần nhập): start, resume, progress and cancel, and the per-file reports. Opening the
 * services marks runs a crashed process left `running` as interrupted, so they can be resumed.
 */
export function importHandlers(ctx: ServiceContext): Handlers {
  markInterruptedRuns(ctx);
  const runs = ctx.catalogue.repos.importRuns;
  return {
    'import.start': ({ target, uploads, paths, uploadTotal, uploadSources }) => {
      const sources = sourcesOf(uploads ?? []);
      // An upload announced larger than this request: the rest comes part by part into the same run.
      const stream = uploadTotal !== undefined && uploadTotal > sources.length ? new UploadStream({ expected: uploadTotal, first: sources }) : undefined;
      const job = startImportRun(ctx, target, {
        roots: paths ?? [],
        uploads: stream ? [] : sources,
        ...(stream ? { stream } : {}),
        ...(uploadSources && uploadSources.length > 0 ? { sourceNames: uploadSources } : {}),
      });
      if (stream) attachUploadStream(job, stream);
      return { jobId: job.status.id };
    },
    'import.upload': async ({ jobId, uploads, last }) => {
      const job = ctx.jobs.get(jobId);
      const stream = uploadStreamOf(job);
      if (!stream) throw new ApiError('intake.notAnUpload', {});
      try {
        // Answered once the import has room for the next part: the sender paces itself on it.
        await stream.push(sourcesOf(uploads), last);
      } catch (err) {
        if (!(err instanceof UploadRefused)) throw err;
        const r = err.refusal;
        if (r.reason === 'tooMany') throw new ApiError('intake.tooManyFiles', { expected: r.expected, received: r.received });
        throw new ApiError('intake.uploadEnded', { state: job.cancelled ? 'cancelled' : job.status.state });
      }
      return { received: stream.receivedCount };
    },
    'import.resume': ({ runId }) => {
      const job = resumeImportRun(ctx, runId);
      return { jobId: job.status.id, runId };
    },
    'jobs.get': ({ jobId }) => ctx.jobs.get(jobId).snapshot(),
    'jobs.cancel': ({ jobId }) => {
      const job = ctx.jobs.get(jobId);
      job.requestCancel();
      return job.snapshot();
    },
    'importRuns.list': ({ offset, limit }) => runs.list(offset, limit),
    'importRuns.get': ({ runId }) => getRun(ctx, runId),
    'importRuns.items': ({ runId, outcome, offset, limit }) => {
      getRun(ctx, runId);
      return runs.items(runId, outcome, offset, limit);
    },
    'importRuns.export': ({ runId, format, outcome }) => exportRunReport(ctx, runId, format, outcome),
  };
}
