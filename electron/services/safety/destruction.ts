import { createHash } from 'node:crypto';
import { ApiError, fieldError, notFound, type ErrorMessage } from '../../../shared/contract/errors';
import type { DestructionCandidate, DestructionDecision, DestructionItem, DestructionListExport } from '../../../shared/contract/types/safety';
import { destructionListCsv, destructionListFileName } from '../../../shared/safety/destructionList';
import { isExpired, retentionExpiry } from '../../../shared/safety/retention';
import type { CandidateRow } from '../../data/repositories/destruction';
import { type ServiceContext, audit, nowOf } from '../context';

/**
 * Tiêu hủy tài liệu hết giá trị (Hướng dẫn 29-HD/VPTW 2017): the software never destroys. It records
 * an approved decision (number, date, who approved, the files), lets the user export the list
 * (danh mục tài liệu hết giá trị), and only after the user confirms that exact list (by its
 * SHA-256) marks the files and their documents as destroyed under the decision: they leave the
 * lists, search and exports but stay in the catalogue as the record of what was destroyed. The
 * originals stay in the managed folder until the user moves them to a quarantine folder.
 */

function toItem(row: CandidateRow): DestructionItem {
  return {
    fileId: row.fileId,
    fondsCode: row.fondsCode,
    code: row.code,
    title: row.title,
    startDate: row.startDate,
    endDate: row.endDate,
    retentionLabel: row.retentionLabel,
    expiredOn: retentionExpiry(row.endDate, row.retentionClass, row.years),
    documentCount: row.documentCount,
    originalCount: row.originalCount,
  };
}

export function getDecision(ctx: ServiceContext, id: number): DestructionDecision {
  const decision = ctx.catalogue.repos.destruction.get(id);
  if (!decision) throw notFound('destruction_decision', id);
  return decision;
}

/** Fixed-term files whose retention has run out (today), not yet in a decision. */
export function destructionCandidates(ctx: ServiceContext): DestructionCandidate[] {
  const today = nowOf(ctx).slice(0, 10);
  return ctx.catalogue.repos.destruction
    .fixedTermFiles()
    .map((row) => ({ ...toItem(row), fondsId: row.fondsId }))
    .filter((c) => isExpired(c.expiredOn, today));
}

export interface DecisionInput {
  decisionNumber: string;
  decisionDate: string;
  approvedBy: string;
  approverTitle?: string | null;
  basis?: string | null;
  notes?: string | null;
  fileIds: number[];
}

/** Each file must exist, be in use, be fixed-term, have expired by the decision's date and not be in another decision. */
function checkFiles(ctx: ServiceContext, input: DecisionInput): DestructionItem[] {
  const { repos } = ctx.catalogue;
  const problems: ErrorMessage[] = [];
  const items: DestructionItem[] = [];
  for (const fileId of [...new Set(input.fileIds)]) {
    const facts = repos.destruction.fileFacts(fileId);
    if (!facts) {
      problems.push(fieldError('destructionProblem.noFile', { id: fileId }));
      continue;
    }
    const file = { code: facts.code, fonds: facts.fondsCode };
    if (repos.removals.fileRemoval(fileId)) problems.push(fieldError('destructionProblem.removed', file));
    else if (facts.retentionClass === 'permanent') problems.push(fieldError('destructionProblem.permanent', file));
    else if (facts.retentionClass !== 'fixed') problems.push(fieldError('destructionProblem.noRetention', file));
    else if (!facts.endDate) problems.push(fieldError('destructionProblem.noEndDate', file));
    else {
      const item = toItem(facts);
      const open = repos.destruction.openDecisionOfFile(fileId);
      if (open) problems.push(fieldError('destructionProblem.inDecision', { ...file, decision: open.decisionNumber }));
      else if (!isExpired(item.expiredOn, input.decisionDate)) problems.push(fieldError('destructionProblem.notExpired', { ...file, expiresOn: item.expiredOn ?? '' }));
      else items.push(item);
    }
  }
  if (problems.length > 0) {
    throw new ApiError('destruction.filesRefused', { problems }, { fileIds: fieldError('field.filesRefused', { problems }) });
  }
  return items;
}

