/**
 * Writes a planned bulk action in one transaction: every record changed, one audit row per record,
 * the operation and its changes recorded for undo, and the search index brought along last (its
 * facet columns follow through the change journal the triggers fill).
 */
import { ApiError } from '../../../shared/contract/errors';
import type { BulkActionName, BulkResult } from '../../../shared/contract/types/bulk';
import type { AuditInput } from '../../data/repositories/audit';
import type { DocumentPatch } from '../../data/repositories/documents';
import { withStatementCache } from '../../data/statementCache';
import { type ServiceContext, nowOf } from '../context';
import { type Plan, type PlannedChange } from './plan';

/** Document fields the search index holds (a change to any of them re-indexes the document). */
export const INDEXED_FIELDS = new Set(['numberSymbol', 'subject', 'docType', 'issuer', 'parentIssuer', 'signerName', 'place', 'issueDate', 'securityLevel', 'fondsId']);

export function touchesIndex(fields: Record<string, unknown> | null): boolean {
  return fields !== null && Object.keys(fields).some((k) => INDEXED_FIELDS.has(k));
}

/** A file code no one types, held for a moment while codes are exchanged (UNIQUE per fonds). */
export function placeholderCode(fileId: number): string {
  return `\u0001renumbering-${fileId}`;
}

/** Withdraws changes to records that changed since they were planned (or refuses the whole action). */
function dropStale(ctx: ServiceContext, plan: Plan): void {
  const { bulk } = ctx.catalogue.repos;
  const ids = (entity: 'document' | 'file') => plan.changes.filter((c) => c.entity === entity && c.stamp !== null).map((c) => c.id);
  const stamps = { document: bulk.stamps('document', ids('document')), file: bulk.stamps('file', ids('file')) };
  const stale = (c: PlannedChange) => c.stamp !== null && stamps[c.entity].get(c.id) !== c.stamp;
  const critical = plan.changes.find((c) => c.critical && stale(c));
  if (critical) {
    throw new ApiError('bulk.changedWhilePlanning', { label: critical.label ?? String(critical.id) });
  }
  const withdrawnFiles = new Set<number>();
  plan.withdraw((c) => {
    if (!stale(c)) return true;
    plan.refuse(c.entity, c.id, c.label, 'changed_meanwhile');
    if (c.entity === 'file' && c.kind === 'remove') withdrawnFiles.add(c.id);
    return false;
  });
  // Documents planned to go with a file that is no longer removed stay.
  if (withdrawnFiles.size > 0) plan.withdraw((c) => !(c.kind === 'remove' && withdrawnFiles.has(c.after?.withFileId as number)));
}

