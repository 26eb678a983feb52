import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { type ServiceContext, nowOf } from '../context';
import { type ImportSource, checkTarget } from '../import/importDocument';
import { collectFiles, pathSource, runImport } from '../import/importJob';

type Handlers = Pick<ApiHandlers, 'import.start' | 'jobs.get' | 'jobs.cancel'>;

export function importHandlers(ctx: ServiceContext): Handlers {
  return {
    'import.start': ({ target, uploads, paths }) => {
      checkTarget(ctx, target);
      const sources: ImportSource[] = (uploads ?? []).map((u) => ({
        name: u.name,
        // base64 → bytes: 3 bytes per 4 characters, less padding.
        size: Math.floor((u.contentBase64.length * 3) / 4),
        read: () => Buffer.from(u.contentBase64, 'base64'),
      }));
      if (paths?.length) {
        const { files, missing } = collectFiles(paths);
        if (missing.length > 0 && files.length === 0 && sources.length === 0) {
          throw new ApiError('not_found', `Không tìm thấy: ${missing.join(', ')}`, `Not found: ${missing.join(', ')}`);
        }
        sources.push(...files.map(pathSource));
      }
      const job = ctx.jobs.create('import', nowOf(ctx));
      void runImport(ctx, job, target, sources);
      return { jobId: job.status.id };
    },
    'jobs.get': ({ jobId }) => ctx.jobs.get(jobId).snapshot(),
    'jobs.cancel': ({ jobId }) => {
      const job = ctx.jobs.get(jobId);
      job.requestCancel();
      return job.snapshot();
    },
  };
}