export function recordDecision(ctx: ServiceContext, input: DecisionInput): DestructionDecision {
  const { repos } = ctx.catalogue;
  const today = nowOf(ctx).slice(0, 10);
  if (input.decisionDate > today) {
    throw new ApiError('destruction.dateInFuture', {}, { decisionDate: fieldError('field.dateInFuture') });
  }
  if (repos.destruction.findByNumber(input.decisionNumber, input.decisionDate)) {
    throw new ApiError('destruction.alreadyRecorded', { number: input.decisionNumber, date: input.decisionDate }, { decisionNumber: fieldError('field.alreadyRecorded') });
  }
  const items = checkFiles(ctx, input);
  return ctx.catalogue.transaction(() => {
    const id = repos.destruction.insert(
      {
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        approvedBy: input.approvedBy,
        approverTitle: input.approverTitle ?? null,
        basis: input.basis ?? null,
        notes: input.notes ?? null,
        recordedAt: nowOf(ctx),
        recordedBy: ctx.actor(),
      },
      items.map((snapshot) => ({ fileId: snapshot.fileId, snapshot })),
    );
    const decision = getDecision(ctx, id);
    audit(ctx, 'destruction.record', 'destruction_decision', id, undefined, decision);
    return decision;
  });
}

/** The list the user exports (and keeps with the signed decision) before confirming. */
export function exportDecisionList(ctx: ServiceContext, id: number): DestructionListExport {
  const decision = getDecision(ctx, id);
  if (decision.state !== 'approved' && decision.state !== 'list_exported') {
    throw new ApiError('destruction.listClosed');
  }
  const content = destructionListCsv(decision);
  const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
  ctx.catalogue.transaction(() => {
    ctx.catalogue.repos.destruction.markListExported(id, nowOf(ctx), sha256);
    audit(ctx, 'destruction.listExport', 'destruction_decision', id, { state: decision.state, listSha256: decision.listSha256 }, { state: 'list_exported', listSha256: sha256 });
  });
  return { fileName: destructionListFileName(decision), mediaType: 'text/csv; charset=utf-8', content, sha256 };
}

/** Confirms the exported list: the files and their documents become records destroyed under the decision. */
export function confirmDecision(ctx: ServiceContext, id: number, listSha256: string): DestructionDecision {
  const { repos } = ctx.catalogue;
  const decision = getDecision(ctx, id);
  if (decision.state !== 'list_exported') {
    throw decision.state === 'approved' ? new ApiError('destruction.exportListFirst') : new ApiError('destruction.notConfirmable', { state: decision.state });
  }
  if (decision.listSha256 !== listSha256) {
    throw new ApiError('destruction.listDiffers');
  }
  return ctx.catalogue.transaction(() => {
    const at = nowOf(ctx);
    const by = ctx.actor();
    const reason = `Tiêu hủy theo Quyết định số ${decision.decisionNumber} ngày ${decision.decisionDate} (${decision.approvedBy})`;
    const documentIds: number[] = [];
    for (const fileId of repos.destruction.fileIds(id)) {
      for (const docId of repos.removals.activeDocumentIdsOfFile(fileId)) {
        repos.removals.markDocument(docId, { at, by, reason, withFileId: fileId, destructionDecisionId: id });
        repos.searchIndex.remove(docId);
        documentIds.push(docId);
      }
      repos.destruction.tagDocumentsOfFile(fileId, id);
      repos.removals.markFile(fileId, { at, by, reason, destructionDecisionId: id });
    }
    repos.destruction.markExecuted(id, at, by);
    const after = getDecision(ctx, id);
    audit(ctx, 'destruction.execute', 'destruction_decision', id, { state: decision.state }, { state: after.state, listSha256, fileIds: after.items.map((i) => i.fileId), documentIds });
    return after;
  });
}

export function cancelDecision(ctx: ServiceContext, id: number, reason: string): DestructionDecision {
  const decision = getDecision(ctx, id);
  if (decision.state !== 'approved' && decision.state !== 'list_exported') {
    throw new ApiError('destruction.notCancellable');
  }
  return ctx.catalogue.transaction(() => {
    ctx.catalogue.repos.destruction.markCancelled(id, nowOf(ctx), reason);
    audit(ctx, 'destruction.cancel', 'destruction_decision', id, { state: decision.state }, { state: 'cancelled', reason });
    return getDecision(ctx, id);
  });
}
