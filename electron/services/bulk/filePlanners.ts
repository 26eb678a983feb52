/**
 * Planning the bulk actions on files (hồ sơ): set fields (retention, completion, box, dates…),
 * remove with a reason (with their documents, as one removal does), add to a handover batch, and
 * number them in a given order.
 */
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { BulkFileRow } from '../../data/repositories/bulk';
import type { ServiceContext } from '../context';
import type { Planner } from './documentPlanners';
import { type Plan, diffFields } from './plan';
import { type OrderPlan, type OrderedFile, renumberCodes, reorderCodes } from '../../../shared/bulk/fileOrder';
import { canEditContents } from '../../../shared/handover/batchRules';
import type { BatchStatus } from '../../../shared/contract/types/handover';

type ActionInput<A extends string> = Extract<ParsedInputOf<'bulk.start'>, { action: A }>;

function usable(plan: Plan, id: number, f: BulkFileRow | undefined): f is BulkFileRow {
  if (!f) {
    plan.refuse('file', id, null, 'not_found');
    return false;
  }
  if (f.removedAt !== null) {
    plan.refuse('file', id, f.code, 'removed');
    return false;
  }
  return true;
}

function fieldsOf(f: BulkFileRow): Record<string, unknown> {
  return {
    retentionCode: f.retentionCode,
    completion: f.completion,
    box: f.box,
    accessRegime: f.accessRegime,
    startDate: f.startDate,
    endDate: f.endDate,
    language: f.language,
    physicalCondition: f.physicalCondition,
    notes: f.notes,
  };
}

export function fileFieldsPlanner(ctx: ServiceContext, input: ActionInput<'files.setFields'>): Planner {
  const { repos } = ctx.catalogue;
  const wanted = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined));
  if (typeof wanted.retentionCode === 'string' && !repos.codes.retentionExists(wanted.retentionCode)) {
    throw new ApiError('file.unknownRetention', { code: wanted.retentionCode }, { retentionCode: fieldError('field.unknownRetention') });
  }
  const datesAsked = 'startDate' in wanted || 'endDate' in wanted;
  return {
    entity: 'file',
    detail: { fields: wanted },
    planChunk(ids, plan) {
      const rows = repos.bulk.files(ids);
      for (const id of ids) {
        const f = rows.get(id);
        if (!usable(plan, id, f)) continue;
        const diff = diffFields(fieldsOf(f), wanted);
        if (!diff) {
          plan.unchanged++;
          continue;
        }
        if (datesAsked) {
          const start = 'startDate' in wanted ? (wanted.startDate as string | null) : f.startDate;
          const end = 'endDate' in wanted ? (wanted.endDate as string | null) : f.endDate;
          if (start && end && start > end) {
            plan.refuse('file', id, f.code, 'dates_reversed', { start, end });
            continue;
          }
          const outside = repos.bulk.documentsOutside(id, start, end);
          if (outside > 0) {
            plan.refuse('file', id, f.code, 'documents_outside_dates', { count: outside, start, end });
            continue;
          }
        }
        plan.add({ entity: 'file', id, kind: 'fields', verb: 'update', before: diff.before, after: diff.after, stamp: f.updatedAt, label: f.code });
      }
    },
  };
}

export function fileRemovePlanner(ctx: ServiceContext, input: ActionInput<'files.remove'>): Planner {
  const { repos } = ctx.catalogue;
  return {
    entity: 'file',
    detail: { reason: input.reason },
    planChunk(ids, plan) {
      plan.reason = input.reason;
      const rows = repos.bulk.files(ids);
      const documents = repos.bulk.activeDocumentsOfFiles(ids);
      for (const id of ids) {
        const f = rows.get(id);
        if (!usable(plan, id, f)) continue;
        if (f.batchId !== null) {
          plan.refuse('file', id, f.code, 'in_batch', { batch: f.batchCode });
          continue;
        }
        const decision = repos.destruction.openDecisionOfFile(id);
        if (decision) {
          plan.refuse('file', id, f.code, 'in_destruction', { decision: decision.decisionNumber });
          continue;
        }
        plan.add({ entity: 'file', id, kind: 'remove', verb: 'remove', before: { removedAt: null, removedBy: null, removalReason: null }, after: { removalReason: input.reason }, stamp: f.updatedAt, label: f.code });
        // Its documents go with it and come back with it (as `files.remove` does).
        const docs = repos.bulk.documents(documents.get(id) ?? []);
        for (const d of docs.values()) {
          plan.add({
            entity: 'document',
            id: d.id,
            kind: 'remove',
            verb: 'remove',
            before: { removedAt: null, removedBy: null, removalReason: null, withFileId: null },
            after: { removalReason: input.reason, withFileId: id },
            stamp: d.updatedAt,
            label: d.numberSymbol,
          });
        }
      }
    },
  };
}

