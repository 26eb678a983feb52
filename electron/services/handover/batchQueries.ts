/** Reading a handover batch: the record, its detail with statistics and blockers, candidate files. */
import { createHash } from 'node:crypto';
import { notFound } from '../../../shared/contract/errors';
import type { ArchiveFile } from '../../../shared/contract/types';
import type { BatchDetail, BatchStatus, CandidateFile, HandoverBatch, InventoryReport } from '../../../shared/contract/types/handover';
import { blockersFor, type BatchFacts } from '../../../shared/handover/batchRules';
import type { ServiceContext } from '../context';
import { batchInventory } from './inventory';

export function getBatch(ctx: ServiceContext, id: number): HandoverBatch {
  const batch = ctx.catalogue.repos.handoverBatches.get(id);
  if (!batch) throw notFound('handover_batch', id);
  return batch;
}

/** The files of a batch as full records, in fonds then file-code order. */
export function batchFiles(ctx: ServiceContext, fileIds: number[]): ArchiveFile[] {
  const { repos } = ctx.catalogue;
  const wanted = new Set(fileIds);
  const out: ArchiveFile[] = [];
  for (const fondsId of repos.handoverData.fondsOfFiles(fileIds)) {
    for (const f of repos.files.listByFonds(fondsId)) {
      if (wanted.delete(f.id)) out.push(f);
    }
  }
  // Whatever the fonds listing leaves out (a removed file, if listings hide those) is still in the batch.
  for (const id of wanted) {
    const f = repos.files.get(id);
    if (f) out.push(f);
  }
  return out;
}

/**
 * Hash of everything a package depends on (each file and document with when it last changed,
 * each original's SHA-256). Taken when the batch is packed; a different value before handing it
 * over means the package no longer matches the catalogue.
 */
export function contentFingerprint(ctx: ServiceContext, fileIds: number[]): string {
  const hash = createHash('sha256');
  for (const line of ctx.catalogue.repos.handoverData.contentStamps(fileIds)) hash.update(line).update('\n');
  return hash.digest('hex');
}

/** The step after the batch's current one (the one its blockers are about). */
export function nextStep(status: BatchStatus): BatchStatus | null {
  switch (status) {
    case 'draft':
      return 'listed';
    case 'listed':
      return 'packed';
    case 'packed':
      return 'handed_over';
    case 'handed_over':
      return 'received';
    default:
      return null;
  }
}

export function batchFacts(ctx: ServiceContext, batch: HandoverBatch, fileIds: number[], problemCount: number, unconfirmed: number): BatchFacts {
  const { repos } = ctx.catalogue;
  const stored = repos.handoverBatches.fingerprint(batch.id);
  return {
    status: batch.status,
    direction: batch.direction,
    fileCount: fileIds.length,
    problemCount,
    filesWithoutBox: repos.handoverData.filesWithoutBox(fileIds).length,
    unconfirmedSecrets: unconfirmed,
    secretDocuments: batch.secretDocumentCount,
    secretsVisible: ctx.access.secretsVisible('export'),
    hasRecipient: batch.toOrganizationId !== null,
    hasPackage: batch.package !== null,
    changedSincePacked: stored !== null && batch.status === 'packed' && contentFingerprint(ctx, fileIds) !== stored ? 1 : 0,
    handoverDate: batch.handoverDate,
    senderRepresentative: batch.senderRepresentative,
    senderPosition: batch.senderPosition,
    receiverRepresentative: batch.receiverRepresentative,
    receiverPosition: batch.receiverPosition,
  };
}

/** Secret documents in the batch's files that have no recorded confirmation for this batch. */
export function unconfirmedSecrets(ctx: ServiceContext, batchId: number, fileIds: number[]) {
  const { repos } = ctx.catalogue;
  const confirmed = new Set(repos.handoverBatches.secretConfirmations(batchId).map((c) => c.documentId));
  return repos.handoverBatches.secretDocumentsOfFiles(fileIds).filter((d) => !confirmed.has(d.documentId));
}

/**
 * Files whose missing data blocks listing: anything but a missing box (boxes are numbered before
 * packing). When the report's list was cut short, the full count is used.
 */
export function listingProblemCount(inventory: InventoryReport): number {
  if (inventory.problemCount > inventory.problems.length) return inventory.problemCount;
  return inventory.problems.filter((p) => p.problems.some((k) => k !== 'no_box')).length;
}

export function batchDetail(ctx: ServiceContext, id: number): BatchDetail {
  const { repos } = ctx.catalogue;
  const batch = getBatch(ctx, id);
  const fileIds = repos.handoverBatches.fileIds(id);
  const inventory = batchInventory(ctx, id, `${batch.code} — ${batch.fromOrganizationName}`, fileIds, batch.status !== 'draft' && batch.direction === 'outgoing');
  const unconfirmed = batch.direction === 'outgoing' ? unconfirmedSecrets(ctx, id, fileIds) : [];
  const problemCount = listingProblemCount(inventory);
  const next = nextStep(batch.status);
  const blockers = next && next !== 'received' && batch.direction === 'outgoing' ? blockersFor(next, batchFacts(ctx, batch, fileIds, problemCount, unconfirmed.length)) : [];
  for (const removed of repos.handoverData.removedFiles(fileIds)) {
    blockers.push({ code: 'file_removed', message: { code: 'handoverBlocker.filesRemoved', params: { codes: [removed.code] } } });
  }
  return {
    ...batch,
    files: batchFiles(ctx, fileIds),
    secretConfirmations: repos.handoverBatches.secretConfirmations(id),
    unconfirmedSecrets: unconfirmed,
    inventory,
    blockers,
    changedSince: {
      listed: batch.listedAt ? repos.handoverData.changedSince(fileIds, batch.listedAt) : 0,
      packed: batch.packedAt ? repos.handoverData.changedSince(fileIds, batch.packedAt) : 0,
    },
  };
}

/** Files of a fonds that are in no batch yet, with their secret documents (they need confirming). */
export function candidateFiles(ctx: ServiceContext, fondsId: number): CandidateFile[] {
  const { repos } = ctx.catalogue;
  const free = new Set(repos.handoverBatches.fileIdsNotInBatch(fondsId));
  const files = repos.files.listByFonds(fondsId).filter((f) => free.has(f.id));
  const secrets = repos.handoverBatches.secretDocumentsOfFiles(files.map((f) => f.id));
  const visible = ctx.access.secretsVisible();
  return files.map((f) => ({
    ...f,
    secretDocuments: secrets
      .filter((s) => s.fileId === f.id)
      .map((s) => ({ documentId: s.documentId, numberSymbol: visible ? s.numberSymbol : null, securityLevel: s.securityLevel })),
  }));
}
