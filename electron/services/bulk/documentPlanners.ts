/**
 * Planning the bulk actions on documents: move into a file (hồ sơ), set fields, confirm review
 * fields, remove with a reason, and order a file's documents. Each looks at every selected record
 * and decides: change it (fields before and after), leave it (already as asked), or refuse it with
 * a code and parameters.
 */
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { BatchStatus } from '../../../shared/contract/types/handover';
import { canEditContents } from '../../../shared/handover/batchRules';
import type { BulkDocumentRow, BulkFileRow } from '../../data/repositories/bulk';
import type { ServiceContext } from '../context';
import { NEW_FILE, type Plan, diffFields } from './plan';
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

export function movePlanner(ctx: ServiceContext, input: ActionInput<'documents.move'>): Planner {
  const { repos } = ctx.catalogue;
  let target: { id: number; fondsId: number | null; start: string | null; end: string | null; stamp: string | null; code: string } | null = null;
  const to = input.to;
  if ('fileId' in to) {
    const f = repos.bulk.files([to.fileId]).get(to.fileId);
    if (!f) throw notFound('hồ sơ', 'File', to.fileId);
    if (f.removedAt !== null) throw new ApiError('conflict', `Hồ sơ “${f.code}” đã được gỡ bỏ: hãy khôi phục trước khi đưa văn bản vào.`, `Target file ${f.id} is removed`);
    const lock = lockedBy(f);
    if (lock) {
      throw new ApiError('conflict', `Hồ sơ “${f.code}” đã nằm trong đợt bàn giao ${lock.batch} (đã lập danh mục): không thêm văn bản được.`, `Target file ${f.id} is in batch ${lock.batch} (${lock.status})`);
    }
    target = { id: f.id, fondsId: f.fondsId, start: f.startDate, end: f.endDate, stamp: f.updatedAt, code: f.code };
  } else if (to.newFile.retentionCode != null && !repos.codes.retentionExists(to.newFile.retentionCode)) {
    throw new ApiError('invalid_input', `Thời hạn bảo quản “${to.newFile.retentionCode}” không có trong bảng thời hạn.`, 'Unknown retention', { retentionCode: 'Thời hạn không hợp lệ' });
  }
  const newFile = 'newFile' in to ? to.newFile : null;
  let next = target ? repos.documents.nextOrderInFile(target.id) : 1;
  /** Dates of the documents moved, to widen the file's (or set the new file's) dates. */
  let lo: string | null = null;
  let hi: string | null = null;
  const dates = new Map<number, string | null>();

  return {
    entity: 'document',
    detail: { to: 'fileId' in to ? { fileId: to.fileId } : { newFile: { code: to.newFile.code, title: to.newFile.title } }, widenFileDates: input.widenFileDates },
    planChunk(ids, plan) {
      const rows = repos.bulk.documents(ids);
      const sources = filesOf(ctx, rows);
      for (const id of ids) {
        const d = rows.get(id);
        if (!usable(ctx, plan, id, d)) continue;
        if (!target) {
          // A new file is made in the fonds of the first document moved.
          const fonds = repos.fonds.get(d.fondsId)!;
          if (repos.files.findByCode(d.fondsId, newFile!.code)) {
            throw new ApiError('conflict', `Phông ${fonds.code} đã có hồ sơ số “${newFile!.code}”.`, `File code ${newFile!.code} taken`, { code: 'Số hồ sơ đã tồn tại trong phông' });
          }
          if (newFile!.fileListId != null && repos.fileLists.get(newFile!.fileListId)?.fondsId !== d.fondsId) {
            throw new ApiError('invalid_input', 'Mục lục hồ sơ không thuộc phông của các văn bản.', 'File list not in this fonds', { fileListId: 'Mục lục không thuộc phông' });
          }
          target = { id: NEW_FILE, fondsId: d.fondsId, start: null, end: null, stamp: null, code: newFile!.code };
        }
        if (d.fondsId !== target.fondsId) {
          plan.refuse('document', id, d.numberSymbol, 'other_fonds', { fonds: repos.fonds.get(d.fondsId)?.code ?? null });
          continue;
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
        if (target.id !== NEW_FILE && !input.widenFileDates && outsideDates(d.issueDate, target.start, target.end)) {
          plan.refuse('document', id, d.numberSymbol, 'date_outside_file', { date: d.issueDate, start: target.start, end: target.end });
          continue;
        }
        if (d.issueDate) {
          if (lo === null || d.issueDate < lo) lo = d.issueDate;
          if (hi === null || d.issueDate > hi) hi = d.issueDate;
        }
        dates.set(id, d.issueDate);
        plan.add({ entity: 'document', id, kind: 'fields', verb: 'move', before: { fileId: d.fileId, orderInFile: d.orderInFile }, after: { fileId: target.id }, stamp: d.updatedAt, label: d.numberSymbol });
      }
    },
    finish(plan) {
      if (!target) return;
      // Số thứ tự in the file: the documents moved follow those already there, oldest first.
      const moved = plan.changes.filter((c) => c.verb === 'move');
      moved.sort((a, b) => (dates.get(a.id) ?? '9999').localeCompare(dates.get(b.id) ?? '9999') || a.id - b.id);
      for (const c of moved) c.after!.orderInFile = next++;
      if (target.id === NEW_FILE) {
        if (moved.length === 0) return;
        plan.createFile = {
          fondsId: target.fondsId!,
          code: newFile!.code,
          title: newFile!.title,
          fileListId: newFile!.fileListId ?? null,
          retentionCode: newFile!.retentionCode ?? null,
          completion: newFile!.completion ?? null,
          box: newFile!.box ?? null,
          startDate: lo,
          endDate: hi,
        };
      } else if (input.widenFileDates && (lo !== null || hi !== null)) {
        const start = target.start !== null && lo !== null && lo < target.start ? lo : target.start;
        const end = target.end !== null && hi !== null && hi > target.end ? hi : target.end;
        const diff = diffFields({ startDate: target.start, endDate: target.end }, { startDate: start, endDate: end });
        if (diff) plan.add({ entity: 'file', id: target.id, kind: 'fields', verb: 'update', before: diff.before, after: diff.after, stamp: target.stamp, label: target.code, critical: true });
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
  if (!file) throw notFound('hồ sơ', 'File', input.fileId);
  if (file.removedAt !== null) throw new ApiError('conflict', `Hồ sơ “${file.code}” đã được gỡ bỏ.`, `File ${file.id} is removed`);
  const lock = lockedBy(file);
  if (lock) throw new ApiError('conflict', `Hồ sơ “${file.code}” đã nằm trong đợt bàn giao ${lock.batch}: không sắp xếp lại được.`, `File ${file.id} is in batch ${lock.batch}`);
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
