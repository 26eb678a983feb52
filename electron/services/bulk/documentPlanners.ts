/**
 * Planning the bulk actions on documents: move into a file (hồ sơ), set fields, confirm review
 * fields, remove with a reason, and order a file's documents. Each looks at every selected record
 * and decides: change it (fields before and after), leave it (already as asked), or refuse it with
 * a code and parameters.
 */
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { BatchStatus } from '../../../shared/contract/types/handover';
import { canEditContents } from '../../../shared/handover/batchRules';
import type { BulkDocumentRow, BulkFileRow } from '../../data/repositories/bulk';
import type { ServiceContext } from '../context';
import { type Plan, diffFields, newFilePlaceholder } from './plan';
import { documentVisible } from './selection';

type ActionInput<A extends string> = Extract<ParsedInputOf<'bulk.start'>, { action: A }>;

/** A planner sees the selected ids chunk by chunk (a job reports progress between chunks). */
export interface Planner {
  entity: 'document' | 'file';
  planChunk(ids: number[], plan: Plan): void;
  finish?(plan: Plan): void;
  /** What the operation record keeps of the request (the list of operations shows it). */
  detail: Record<string, unknown>;
}

/** The document's fields a bulk "set fields" may change, as stored. */
function editableFields(d: BulkDocumentRow): Record<string, unknown> {
  return {
    docType: d.docType,
    issuer: d.issuer,
    parentIssuer: d.parentIssuer,
    place: d.place,
    issueDate: d.issueDate,
    securityLevel: d.securityLevel,
    urgency: d.urgency,
    language: d.language,
    reliability: d.reliability,
    notes: d.notes,
  };
}

/** Present, visible to the caller and not removed; otherwise refused (hidden ones as not found). */
function usable(ctx: ServiceContext, plan: Plan, id: number, d: BulkDocumentRow | undefined): d is BulkDocumentRow {
  if (!d || !documentVisible(ctx, d.securityLevel)) {
    plan.refuse('document', id, null, 'not_found');
    return false;
  }
  if (d.removedAt !== null) {
    plan.refuse('document', id, d.numberSymbol, 'removed');
    return false;
  }
  return true;
}

/** The batch status that freezes a file's contents, or null when it may change. */
function lockedBy(f: BulkFileRow | undefined): { batch: string; status: string } | null {
  if (!f?.batchStatus || canEditContents(f.batchStatus as BatchStatus)) return null;
  return { batch: f.batchCode ?? '', status: f.batchStatus };
}

function outsideDates(date: string | null, start: string | null, end: string | null): boolean {
  if (!date) return false;
  return (start !== null && date < start) || (end !== null && date > end);
}

function filesOf(ctx: ServiceContext, rows: Map<number, BulkDocumentRow>): Map<number, BulkFileRow> {
  const ids = new Set<number>();
  for (const d of rows.values()) if (d.fileId !== null) ids.add(d.fileId);
  return ctx.catalogue.repos.bulk.files([...ids]);
}

interface MoveTarget {
  id: number;
  fondsId: number;
  code: string;
  start: string | null;
  end: string | null;
  stamp: string | null;
  /** A file this action makes (one per fonds of the documents). */
  isNew: boolean;
  /** Dates of the documents moved in, to widen the file's dates (or set the new file's). */
  lo: string | null;
  hi: string | null;
}

/**
 * Into an existing file (documents of other fonds are refused: fonds are never mixed), or into a
 * new file — one in each fonds the documents come from, as "select all that match, move them into
 * new hồ sơ" needs when a search spans several fonds.
 */
