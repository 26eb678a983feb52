/**
 * Moving a batch through its steps. The files follow (handover_status), each change audited per
 * file and for the batch, in one transaction.
 */
import fs from 'node:fs';
import { ApiError } from '../../../shared/contract/errors';
import type { BatchBlocker, BatchDetail, BatchStatus, PackageResult, ReceiptRecord } from '../../../shared/contract/types/handover';
import { blockersFor, canReopen, FILE_STATUS_OF_BATCH } from '../../../shared/handover/batchRules';
import { handoverReceipt } from '../../../shared/handover/receipt';
import { type ServiceContext, audit, nowOf } from '../context';
import { batchDetail, batchFacts, contentFingerprint, getBatch, listingProblemCount } from './batchQueries';

/** Sets the batch's files to the handover status of `status`, one audit row per file moved. */
function moveFiles(ctx: ServiceContext, batchId: number, status: BatchStatus, now: string): void {
  const { repos } = ctx.catalogue;
  const target = FILE_STATUS_OF_BATCH[status];
  // Only the files' own statuses: the inventory's document counts would walk every document's text.
  const before = new Map(repos.handoverBatches.handoverStatuses(repos.handoverBatches.fileIds(batchId)).map((f) => [f.id, f.handoverStatus]));
  repos.handoverBatches.setFilesStatus(batchId, target, now);
  for (const [fileId, was] of before) {
    if (was !== target) audit(ctx, 'file.handoverStatus', 'file', fileId, { handoverStatus: was }, { handoverStatus: target, batchId });
  }
}

function refuse(blockers: BatchBlocker[]): never {
  throw new ApiError('handover.notReady', { blockers: blockers.map((b) => b.message) });
}

export function advanceBatch(ctx: ServiceContext, id: number, to: 'listed' | 'handed_over'): BatchDetail {
  const { repos } = ctx.catalogue;
  const batch = getBatch(ctx, id);
  const detail = batchDetail(ctx, id);
  const fileIds = repos.handoverBatches.fileIds(id);
  const facts = batchFacts(ctx, batch, fileIds, listingProblemCount(detail.inventory), detail.unconfirmedSecrets.length);
  const blockers = blockersFor(to, facts);
  if (to === 'handed_over' && batch.status === 'packed') {
    // The hard check: everything the package was built from is unchanged.
    const stored = repos.handoverBatches.fingerprint(id);
    if (stored !== null && contentFingerprint(ctx, fileIds) !== stored && !blockers.some((b) => b.code === 'changed_since_packed')) {
      blockers.push({ code: 'changed_since_packed', message: { code: 'handoverBlocker.contentsChanged', params: {} } });
    }
  }
  const removed = repos.handoverData.removedFiles(fileIds);
  if (removed.length > 0) blockers.push({ code: 'file_removed', message: { code: 'handoverBlocker.filesRemoved', params: { codes: removed.map((r) => r.code) } } });
  if (blockers.length > 0) refuse(blockers);

  ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    repos.handoverBatches.update(id, to === 'listed' ? { status: 'listed', listedAt: now } : { status: 'handed_over', handedOverAt: now }, now);
    moveFiles(ctx, id, to, now);
    audit(ctx, `handover.${to === 'listed' ? 'list' : 'handOver'}`, 'handover_batch', id, { status: batch.status }, { status: to, files: fileIds.length });
  });
  return batchDetail(ctx, id);
}

/** Back to draft (a listed or packed batch whose files need fixing); the package is forgotten. */
export function reopenBatch(ctx: ServiceContext, id: number, reason: string): BatchDetail {
  const batch = getBatch(ctx, id);
  if (batch.direction !== 'outgoing' || !canReopen(batch.status)) {
    throw new ApiError('handover.cannotReopen', { status: batch.status });
  }
  const { repos } = ctx.catalogue;
  ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    repos.handoverBatches.update(
      id,
      { status: 'draft', listedAt: null, packedAt: null, packagePath: null, packageDigest: null, packageOxum: null, packageFingerprint: null },
      now,
    );
    moveFiles(ctx, id, 'draft', now);
    audit(ctx, 'handover.reopen', 'handover_batch', id, { status: batch.status, package: batch.package }, { status: 'draft', reason });
  });
  return batchDetail(ctx, id);
}

/** Records a finished package on the batch: packed, with where it is and what it holds. */
export function markPacked(ctx: ServiceContext, id: number, result: PackageResult, note?: Record<string, unknown>): void {
  const { repos } = ctx.catalogue;
  const batch = getBatch(ctx, id);
  ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    repos.handoverBatches.update(id, { status: 'packed', packedAt: now, packagePath: result.path, packageDigest: result.digest, packageOxum: result.payloadOxum }, now);
    moveFiles(ctx, id, 'packed', now);
    // Taken after the files' own status change, which is part of packing, not a change to them.
    repos.handoverBatches.update(id, { packageFingerprint: contentFingerprint(ctx, repos.handoverBatches.fileIds(id)) }, now);
    audit(ctx, 'handover.pack', 'handover_batch', id, { status: batch.status, package: batch.package }, { status: 'packed', package: result, ...note });
  });
}

const MAX_RECEIPT_BYTES = 1024 * 1024;

/**
 * The receiver has the records: from its receipt file (which must name this batch and this
 * package's digest), or confirmed by hand with the reference of the signed minutes.
 */
export function recordReceipt(ctx: ServiceContext, id: number, receiptPath: string | undefined, note: string | undefined): BatchDetail {
  const batch = getBatch(ctx, id);
  if (batch.direction !== 'outgoing' || batch.status !== 'handed_over') {
    throw new ApiError('handover.receiptBeforeHandover', { status: batch.status });
  }
  let receipt: ReceiptRecord;
  if (receiptPath !== undefined) {
    let text: string;
    try {
      const stat = fs.statSync(receiptPath);
      if (!stat.isFile() || stat.size > MAX_RECEIPT_BYTES) throw new Error('not a small file');
      text = fs.readFileSync(receiptPath, 'utf8');
    } catch (err) {
      throw new ApiError('handover.receiptUnreadable', { path: receiptPath });
    }
    let parsed;
    try {
      parsed = handoverReceipt.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed || !parsed.success) throw new ApiError('handover.receiptInvalid');
    const r = parsed.data;
    if (r.batchUuid !== batch.uuid) throw new ApiError('handover.receiptOtherBatch', { code: r.batchCode });
    if (!batch.package || r.digest !== batch.package.digest) {
      throw new ApiError('handover.receiptDigestMismatch');
    }
    receipt = { receivedAt: r.receivedAt, receivedBy: r.receivedBy, source: 'receipt_file', note: note ?? null, digest: r.digest };
  } else {
    receipt = { receivedAt: nowOf(ctx), receivedBy: ctx.actor(), source: 'manual', note: note ?? null, digest: null };
  }
  const { repos } = ctx.catalogue;
  ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    repos.handoverBatches.update(id, { status: 'received', receivedAt: receipt.receivedAt, receiptJson: JSON.stringify(receipt) }, now);
    moveFiles(ctx, id, 'received', now);
    audit(ctx, 'handover.receipt', 'handover_batch', id, { status: batch.status }, { status: 'received', receipt });
  });
  return batchDetail(ctx, id);
}
