/**
 * Making up a batch: creating it, correcting its particulars, choosing its files (with the
 * recorded confirmation secret documents need), and numbering its boxes. Every change is audited
 * in the transaction that makes it.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { ArchiveFile, RetentionClass } from '../../../shared/contract/types';
import type { BatchDetail } from '../../../shared/contract/types/handover';
import { diffRecords } from '../../../shared/domain/canonicalJson';
import { canEditContents, canEditParticulars, STATUS_LABEL_VI } from '../../../shared/handover/batchRules';
import { SECURITY_LABEL_VI } from '../../../shared/handover/forms';
import { type ServiceContext, audit, nowOf } from '../context';
import { batchDetail, batchFiles, getBatch } from './batchQueries';

function checkOrganizations(ctx: ServiceContext, fromId: number, toId: number | null | undefined): void {
  const { organizations } = ctx.catalogue.repos;
  if (!organizations.get(fromId)) throw notFound('đơn vị bên giao', 'Organization', fromId);
  if (toId != null) {
    if (!organizations.get(toId)) throw notFound('đơn vị bên nhận', 'Organization', toId);
    if (toId === fromId) {
      throw new ApiError('invalid_input', 'Bên nhận phải khác bên giao.', 'Recipient equals sender', { toOrganizationId: 'Bên nhận phải khác bên giao' });
    }
  }
}

function checkCodeFree(ctx: ServiceContext, code: string, exceptId?: number): void {
  const existing = ctx.catalogue.repos.handoverBatches.findOutgoingByCode(code);
  if (existing && existing.id !== exceptId) {
    throw new ApiError('conflict', `Số biên bản “${code}” đã được dùng cho một đợt bàn giao khác.`, `Batch code ${code} taken`, { code: 'Số đã được dùng' });
  }
}

function outgoing(ctx: ServiceContext, id: number) {
  const batch = getBatch(ctx, id);
  if (batch.direction !== 'outgoing') {
    throw new ApiError('conflict', 'Đợt này được tiếp nhận từ nơi khác: không sửa được nội dung của nó.', `Batch ${id} is incoming`);
  }
  return batch;
}

export function createBatch(ctx: ServiceContext, input: ParsedInputOf<'handover.batches.create'>): BatchDetail {
  checkOrganizations(ctx, input.fromOrganizationId, input.toOrganizationId);
  checkCodeFree(ctx, input.code);
  const { repos } = ctx.catalogue;
  const id = ctx.catalogue.transaction(() => {
    const id = repos.handoverBatches.insert({ ...input, uuid: randomUUID(), direction: 'outgoing', status: 'draft' }, nowOf(ctx));
    audit(ctx, 'handover.create', 'handover_batch', id, undefined, repos.handoverBatches.get(id));
    return id;
  });
  return batchDetail(ctx, id);
}

export function updateBatch(ctx: ServiceContext, id: number, patch: ParsedInputOf<'handover.batches.update'>['patch']): BatchDetail {
  const before = outgoing(ctx, id);
  if (!canEditParticulars(before.status)) {
    throw new ApiError('conflict', `Đợt bàn giao đã ở bước “${STATUS_LABEL_VI[before.status]}”: biên bản đã ký, không sửa được.`, `Batch ${id} is ${before.status}`);
  }
  if (patch.code !== undefined) checkCodeFree(ctx, patch.code, id);
  if (patch.toOrganizationId !== undefined) checkOrganizations(ctx, before.fromOrganizationId, patch.toOrganizationId);
  const { repos } = ctx.catalogue;
  ctx.catalogue.transaction(() => {
    repos.handoverBatches.update(id, patch, nowOf(ctx));
    const after = repos.handoverBatches.get(id)!;
    const diff = diffRecords(
      { ...before, updatedAt: '', verification: null },
      { ...after, updatedAt: '', verification: null },
    );
    if (diff) audit(ctx, 'handover.update', 'handover_batch', id, diff.before, diff.after);
  });
  return batchDetail(ctx, id);
}

/**
 * Puts files into a draft batch. Secret documents in them travel only with an explicit
 * confirmation naming each of them and a reason; who and when are recorded from the session, in
 * the confirmations table and the audit log. A caller who may not see secrets cannot confirm them.
 */
