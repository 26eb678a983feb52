import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';
import type { ImportSource } from '../import/importDocument';
import { exportRunReport, getRun, markInterruptedRuns, resumeImportRun, startImportRun } from '../import/runs';

type Handlers = Pick<
  ApiHandlers,
  'import.start' | 'import.resume' | 'jobs.get' | 'jobs.cancel' | 'importRuns.list' | 'importRuns.get' | 'importRuns.items' | 'importRuns.export'
>;

/**
 * Import runs (lần nhập): start, resume, progress and cancel, and the per-file reports. Opening the
 * services marks runs a crashed process left `running` as interrupted, so they can be resumed.
 */
export function importHandlers(ctx: ServiceContext): Handlers {
  markInterruptedRuns(ctx);
  const runs = ctx.catalogue.repos.importRuns;
  return {
    'import.start': ({ target, uploads, paths }) => {
      const sources: ImportSource[] = (uploads ?? []).map((u) => ({
        name: u.name,
        // base64 → bytes: 3 bytes per 4 characters, less padding.
        size: Math.floor((u.contentBase64.length * 3) / 4),
        read: () => Buffer.from(u.contentBase64, 'base64'),
      }));
      const job = startImportRun(ctx, target, { roots: paths ?? [], uploads: sources });
      return { jobId: job.status.id };
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
