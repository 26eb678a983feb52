/**
 * Undoing a bulk operation as one step: every record it changed goes back to what it was, in one
 * transaction, with one audit row per record. If any of those records changed since (another edit
 * wrote over the operation's values), nothing is undone and the records in the way are named.
 */
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { BulkUndoResult } from '../../../shared/contract/types/bulk';
import type { AuditInput } from '../../data/repositories/audit';
import type { BulkChangeRow, BulkDocumentRow, BulkFileRow } from '../../data/repositories/bulk';
import type { DocumentPatch } from '../../data/repositories/documents';
import { withStatementCache } from '../../data/statementCache';
import { type ServiceContext, nowOf } from '../context';
import { placeholderCode, touchesIndex } from './apply';

function documentValues(d: BulkDocumentRow): Record<string, unknown> {
  return { ...d } as unknown as Record<string, unknown>;
}

function fileValues(f: BulkFileRow): Record<string, unknown> {
  return { ...f } as unknown as Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function undoOperation(ctx: ServiceContext, operationId: number): BulkUndoResult {
  const { catalogue } = ctx;
  const { repos } = catalogue;
  const op = repos.bulk.operation(operationId);
  if (!op) throw notFound('bulk_operation', operationId);
  if (op.undoneAt !== null) {
    throw new ApiError('bulk.alreadyUndone', { at: op.undoneAt, by: op.undoneBy ?? '' });
  }
  return withStatementCache(catalogue.db, () =>
    catalogue.transaction(() => {
      const changes = repos.bulk.changes(operationId);
      const docs = repos.bulk.documents(changes.filter((c) => c.entityType === 'document').map((c) => c.entityId));
      const files = repos.bulk.files(changes.filter((c) => c.entityType === 'file').map((c) => c.entityId));
      const moved = new Set(changes.filter((c) => c.entityType === 'document' && c.kind === 'fields' && c.after && 'fileId' in c.after).map((c) => c.entityId));
      const stale: string[] = [];
      const label = (c: BulkChangeRow) => (c.entityType === 'document' ? (docs.get(c.entityId)?.numberSymbol ?? `#${c.entityId}`) : (files.get(c.entityId)?.code ?? `#${c.entityId}`));

      for (const c of changes) {
        const row = c.entityType === 'document' ? docs.get(c.entityId) : files.get(c.entityId);
        if (!row) {
          stale.push(label(c));
          continue;
        }
        const now = c.entityType === 'document' ? documentValues(row as BulkDocumentRow) : fileValues(row as BulkFileRow);
        let holds: boolean;
        if (c.kind === 'fields') holds = Object.entries(c.after ?? {}).every(([k, v]) => same(now[k], v)) && now.removedAt === null;
        else if (c.kind === 'remove') holds = now.removedAt === c.after?.removedAt && same(now.removalReason, c.after?.removalReason);
        else if (c.kind === 'batch') {
          const batch = repos.handoverBatches.get(c.after?.batchId as number);
          holds = now.batchId === c.after?.batchId && batch?.status === 'draft';
        } else {
          // A file this operation created: once its documents go back, it must be empty again.
          const others = repos.bulk.documentIdsOfList({ fileId: c.entityId, includeSecret: true }).filter((id) => !moved.has(id));
          holds = now.removedAt === null && now.batchId === null && others.length === 0;
        }
        if (!holds) stale.push(label(c));
      }
      if (stale.length > 0) {
        throw new ApiError('bulk.undoStale', { count: stale.length, labels: stale.slice(0, 10) });
      }

      const at = nowOf(ctx);
      const actor = ctx.actor();
      const audits: AuditInput[] = [];
      const reindex: Array<{ documentId: number }> = [];
      const reversed = [...changes].reverse();
      for (const c of reversed) if (c.entityType === 'file' && c.kind === 'fields' && c.before && 'code' in c.before) repos.files.update(c.entityId, { code: placeholderCode(c.entityId) }, at);
      for (const c of reversed) {
        let before: Record<string, unknown> | null = c.after;
        let after: Record<string, unknown> | null = c.before;
        if (c.kind === 'fields') {
          if (c.entityType === 'document') repos.documents.update(c.entityId, c.before as DocumentPatch, at);
          else repos.files.update(c.entityId, c.before!, at);
          if (c.entityType === 'document' && (touchesIndex(c.before) || touchesIndex(c.after))) reindex.push({ documentId: c.entityId });
        } else if (c.kind === 'remove') {
          if (c.entityType === 'document') {
            repos.removals.unmarkDocument(c.entityId);
            reindex.push({ documentId: c.entityId });
          } else repos.removals.unmarkFile(c.entityId);
        } else if (c.kind === 'batch') {
          repos.handoverBatches.removeFile(c.after!.batchId as number, c.entityId);
        } else {
          const reason = `Hoàn tác thao tác hàng loạt số ${operationId}`;
          repos.removals.markFile(c.entityId, { at, by: actor, reason });
          before = { removedAt: null };
          after = { removedAt: at, removedBy: actor, removalReason: reason };
        }
        audits.push({ at, actor, action: `bulk.${c.entityType}.undo`, entityType: c.entityType, entityId: c.entityId, before, after: { ...after, undoneOperation: operationId } });
      }
      repos.audit.appendMany(audits);
      repos.bulk.markUndone(operationId, at, actor);
      repos.searchIndex.upsertMany(reindex);
      return {
        operationId,
        restored: changes.length,
        documentIds: [...new Set(changes.filter((c) => c.entityType === 'document').map((c) => c.entityId))],
        fileIds: [...new Set(changes.filter((c) => c.entityType === 'file').map((c) => c.entityId))],
      };
    }),
  );
}