export function movePlanner(ctx: ServiceContext, input: ActionInput<'documents.move'>): Planner {
  const { repos } = ctx.catalogue;
  const to = input.to;
  let existing: MoveTarget | null = null;
  if ('fileId' in to) {
    const f = repos.bulk.files([to.fileId]).get(to.fileId);
    if (!f) throw notFound('file', to.fileId);
    if (f.removedAt !== null) throw new ApiError('bulk.targetFileRemoved', { code: f.code });
    const lock = lockedBy(f);
    if (lock) throw new ApiError('bulk.fileInHandover', { code: f.code, batch: lock.batch });
    existing = { id: f.id, fondsId: f.fondsId, code: f.code, start: f.startDate, end: f.endDate, stamp: f.updatedAt, isNew: false, lo: null, hi: null };
  } else if (to.newFile.retentionCode != null && !repos.codes.retentionExists(to.newFile.retentionCode)) {
    throw new ApiError('file.unknownRetention', { code: to.newFile.retentionCode }, { retentionCode: fieldError('field.unknownRetention') });
  }
  const newFile = 'newFile' in to ? to.newFile : null;
  const listFonds = newFile?.fileListId != null ? (repos.fileLists.get(newFile.fileListId)?.fondsId ?? null) : null;
  if (newFile?.fileListId != null && listFonds === null) throw notFound('file_list', newFile.fileListId);
  /** New-file mode: the target in each fonds, or null where the number is taken. */
  const perFonds = new Map<number, MoveTarget | null>();
  const fondsCode = (id: number) => repos.fonds.get(id)?.code ?? String(id);
  const targetFor = (fondsId: number): MoveTarget | null => {
    if (!perFonds.has(fondsId)) {
      const taken = repos.files.findByCode(fondsId, newFile!.code);
      perFonds.set(fondsId, taken ? null : { id: newFilePlaceholder(fondsId), fondsId, code: newFile!.code, start: null, end: null, stamp: null, isNew: true, lo: null, hi: null });
    }
    return perFonds.get(fondsId)!;
  };
  const dates = new Map<number, string | null>();

  return {
    entity: 'document',
    detail: { to: 'fileId' in to ? { fileId: to.fileId, fileCode: existing!.code } : { newFile: { code: to.newFile.code, title: to.newFile.title } }, widenFileDates: input.widenFileDates },
    planChunk(ids, plan) {
      const rows = repos.bulk.documents(ids);
      const sources = filesOf(ctx, rows);
      for (const id of ids) {
        const d = rows.get(id);
        if (!usable(ctx, plan, id, d)) continue;
        let target: MoveTarget | null;
        if (existing) {
          target = existing;
          if (d.fondsId !== target.fondsId) {
            plan.refuse('document', id, d.numberSymbol, 'other_fonds', { fonds: fondsCode(d.fondsId) });
            continue;
          }
        } else {
          target = targetFor(d.fondsId);
          if (!target) {
            plan.refuse('document', id, d.numberSymbol, 'file_code_taken', { code: newFile!.code, fonds: fondsCode(d.fondsId) });
            continue;
          }
        }
        if (d.fileId === target.id) {
          plan.unchanged++;
          continue;
        }
        const lock = lockedBy(d.fileId === null ? undefined : sources.get(d.fileId));
        if (lock) {
          plan.refuse('document', id, d.numberSymbol, 'in_handover', lock);
          continue;
        }
        if (!target.isNew && !input.widenFileDates && outsideDates(d.issueDate, target.start, target.end)) {
          plan.refuse('document', id, d.numberSymbol, 'date_outside_file', { date: d.issueDate, start: target.start, end: target.end });
          continue;
        }
        if (d.issueDate) {
          if (target.lo === null || d.issueDate < target.lo) target.lo = d.issueDate;
          if (target.hi === null || d.issueDate > target.hi) target.hi = d.issueDate;
        }
        dates.set(id, d.issueDate);
        plan.add({ entity: 'document', id, kind: 'fields', verb: 'move', before: { fileId: d.fileId, orderInFile: d.orderInFile }, after: { fileId: target.id }, stamp: d.updatedAt, label: d.numberSymbol });
      }
    },
    finish(plan) {
      const targets = existing ? [existing] : [...perFonds.values()].filter((t): t is MoveTarget => t !== null);
      const byTarget = new Map<number, typeof plan.changes>();
      for (const c of plan.changes) {
        if (c.verb !== 'move') continue;
        const list = byTarget.get(c.after!.fileId as number);
        if (list) list.push(c);
        else byTarget.set(c.after!.fileId as number, [c]);
      }
      for (const target of targets) {
        const moved = byTarget.get(target.id) ?? [];
        if (moved.length === 0) continue;
        // Số thứ tự in the file: the documents moved follow those already there, oldest first.
        let next = target.isNew ? 1 : repos.documents.nextOrderInFile(target.id);
        moved.sort((a, b) => (dates.get(a.id) ?? '9999').localeCompare(dates.get(b.id) ?? '9999') || a.id - b.id);
        for (const c of moved) c.after!.orderInFile = next++;
        if (target.isNew) {
          plan.createFiles.set(target.id, {
            fondsId: target.fondsId,
            code: newFile!.code,
            title: newFile!.title,
            fileListId: listFonds === target.fondsId ? (newFile!.fileListId ?? null) : null,
            retentionCode: newFile!.retentionCode ?? null,
            completion: newFile!.completion ?? null,
            box: newFile!.box ?? null,
            startDate: target.lo,
            endDate: target.hi,
          });
        } else if (input.widenFileDates && (target.lo !== null || target.hi !== null)) {
          const start = target.start !== null && target.lo !== null && target.lo < target.start ? target.lo : target.start;
          const end = target.end !== null && target.hi !== null && target.hi > target.end ? target.hi : target.end;
          const diff = diffFields({ startDate: target.start, endDate: target.end }, { startDate: start, endDate: end });
          if (diff) plan.add({ entity: 'file', id: target.id, kind: 'fields', verb: 'update', before: diff.before, after: diff.after, stamp: target.stamp, label: target.code, critical: true });
        }
      }
    },
  };
}