export function applyPlan(ctx: ServiceContext, action: BulkActionName, detail: Record<string, unknown>, plan: Plan, selected: number, started: number): BulkResult {
  const { catalogue } = ctx;
  const { repos } = catalogue;
  const outcome = withStatementCache(catalogue.db, () =>
    catalogue.transaction(() => {
      dropStale(ctx, plan);
      if (plan.batchId !== null) {
        const batch = repos.handoverBatches.get(plan.batchId);
        if (!batch || batch.status !== 'draft' || repos.bulk.batchRemoved(plan.batchId)) {
          throw new ApiError('bulk.batchNotDraft', { code: batch?.code ?? String(plan.batchId) });
        }
      }
      const now = nowOf(ctx);
      const actor = ctx.actor();
      const audits: AuditInput[] = [];
      const changeRows: Array<{ entityType: 'document' | 'file'; entityId: number; kind: PlannedChange['kind']; before: Record<string, unknown> | null; after: Record<string, unknown> | null }> = [];

      const createdFileIds: number[] = [];
      const created = new Map<number, number>();
      const targets = new Set(plan.changes.map((c) => c.after?.fileId));
      for (const [placeholder, fields] of plan.createFiles) {
        if (!targets.has(placeholder)) continue;
        const id = repos.files.insert(fields, now);
        const file = repos.files.get(id)!;
        created.set(placeholder, id);
        createdFileIds.push(id);
        audits.push({ at: now, actor, action: 'bulk.file.create', entityType: 'file', entityId: id, before: undefined, after: file });
        changeRows.push({ entityType: 'file', entityId: id, kind: 'create', before: null, after: { code: file.code, title: file.title } });
      }
      for (const c of plan.changes) if (typeof c.after?.fileId === 'number' && created.has(c.after.fileId)) c.after.fileId = created.get(c.after.fileId);

      // Codes are unique per fonds: those exchanged pass through placeholders first.
      for (const c of plan.changes) if (c.entity === 'file' && c.kind === 'fields' && c.after && 'code' in c.after) repos.files.update(c.id, { code: placeholderCode(c.id) }, now);

      for (const c of plan.changes) {
        if (c.kind === 'fields') {
          if (c.entity === 'document') repos.documents.update(c.id, c.after as DocumentPatch, now);
          else repos.files.update(c.id, c.after!, now);
          for (const k of c.confirmations ?? []) {
            repos.review.addConfirmation({ documentId: c.id, field: k.field, value: k.value, edited: false, confirmedBy: actor, confirmedAt: now });
          }
        } else if (c.kind === 'remove') {
          const withFileId = (c.after?.withFileId as number | undefined) ?? null;
          c.after = { removedAt: now, removedBy: actor, removalReason: plan.reason, ...(c.entity === 'document' && withFileId !== null ? { withFileId } : {}) };
          if (c.entity === 'document') repos.removals.markDocument(c.id, { at: now, by: actor, reason: plan.reason ?? '', withFileId });
          else repos.removals.markFile(c.id, { at: now, by: actor, reason: plan.reason ?? '' });
        } else if (c.kind === 'batch') {
          repos.handoverBatches.addFile(plan.batchId!, c.id, now);
          for (const s of c.secrets ?? []) {
            if (repos.handoverBatches.confirmSecret(plan.batchId!, s.documentId, s.securityLevel as 'mat', actor, now, plan.reason ?? '')) {
              audits.push({ at: now, actor, action: 'handover.confirmSecret', entityType: 'document', entityId: s.documentId, before: undefined, after: { batchId: plan.batchId, securityLevel: s.securityLevel, reason: plan.reason } });
            }
          }
        }
        audits.push({ at: now, actor, action: `bulk.${c.entity}.${c.verb}`, entityType: c.entity, entityId: c.id, before: c.before, after: c.after });
        changeRows.push({ entityType: c.entity, entityId: c.id, kind: c.kind, before: c.before, after: c.after });
      }
      repos.audit.appendMany(audits);

      const changed = plan.changes.length + createdFileIds.length;
      const operationId = changed > 0 ? repos.bulk.insertOperation({ action, params: detail, actor, at: now, changed, refused: plan.refusedCount }) : null;
      if (operationId !== null) repos.bulk.insertChanges(operationId, changeRows);

      // The index last (see DEVELOPERS.md: FTS rows after every other write of the transaction).
      const unindex: number[] = [];
      const reindex: Array<{ documentId: number }> = [];
      for (const c of plan.changes) {
        if (c.entity !== 'document') continue;
        if (c.kind === 'remove') unindex.push(c.id);
        else if (c.kind === 'fields' && touchesIndex(c.after)) reindex.push({ documentId: c.id });
      }
      repos.searchIndex.removeMany(unindex);
      repos.searchIndex.upsertMany(reindex);
      return { operationId, createdFileIds };
    }),
  );
  const documentIds = plan.changes.filter((c) => c.entity === 'document').map((c) => c.id);
  const fileIds = plan.changes.filter((c) => c.entity === 'file').map((c) => c.id);
  fileIds.unshift(...outcome.createdFileIds);
  return {
    operationId: outcome.operationId,
    action,
    selected,
    changed: documentIds.length + fileIds.length,
    unchanged: plan.unchanged,
    refusedCount: plan.refusedCount,
    refusals: plan.refusals,
    refusedByCode: plan.refusedByCode,
    documentIds,
    fileIds,
    createdFileIds: outcome.createdFileIds,
    tookMs: Math.round(performance.now() - started),
  };
}