export function addFiles(ctx: ServiceContext, input: ParsedInputOf<'handover.batches.addFiles'>): BatchDetail {
  const batch = outgoing(ctx, input.batchId);
  if (!canEditContents(batch.status)) {
    throw new ApiError('conflict', 'Chỉ thêm hoặc bớt hồ sơ khi đợt bàn giao còn là dự thảo (hãy mở lại đợt trước).', `Batch ${batch.id} is ${batch.status}`);
  }
  const { repos } = ctx.catalogue;
  const fileIds = [...new Set(input.fileIds)];
  for (const fileId of fileIds) {
    const file = repos.files.get(fileId);
    if (!file) throw notFound('hồ sơ', 'File', fileId);
  }
  const removed = repos.handoverData.removedFiles(fileIds);
  if (removed.length > 0) {
    throw new ApiError('conflict', `Hồ sơ số ${removed.map((r) => r.code).join(', ')} đã bị gỡ bỏ khỏi danh mục: không đưa vào đợt bàn giao.`, 'Removed files');
  }
  const taken = repos.handoverBatches.filesInAnyBatch(fileIds);
  if (taken.length > 0) {
    const codes = taken.map((t) => repos.files.get(t.fileId)?.code ?? String(t.fileId));
    throw new ApiError('conflict', `Hồ sơ số ${codes.slice(0, 20).join(', ')} đã nằm trong một đợt bàn giao.`, `Files already in a batch: ${taken.map((t) => t.fileId).join(',')}`);
  }

  const secrets = repos.handoverBatches.secretDocumentsOfFiles(fileIds);
  const confirmation = input.secretConfirmation;
  if (secrets.length > 0) {
    if (!ctx.access.secretsVisible()) {
      throw new ApiError('unauthorized', 'Các hồ sơ này có văn bản mật; người dùng hiện tại không được xem tài liệu mật nên không thể xác nhận đưa vào đợt bàn giao.', 'Secrets hidden from caller');
    }
    const named = new Set(confirmation?.documentIds ?? []);
    const missing = secrets.filter((s) => !named.has(s.documentId));
    if (missing.length > 0) {
      const list = missing.slice(0, 20).map((s) => `${s.numberSymbol ?? `văn bản mã ${s.documentId}`} (${SECURITY_LABEL_VI[s.securityLevel]})`);
      throw new ApiError(
        'conflict',
        `Các hồ sơ có ${secrets.length} văn bản mật. Cần xác nhận từng văn bản và nêu lý do trước khi đưa vào đợt bàn giao: ${list.join(', ')}${missing.length > 20 ? '…' : ''}.`,
        `Secret documents need confirmation: ${missing.map((s) => s.documentId).join(',')}`,
        { secretConfirmation: 'Cần xác nhận văn bản mật' },
      );
    }
  }
  if (confirmation) {
    const inFiles = new Set(secrets.map((s) => s.documentId));
    const stray = confirmation.documentIds.filter((d) => !inFiles.has(d));
    if (stray.length > 0) {
      throw new ApiError('invalid_input', `Xác nhận nêu văn bản không phải văn bản mật của các hồ sơ được chọn (mã ${stray.join(', ')}).`, 'Confirmation names other documents', {
        'secretConfirmation.documentIds': 'Văn bản không thuộc các hồ sơ này hoặc không phải văn bản mật',
      });
    }
  }

  ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    for (const fileId of fileIds) repos.handoverBatches.addFile(batch.id, fileId, now);
    audit(ctx, 'handover.addFiles', 'handover_batch', batch.id, undefined, { fileIds });
    for (const s of secrets) {
      const reason = confirmation!.reason;
      if (repos.handoverBatches.confirmSecret(batch.id, s.documentId, s.securityLevel, ctx.actor(), now, reason)) {
        audit(ctx, 'handover.confirmSecret', 'document', s.documentId, undefined, { batchId: batch.id, batchCode: batch.code, securityLevel: s.securityLevel, reason });
      }
    }
  });
  return batchDetail(ctx, batch.id);
}

