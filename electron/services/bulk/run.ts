/**
 * Runs a bulk action: resolves the selection, plans record by record, writes in one transaction.
 * A small selection is done within the call; a large one becomes a job the UI polls (`jobs.get`:
 * records checked out of the total, the phase) and may cancel while it is being checked — the
 * write itself is one transaction, so a job ends with everything written or nothing.
 */
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import type { BulkRefusal, BulkResult } from '../../../shared/contract/types/bulk';
import { type ServiceContext, nowOf } from '../context';
import type { Job } from '../jobs';
import { applyPlan } from './apply';
import { type Planner, confirmReviewPlanner, movePlanner, removePlanner, reorderPlanner, setFieldsPlanner } from './documentPlanners';
import { addToBatchPlanner, fileFieldsPlanner, fileRemovePlanner, renumberPlanner, reorderFilesPlanner } from './filePlanners';
import { Plan } from './plan';
import { resolveDocuments, resolveFiles } from './selection';

export type BulkInput = ParsedInputOf<'bulk.start'>;

/** Above this many records the action runs as a job (progress, cancel). */
export const JOB_ABOVE = 2_000;
/** Records planned between two looks at the event loop (progress polls, cancel). */
const CHUNK = 2_000;

interface Prepared {
  planner: Planner;
  ids: number[];
  /** Refused while resolving (documents in no file, for a file action on documents). */
  refusals: BulkRefusal[];
}

function prepare(ctx: ServiceContext, input: BulkInput): Prepared {
  switch (input.action) {
    case 'documents.move':
      return { planner: movePlanner(ctx, input), ids: resolveDocuments(ctx, input.selection), refusals: [] };
    case 'documents.setFields':
      return { planner: setFieldsPlanner(ctx, input), ids: resolveDocuments(ctx, input.selection), refusals: [] };
    case 'documents.confirmReview':
      return { planner: confirmReviewPlanner(ctx, input), ids: resolveDocuments(ctx, input.selection), refusals: [] };
    case 'documents.remove':
      return { planner: removePlanner(ctx, input), ids: resolveDocuments(ctx, input.selection), refusals: [] };
    case 'documents.reorder':
      return { planner: reorderPlanner(ctx, input), ids: [...new Set(input.selection.ids)], refusals: [] };
    case 'files.renumber':
      return { planner: renumberPlanner(ctx, input), ids: [...new Set(input.selection.ids)], refusals: [] };
    case 'files.reorder':
      return { planner: reorderFilesPlanner(ctx, input), ids: [...new Set(input.selection.ids)], refusals: [] };
    case 'files.setFields':
    case 'files.remove':
    case 'files.addToBatch': {
      const planner = input.action === 'files.setFields' ? fileFieldsPlanner(ctx, input) : input.action === 'files.remove' ? fileRemovePlanner(ctx, input) : addToBatchPlanner(ctx, input);
      const files = resolveFiles(ctx, input.selection);
      return { planner, ids: files.ids, refusals: files.refusals };
    }
  }
}

function newPlan(prepared: Prepared): Plan {
  const plan = new Plan();
  for (const r of prepared.refusals) plan.refuse(r.entityType, r.id, r.label, r.code, r.params);
  return plan;
}

function selectedCount(prepared: Prepared): number {
  return prepared.ids.length + prepared.refusals.length;
}

/** Plans and writes at once (the caller waits). */
export function runBulk(ctx: ServiceContext, input: BulkInput, started = performance.now()): BulkResult {
  const prepared = prepare(ctx, input);
  return execute(ctx, input, prepared, started);
}

function execute(ctx: ServiceContext, input: BulkInput, prepared: Prepared, started: number): BulkResult {
  const plan = newPlan(prepared);
  for (let i = 0; i < prepared.ids.length; i += CHUNK) prepared.planner.planChunk(prepared.ids.slice(i, i + CHUNK), plan);
  prepared.planner.finish?.(plan);
  return applyPlan(ctx, input.action, prepared.planner.detail, plan, selectedCount(prepared), started);
}

const results = new WeakMap<Job, BulkResult>();

/**
 * Starts a bulk action: done within the call for a small selection (`result`), else as a job
 * (`jobId`; the result from `bulk.jobResult` once it is done). Bad parameters (a target file
 * removed, a batch no longer a draft) are refused at once either way.
 */
export function startBulk(ctx: ServiceContext, input: BulkInput): { jobId: string | null; result: BulkResult | null } {
  const started = performance.now();
  const prepared = prepare(ctx, input);
  if (prepared.ids.length <= JOB_ABOVE) return { jobId: null, result: execute(ctx, input, prepared, started) };

  const job = ctx.jobs.create('bulk', nowOf(ctx));
  job.setTotal(prepared.ids.length, false);
  job.setPhase('checkingRecords');
  void (async () => {
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const plan = newPlan(prepared);
      for (let i = 0; i < prepared.ids.length; i += CHUNK) {
        if (job.cancelled) {
          job.setPhase(null);
          job.finish('cancelled', nowOf(ctx));
          return;
        }
        const chunk = prepared.ids.slice(i, i + CHUNK);
        prepared.planner.planChunk(chunk, plan);
        job.status.processed += chunk.length;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      prepared.planner.finish?.(plan);
      if (job.cancelled) {
        job.setPhase(null);
        job.finish('cancelled', nowOf(ctx));
        return;
      }
      job.setPhase('writing');
      const result = applyPlan(ctx, input.action, prepared.planner.detail, plan, selectedCount(prepared), started);
      results.set(job, result);
      job.setPhase(null);
      job.finish('done', nowOf(ctx));
    } catch (err) {
      job.setPhase(null);
      if (err instanceof ApiError) job.finish('failed', nowOf(ctx), err);
      else {
        console.error(`[kholuu] bulk ${input.action} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        job.finish('failed', nowOf(ctx), new ApiError('job.unexpectedNothingChanged', { detail: err instanceof Error ? err.message : String(err) }));
      }
    }
  })();
  return { jobId: job.status.id, result: null };
}

export function bulkJobResult(ctx: ServiceContext, jobId: string): BulkResult | null {
  return results.get(ctx.jobs.get(jobId)) ?? null;
}
