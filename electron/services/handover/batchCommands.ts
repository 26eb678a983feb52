/**
 * Making up a batch: creating it, correcting its particulars, choosing its files (with the
 * recorded confirmation secret documents need), and numbering its boxes. Every change is audited
 * in the transaction that makes it.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { ArchiveFile, RetentionClass } from '../../../shared/contract/types';
import type { BatchDetail } from '../../../shared/contract/types/handover';
import { diffRecords } from '../../../shared/domain/canonicalJson';
import { canEditContents, canEditParticulars } from '../../../shared/handover/batchRules';
import { type ServiceContext, audit, nowOf } from '../context';
import { batchDetail, batchFiles, getBatch } from './batchQueries';

function checkOrganizations(ctx: ServiceContext, fromId: number, toId: number | null | undefined): void {
  const { organizations } = ctx.catalogue.repos;
  if (!organizations.get(fromId)) throw notFound('organization', fromId);
  if (toId != null) {
    if (!organizations.get(toId)) throw notFound('organization', toId);
    if (toId === fromId) {
      throw new ApiError('handover.recipientIsSender', {}, { toOrganizationId: fieldError('field.recipientIsSender') });
    }
  }
}

function checkCodeFree(ctx: ServiceContext, code: string, exceptId?: number): void {
  const existing = ctx.catalogue.repos.handoverBatches.findOutgoingByCode(code);
  if (existing && existing.id !== exceptId) {
    throw new ApiError('handover.batchCodeTaken', { code }, { code: fieldError('field.numberTaken') });
  }
}

function outgoing(ctx: ServiceContext, id: number) {
  const batch = getBatch(ctx, id);
  if (batch.direction !== 'outgoing') {
    throw new ApiError('handover.batchIncoming');
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
    throw new ApiError('handover.particularsSigned', { status: before.status });
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
    throw new ApiError('handover.draftOnly');
  }
  const { repos } = ctx.catalogue;
  const fileIds = [...new Set(input.fileIds)];
  for (const fileId of fileIds) {
    const file = repos.files.get(fileId);
    if (!file) throw notFound('file', fileId);
  }
  const removed = repos.handoverData.removedFiles(fileIds);
  if (removed.length > 0) {
    throw new ApiError('handover.filesRemoved', { codes: removed.map((r) => r.code) });
  }
  const taken = repos.handoverBatches.filesInAnyBatch(fileIds);
  if (taken.length > 0) {
    const codes = taken.map((t) => repos.files.get(t.fileId)?.code ?? String(t.fileId));
    throw new ApiError('handover.filesInOtherBatch', { codes: codes.slice(0, 20) });
  }

  const secrets = repos.handoverBatches.secretDocumentsOfFiles(fileIds);
  const confirmation = input.secretConfirmation;
  if (secrets.length > 0) {
    if (!ctx.access.secretsVisible()) {
      throw new ApiError('handover.secretsNotVisible');
    }
    const named = new Set(confirmation?.documentIds ?? []);
    const missing = secrets.filter((s) => !named.has(s.documentId));
    if (missing.length > 0) {
      const documents = missing.slice(0, 20).map((s) => fieldError('handover.secretDocument', { label: s.numberSymbol ?? `#${s.documentId}`, level: s.securityLevel }));
      throw new ApiError(
        'handover.secretsNeedConfirmation',
        { total: secrets.length, documents, more: missing.length > 20 },
        { secretConfirmation: fieldError('field.secretsNeedConfirmation') },
      );
    }
  }
  if (confirmation) {
    const inFiles = new Set(secrets.map((s) => s.documentId));
    const stray = confirmation.documentIds.filter((d) => !inFiles.has(d));
    if (stray.length > 0) {
      throw new ApiError('handover.confirmationStray', { ids: stray }, { 'secretConfirmation.documentIds': fieldError('field.confirmationStray') });
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
    throw new ApiError('handover.draftOnly');
  }
  const { repos } = ctx.catalogue;
  const inBatch = new Set(repos.handoverBatches.fileIds(batchId));
  const notIn = fileIds.filter((f) => !inBatch.has(f));
  if (notIn.length > 0) throw new ApiError('handover.filesNotInBatch', { ids: notIn });
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
    throw new ApiError('handover.boxesBeforePacking');
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