export function setFieldsPlanner(ctx: ServiceContext, input: ActionInput<'documents.setFields'>): Planner {
  const { repos } = ctx.catalogue;
  const wanted = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined));
  const filled = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';
  return {
    entity: 'document',
    detail: { fields: wanted },
    planChunk(ids, plan) {
      const rows = repos.bulk.documents(ids);
      const files = wanted.issueDate ? filesOf(ctx, rows) : new Map<number, BulkFileRow>();
      for (const id of ids) {
        const d = rows.get(id);
        if (!usable(ctx, plan, id, d)) continue;
        const file = d.fileId === null ? undefined : files.get(d.fileId);
        if (file && typeof wanted.issueDate === 'string' && outsideDates(wanted.issueDate, file.startDate, file.endDate)) {
          plan.refuse('document', id, d.numberSymbol, 'date_outside_file', { date: wanted.issueDate, start: file.startDate, end: file.endDate });
          continue;
        }
        const current = { ...editableFields(d), reviewFields: d.reviewFields };
        // A field the archivist has filled in is no longer waiting for review (as for one edit).
        const reviewFields = d.reviewFields.filter((f) => !(f in wanted && filled(wanted[f])));
        const diff = diffFields(current, { ...wanted, reviewFields });
        if (!diff) {
          plan.unchanged++;
          continue;
        }
        plan.add({ entity: 'document', id, kind: 'fields', verb: 'update', before: diff.before, after: diff.after, stamp: d.updatedAt, label: d.numberSymbol });
      }
    },
  };
}

