import { createHash } from 'node:crypto';
import { ApiError, notFound } from '../../../shared/contract/errors';
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
  if (!decision) throw notFound('quyết định tiêu hủy', 'Destruction decision', id);
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
  const problems: string[] = [];
  const items: DestructionItem[] = [];
  for (const fileId of [...new Set(input.fileIds)]) {
    const facts = repos.destruction.fileFacts(fileId);
    if (!facts) {
      problems.push(`không có hồ sơ mã ${fileId}`);
      continue;
    }
    const label = `hồ sơ “${facts.code}” (${facts.fondsCode})`;
    if (repos.removals.fileRemoval(fileId)) problems.push(`${label} đã bị gỡ bỏ`);
    else if (facts.retentionClass === 'permanent') problems.push(`${label} bảo quản vĩnh viễn, không bao giờ được tiêu hủy`);
    else if (facts.retentionClass !== 'fixed') problems.push(`${label} chưa có thời hạn bảo quản`);
    else if (!facts.endDate) problems.push(`${label} chưa có ngày kết thúc, không xác định được thời điểm hết hạn`);
    else {
      const item = toItem(facts);
      const open = repos.destruction.openDecisionOfFile(fileId);
      if (open) problems.push(`${label} đã nằm trong quyết định số ${open.decisionNumber}`);
      else if (!isExpired(item.expiredOn, input.decisionDate)) problems.push(`${label} chưa hết thời hạn bảo quản (hết hạn từ ${item.expiredOn})`);
      else items.push(item);
    }
  }
  if (problems.length > 0) {
    throw new ApiError('invalid_input', `Không ghi nhận được quyết định: ${problems.join('; ')}.`, `Destruction decision refused: ${problems.length} file(s) not eligible`, {
      fileIds: problems.join('; '),
    });
  }
  return items;
}

export function recordDecision(ctx: ServiceContext, input: DecisionInput): DestructionDecision {
  const { repos } = ctx.catalogue;
  const today = nowOf(ctx).slice(0, 10);
  if (input.decisionDate > today) {
    throw new ApiError('invalid_input', 'Ngày của quyết định không thể ở tương lai.', 'Decision date in the future', { decisionDate: 'Ngày ở tương lai' });
  }
  if (repos.destruction.findByNumber(input.decisionNumber, input.decisionDate)) {
    throw new ApiError('conflict', `Quyết định số ${input.decisionNumber} ngày ${input.decisionDate} đã được ghi nhận.`, 'Decision already recorded', {
      decisionNumber: 'Đã ghi nhận',
    });
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
    throw new ApiError('conflict', 'Quyết định này đã thi hành hoặc đã hủy; danh mục không xuất lại được.', `Decision ${id} is ${decision.state}`);
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
    throw new ApiError(
      'conflict',
      decision.state === 'approved' ? 'Hãy xuất danh mục tài liệu hết giá trị trước khi xác nhận.' : `Quyết định này đang ở trạng thái “${decision.state}”, không xác nhận được.`,
      `Decision ${id} is ${decision.state}`,
    );
  }
  if (decision.listSha256 !== listSha256) {
    throw new ApiError('conflict', 'Danh mục xác nhận không phải danh mục đã xuất (SHA-256 khác): hãy xuất lại và xác nhận đúng danh mục đó.', 'List hash differs from the exported list');
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
    throw new ApiError('conflict', 'Chỉ hủy được quyết định chưa thi hành.', `Decision ${id} is ${decision.state}`);
  }
  return ctx.catalogue.transaction(() => {
    ctx.catalogue.repos.destruction.markCancelled(id, nowOf(ctx), reason);
    audit(ctx, 'destruction.cancel', 'destruction_decision', id, { state: decision.state }, { state: 'cancelled', reason });
    return getDecision(ctx, id);
  });
}
