import type { ApiHandlers } from '../../../shared/contract/api';
import type { BulkCount } from '../../../shared/contract/types/bulk';
import type { ServiceContext } from '../context';
import { bulkJobResult, startBulk } from '../bulk/run';
import { documentVisible, resolveDocuments, resolveFiles } from '../bulk/selection';
import { undoOperation } from '../bulk/undo';

type Handlers = Pick<ApiHandlers, 'bulk.count' | 'bulk.start' | 'bulk.jobResult' | 'bulk.undo' | 'bulk.operations'>;

const SAMPLE = 5;

/** Selection and bulk actions on documents and files, with undo. */
export function bulkHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'bulk.count': (input): BulkCount => {
      if (input.target === 'documents') {
        const ids = resolveDocuments(ctx, input.selection);
        const rows = repos.bulk.documents(ids.slice(0, SAMPLE * 4));
        const sample = [...rows.values()].filter((d) => d.removedAt === null && documentVisible(ctx, d.securityLevel)).slice(0, SAMPLE);
        return { count: ids.length, sample: sample.map((d) => ({ id: d.id, label: d.numberSymbol })) };
      }
      const files = resolveFiles(ctx, input.selection);
      const rows = repos.bulk.files(files.ids.slice(0, SAMPLE));
      return { count: files.ids.length, withoutFile: files.refusals.length, sample: [...rows.values()].map((f) => ({ id: f.id, label: f.code })) };
    },
    'bulk.start': (input) => startBulk(ctx, input),
    'bulk.jobResult': ({ jobId }) => ({ result: bulkJobResult(ctx, jobId) }),
    'bulk.undo': ({ operationId }) => undoOperation(ctx, operationId),
    'bulk.operations': ({ limit }) => repos.bulk.operations(limit),
  };
}