export function confirmReviewPlanner(ctx: ServiceContext, input: ActionInput<'documents.confirmReview'>): Planner {
  const { repos } = ctx.catalogue;
  const only = input.fields ? new Set(input.fields) : null;
  return {
    entity: 'document',
    detail: { fields: input.fields ?? 'all' },
    planChunk(ids, plan) {
      const rows = repos.bulk.documents(ids);
      for (const id of ids) {
        const d = rows.get(id);
        if (!usable(ctx, plan, id, d)) continue;
        const confirmed = d.reviewFields.filter((f) => !only || only.has(f));
        if (confirmed.length === 0) {
          plan.unchanged++;
          continue;
        }
        const values = editableFields(d) as Record<string, unknown>;
        plan.add({
          entity: 'document',
          id,
          kind: 'fields',
          verb: 'confirm',
          before: { reviewFields: d.reviewFields },
          after: { reviewFields: d.reviewFields.filter((f) => !confirmed.includes(f)) },
          stamp: d.updatedAt,
          label: d.numberSymbol,
          // The value confirmed, as the document holds it now (fields outside the record: none).
          confirmations: confirmed.map((field) => ({ field, value: field === 'numberSymbol' ? d.numberSymbol : (values[field] ?? null) })),
        });
      }
    },
  };
}

export function removePlanner(ctx: ServiceContext, input: ActionInput<'documents.remove'>): Planner {
  const { repos } = ctx.catalogue;
  return {
    entity: 'document',
    detail: { reason: input.reason },
    planChunk(ids, plan) {
      plan.reason = input.reason;
      const rows = repos.bulk.documents(ids);
      for (const id of ids) {
        const d = rows.get(id);
        if (!usable(ctx, plan, id, d)) continue;
        plan.add({
          entity: 'document',
          id,
          kind: 'remove',
          verb: 'remove',
          before: { removedAt: null, removedBy: null, removalReason: null },
          after: { removalReason: input.reason },
          stamp: d.updatedAt,
          label: d.numberSymbol,
        });
      }
    },
  };
}

/**
 * Số thứ tự in a file: the documents named come first, in the order given; the file's other
 * documents (e.g. secret ones hidden from the caller) follow in their present order.
 */
export function reorderPlanner(ctx: ServiceContext, input: ActionInput<'documents.reorder'>): Planner {
  const { repos } = ctx.catalogue;
  const file = repos.bulk.files([input.fileId]).get(input.fileId);
  if (!file) throw notFound('file', input.fileId);
  if (file.removedAt !== null) throw new ApiError('bulk.targetFileRemoved', { code: file.code });
  const lock = lockedBy(file);
  if (lock) throw new ApiError('bulk.fileInHandover', { code: file.code, batch: lock.batch });
  const named = new Set(input.selection.ids);
  let position = 1;
  return {
    entity: 'document',
    detail: { fileId: file.id, fileCode: file.code },
    planChunk(ids, plan) {
      const rows = repos.bulk.documents(ids);
      for (const id of ids) {
        const d = rows.get(id);
        if (!usable(ctx, plan, id, d)) continue;
        if (d.fileId !== file.id) {
          plan.refuse('document', id, d.numberSymbol, 'not_in_list', { file: file.code });
          continue;
        }
        const order = position++;
        if (d.orderInFile === order) plan.unchanged++;
        else plan.add({ entity: 'document', id, kind: 'fields', verb: 'reorder', before: { orderInFile: d.orderInFile }, after: { orderInFile: order }, stamp: d.updatedAt, label: d.numberSymbol });
      }
    },
    finish(plan) {
      const rest = repos.bulk.documentIdsOfList({ fileId: file.id, includeSecret: true }).filter((id) => !named.has(id));
      const rows = repos.bulk.documents(rest);
      const ordered = rest.map((id) => rows.get(id)!).sort((a, b) => (a.orderInFile ?? 1e9) - (b.orderInFile ?? 1e9) || a.id - b.id);
      for (const d of ordered) {
        const order = position++;
        if (d.orderInFile !== order) plan.add({ entity: 'document', id: d.id, kind: 'fields', verb: 'reorder', before: { orderInFile: d.orderInFile }, after: { orderInFile: order }, stamp: d.updatedAt, label: null });
      }
    },
  };
}