export function removeFiles(ctx: ServiceContext, batchId: number, fileIds: number[]): BatchDetail {
  const batch = outgoing(ctx, batchId);
  if (!canEditContents(batch.status)) {
    throw new ApiError('conflict', 'Chỉ thêm hoặc bớt hồ sơ khi đợt bàn giao còn là dự thảo (hãy mở lại đợt trước).', `Batch ${batchId} is ${batch.status}`);
  }
  const { repos } = ctx.catalogue;
  const inBatch = new Set(repos.handoverBatches.fileIds(batchId));
  const notIn = fileIds.filter((f) => !inBatch.has(f));
  if (notIn.length > 0) throw new ApiError('not_found', `Hồ sơ mã ${notIn.join(', ')} không có trong đợt bàn giao này.`, 'Files not in batch');
  ctx.catalogue.transaction(() => {
    for (const fileId of fileIds) repos.handoverBatches.removeFile(batchId, fileId);
    audit(ctx, 'handover.removeFiles', 'handover_batch', batchId, { fileIds }, undefined);
  });
  return batchDetail(ctx, batchId);
}

const byNatural = new Intl.Collator('vi', { numeric: true });

/**
 * Numbers the boxes (hộp số) of files that have none: per fonds, permanent and fixed-term files in
 * separate boxes, `filesPerBox` files to a box, numbers continuing after the fonds' highest one.
 * Files that already have a box keep it.
 */
export function assignBoxes(ctx: ServiceContext, batchId: number, filesPerBox: number): BatchDetail {
  const batch = outgoing(ctx, batchId);
  if (batch.status !== 'draft' && batch.status !== 'listed') {
    throw new ApiError('conflict', 'Chỉ đánh số hộp trước khi đóng gói.', `Batch ${batchId} is ${batch.status}`);
  }
  const { repos } = ctx.catalogue;
  const files = batchFiles(ctx, repos.handoverBatches.fileIds(batchId));
  const byFonds = new Map<number, ArchiveFile[]>();
  for (const f of files) byFonds.set(f.fondsId, [...(byFonds.get(f.fondsId) ?? []), f]);
  const plan: Array<{ file: ArchiveFile; box: string }> = [];
  for (const [fondsId, list] of byFonds) {
    let highest = 0;
    for (const f of repos.files.listByFonds(fondsId)) {
      const n = f.box && /^\d+$/.test(f.box.trim()) ? Number(f.box.trim()) : 0;
      if (n > highest) highest = n;
    }
    const classes: Array<RetentionClass | null> = ['permanent', 'fixed', null];
    for (const cls of classes) {
      const unboxed = list
        .filter((f) => (!f.box || f.box.trim() === '') && (f.retention?.retentionClass ?? null) === cls)
        .sort((a, b) => byNatural.compare(a.code, b.code));
      for (let i = 0; i < unboxed.length; i += filesPerBox) {
        highest++;
        for (const file of unboxed.slice(i, i + filesPerBox)) plan.push({ file, box: String(highest) });
      }
    }
  }
  ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    for (const { file, box } of plan) {
      repos.files.update(file.id, { box }, now);
      audit(ctx, 'file.update', 'file', file.id, { box: file.box }, { box });
    }
    if (plan.length > 0) audit(ctx, 'handover.assignBoxes', 'handover_batch', batchId, undefined, { filesPerBox, files: plan.length });
  });
  return batchDetail(ctx, batchId);
}

/**
 * Removes a draft batch with a reason: a draft is no dead end. It is kept (who, when, why) but no
 * longer listed, and its files are free to join another batch. A batch listed or further is the
 * record of a handover: reopen it first.
 */
export function removeBatch(ctx: ServiceContext, id: number, reason: string): { id: number; fileIds: number[] } {
  const { repos } = ctx.catalogue;
  const batch = repos.handoverBatches.get(id);
  if (!batch || repos.bulk.batchRemoved(id)) throw notFound('handover_batch', id);
  if (batch.direction !== 'outgoing' || batch.status !== 'draft') throw new ApiError('handover.batchRemoveNotDraft', { code: batch.code });
  return ctx.catalogue.transaction(() => {
    const at = nowOf(ctx);
    const fileIds = repos.handoverBatches.markRemoved(id, { at, by: ctx.actor(), reason });
    audit(ctx, 'handover.remove', 'handover_batch', id, { code: batch.code, status: batch.status, fileIds }, { removedAt: at, removedBy: ctx.actor(), removalReason: reason, fileIds: [] });
    return { id, fileIds };
  });
}