export function addToBatchPlanner(ctx: ServiceContext, input: ActionInput<'files.addToBatch'>): Planner {
  const { repos } = ctx.catalogue;
  const batch = repos.handoverBatches.get(input.batchId);
  if (!batch || repos.bulk.batchRemoved(input.batchId)) throw notFound('handover_batch', input.batchId);
  if (batch.direction !== 'outgoing') throw new ApiError('bulk.batchIncoming', { code: batch.code });
  if (batch.status !== 'draft') throw new ApiError('bulk.batchNotDraft', { code: batch.code });
  const mayConfirm = input.secretReason !== undefined && ctx.access.secretsVisible();
  return {
    entity: 'file',
    detail: { batchId: batch.id, batchCode: batch.code, secretReason: input.secretReason ?? null },
    planChunk(ids, plan) {
      plan.batchId = batch.id;
      plan.reason = input.secretReason ?? null;
      const rows = repos.bulk.files(ids);
      const secretCounts = repos.bulk.secretCounts(ids);
      for (const id of ids) {
        const f = rows.get(id);
        if (!usable(plan, id, f)) continue;
        if (f.batchId === batch.id) {
          plan.unchanged++;
          continue;
        }
        if (f.batchId !== null) {
          plan.refuse('file', id, f.code, 'in_batch', { batch: f.batchCode });
          continue;
        }
        const secrets = secretCounts.get(id) ?? 0;
        if (secrets > 0 && !mayConfirm) {
          plan.refuse('file', id, f.code, 'secret_needs_confirmation', { count: secrets });
          continue;
        }
        plan.add({
          entity: 'file',
          id,
          kind: 'batch',
          verb: 'addToBatch',
          before: { batchId: null },
          after: { batchId: batch.id },
          stamp: f.updatedAt,
          label: f.code,
          ...(secrets > 0 ? { secrets: repos.handoverBatches.secretDocumentsOfFiles([id]).map((s) => ({ documentId: s.documentId, securityLevel: s.securityLevel })) } : {}),
        });
      }
    },
  };
}

/** The rows of files to number, in the order given, each usable one once, with its lock. */
function filesInOrder(ctx: ServiceContext, ids: readonly number[]): { rows: Map<number, BulkFileRow>; order: OrderedFile[] } {
  const rows = ctx.catalogue.repos.bulk.files(ids);
  const order: OrderedFile[] = [];
  for (const id of ids) {
    const f = rows.get(id);
    if (f && f.removedAt === null) order.push({ id, code: f.code, locked: f.batchStatus !== null && !canEditContents(f.batchStatus as BatchStatus) });
  }
  return { rows, order };
}

/**
 * Numbers files in one list: the changes `plan` (reorder or renumber) gives, refusing files of
 * another fonds, removed ones and those locked in a handover batch past the draft; a number another
 * file of the fonds holds refuses the whole action (codes are unique in a fonds).
 */
function numberingPlanner(ctx: ServiceContext, ids: readonly number[], verb: 'renumber' | 'reorder', numbers: (order: OrderedFile[]) => OrderPlan, detail: Record<string, unknown>): Planner {
  const { repos } = ctx.catalogue;
  const { rows, order } = filesInOrder(ctx, ids);
  const fondsId = order.length > 0 ? rows.get(order[0]!.id)!.fondsId : null;
  const inList = order.filter((f) => rows.get(f.id)!.fondsId === fondsId);
  const planned = numbers(inList);
  const to = new Map(planned.changes.map((c) => [c.id, c.to]));
  const kept = new Set(planned.kept.map((k) => k.id));
  return {
    entity: 'file',
    detail: { ...detail, fondsId },
    planChunk(chunk, plan) {
      for (const id of chunk) {
        const f = rows.get(id);
        if (!usable(plan, id, f)) continue;
        if (f.fondsId !== fondsId) {
          plan.refuse('file', id, f.code, 'not_in_list');
          continue;
        }
        if (kept.has(id)) {
          plan.refuse('file', id, f.code, 'file_in_handover', { batch: f.batchCode, status: f.batchStatus });
          continue;
        }
        const code = to.get(id);
        if (code === undefined) plan.unchanged++;
        else plan.add({ entity: 'file', id, kind: 'fields', verb, before: { code: f.code }, after: { code }, stamp: f.updatedAt, label: f.code });
      }
    },
    finish(plan) {
      if (fondsId === null) return;
      const moving = new Set(plan.changes.map((c) => c.id));
      const taken = repos.bulk.filesWithCodes(fondsId, plan.changes.map((c) => c.after!.code as string)).filter((f) => !moving.has(f.id));
      if (taken.length > 0) {
        throw new ApiError('bulk.fileCodesTaken', { codes: taken.map((f) => f.code).slice(0, 10) }, { start: fieldError('field.fileCodeTaken') });
      }
    },
  };
}

/** Số hồ sơ in the order given: `prefix + start`, `prefix + (start + 1)`… within one fonds. */
export function renumberPlanner(ctx: ServiceContext, input: ActionInput<'files.renumber'>): Planner {
  return numberingPlanner(ctx, input.selection.ids, 'renumber', (order) => renumberCodes(order, input.start, input.prefix), { start: input.start, prefix: input.prefix });
}

/** Files put in the order given by exchanging the numbers they hold (see `reorderCodes`). */
export function reorderFilesPlanner(ctx: ServiceContext, input: ActionInput<'files.reorder'>): Planner {
  return numberingPlanner(ctx, input.selection.ids, 'reorder', reorderCodes, {});
}
