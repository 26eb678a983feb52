import { ApiError, notFound } from '../../../shared/contract/errors';
import type { RemovalInfo } from '../../../shared/contract/types/safety';
import { type ServiceContext, audit, nowOf } from '../context';
import { assertDocumentVisible } from './secretsAccess';

/**
 * Gỡ bỏ / khôi phục. Removing a document or a file (hồ sơ) needs a reason and can be undone: the
 * record stays in the catalogue with who, when and why, leaves the lists, the search index and the
 * exports, and comes back whole on restore. The index entry is dropped and re-added in the same
 * transaction as the mark, so search and the catalogue never disagree.
 */

function dropFromSearch(ctx: ServiceContext, documentId: number): void {
  ctx.catalogue.repos.searchIndex.remove(documentId);
}

function addBackToSearch(ctx: ServiceContext, documentId: number): void {
  const { repos } = ctx.catalogue;
  const doc = repos.documents.get(documentId);
  if (doc) repos.searchIndex.upsert(documentId, { numberSymbol: doc.numberSymbol, subject: doc.subject, body: repos.documents.fullText(documentId) });
}

/** A removal as audit fields (flat, so the history shows "Lý do gỡ bỏ: …" rather than a blob). */
function asFields(r: RemovalInfo | null): { removedAt: string | null; removedBy: string | null; removalReason: string | null } {
  return { removedAt: r?.at ?? null, removedBy: r?.by ?? null, removalReason: r?.reason ?? null };
}

function destroyedError(entity: 'document' | 'file', decisionId: number): ApiError {
  return entity === 'document' ? new ApiError('removal.documentDestroyed', { decisionId }) : new ApiError('removal.fileDestroyed', { decisionId });
}

export function removeDocument(ctx: ServiceContext, id: number, reason: string): RemovalInfo {
  const { repos } = ctx.catalogue;
  const doc = repos.documents.get(id);
  if (!doc) throw notFound('document', id);
  assertDocumentVisible(ctx, id);
  if (repos.removals.documentRemoval(id)) throw new ApiError('removal.documentAlreadyRemoved', { id });
  return ctx.catalogue.transaction(() => {
    repos.removals.markDocument(id, { at: nowOf(ctx), by: ctx.actor(), reason });
    dropFromSearch(ctx, id);
    const removal = repos.removals.documentRemoval(id)!;
    audit(ctx, 'document.remove', 'document', id, asFields(null), asFields(removal));
    return removal;
  });
}

export function restoreDocument(ctx: ServiceContext, id: number, reason: string | null): void {
  const { repos } = ctx.catalogue;
  const doc = repos.documents.get(id);
  if (!doc) throw notFound('document', id);
  assertDocumentVisible(ctx, id);
  const removal = repos.removals.documentRemoval(id);
  if (!removal) throw new ApiError('removal.documentNotRemoved', { id });
  if (removal.destructionDecisionId !== null) throw destroyedError('document', removal.destructionDecisionId);
  if (doc.fileId !== null && repos.removals.fileRemoval(doc.fileId)) {
    throw new ApiError('removal.fileOfDocumentRemoved');
  }
  ctx.catalogue.transaction(() => {
    repos.removals.unmarkDocument(id);
    addBackToSearch(ctx, id);
    audit(ctx, 'document.restore', 'document', id, asFields(removal), { ...asFields(null), restoreReason: reason });
  });
}

export function removeFile(ctx: ServiceContext, id: number, reason: string): { removal: RemovalInfo; documentIds: number[] } {
  const { repos } = ctx.catalogue;
  const file = repos.files.get(id);
  if (!file) throw notFound('file', id);
  if (repos.removals.fileRemoval(id)) throw new ApiError('removal.fileAlreadyRemoved', { code: file.code });
  const pending = repos.destruction.openDecisionOfFile(id);
  if (pending) {
    throw new ApiError('removal.fileInDecision', { code: file.code, decision: pending.decisionNumber });
  }
  return ctx.catalogue.transaction(() => {
    const at = nowOf(ctx);
    const by = ctx.actor();
    const documentIds = repos.removals.activeDocumentIdsOfFile(id);
    repos.removals.markFile(id, { at, by, reason });
    for (const docId of documentIds) {
      repos.removals.markDocument(docId, { at, by, reason, withFileId: id });
      dropFromSearch(ctx, docId);
      audit(ctx, 'document.remove', 'document', docId, asFields(null), { ...asFields(repos.removals.documentRemoval(docId)), withFileId: id });
    }
    const removal = repos.removals.fileRemoval(id)!;
    audit(ctx, 'file.remove', 'file', id, asFields(null), { ...asFields(removal), documentIds });
    return { removal, documentIds };
  });
}

export function restoreFile(ctx: ServiceContext, id: number, reason: string | null): { documentIds: number[] } {
  const { repos } = ctx.catalogue;
  const file = repos.files.get(id);
  if (!file) throw notFound('file', id);
  const removal = repos.removals.fileRemoval(id);
  if (!removal) throw new ApiError('removal.fileNotRemoved', { code: file.code });
  if (removal.destructionDecisionId !== null) throw destroyedError('file', removal.destructionDecisionId);
  return ctx.catalogue.transaction(() => {
    const documentIds = repos.removals.documentIdsRemovedWithFile(id);
    repos.removals.unmarkFile(id);
    for (const docId of documentIds) {
      const before = repos.removals.documentRemoval(docId);
      repos.removals.unmarkDocument(docId);
      addBackToSearch(ctx, docId);
      audit(ctx, 'document.restore', 'document', docId, asFields(before), { ...asFields(null), withFileId: id });
    }
    audit(ctx, 'file.restore', 'file', id, asFields(removal), { ...asFields(null), restoreReason: reason, documentIds });
    return { documentIds };
  });
}
