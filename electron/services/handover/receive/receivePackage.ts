/**
 * Tiếp nhận: opens a package (folder or zip), verifies it completely, and only if it is a valid
 * Kho Lưu package that clashes with nothing, brings in its originals and then its records. The
 * receipt is recorded on an incoming batch and written as a receipt file for the sender.
 */
import type { OriginalFiles } from '../../../data/originals/originalFiles';
import { backupNow } from '../../safety/backups/backupNow';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ApiError, coded } from '../../../../shared/contract/errors';
import type { HeldDuplicate, ReceiveResult, VerificationReport } from '../../../../shared/contract/types/handover';
import { CATALOGUE_JSON, FULL_TEXT_JSONL, fullTextLine, packageCatalogue, type PackageCatalogue } from '../../../../shared/handover/packageFormat';
import { RECEIPT_FORMAT, type HandoverReceipt } from '../../../../shared/handover/receipt';
import { safeSegment } from '../../../../shared/handover/bagPaths';
import { type ServiceContext, audit, nowOf } from '../../context';
import type { Job } from '../../jobs';
import { openBag, type BagSource } from '../bag/bagSource';
import { verifyBag, type Verified } from '../bag/verifyBag';
import { Cancelled } from '../../jobs';
import { exportsDirFor } from '../exports/write';
import { flushOriginalsAsync, sweepTemporaryOriginals } from '../../import/originalsStore';
import { processRunning } from '../../safety/processes';
import { importDocuments, importStructure, receiveConflicts, type IncomingDocument } from './importRecords';
import { readVerified, stageFile, storeRelativePath } from './stage';
import { makeDirs } from '../../../data/makeDirs';

const CHUNK_DOCUMENTS = 200;
const FLUSH_BATCH = 64;
const MAX_CATALOGUE_BYTES = 512 * 1024 * 1024;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Adds what this catalogue knows to a verification report: what it already holds, and the digest
 * the package must have — the one recorded on its batch when this catalogue last packed it, and
 * the one printed on the Biên bản if the user gave it. A package whose files were changed
 * and every checksum recomputed agrees with itself; only the recorded digest tells it apart.
 */
export function annotateWithCatalogue(ctx: ServiceContext, verified: Verified, expectedDigest?: string): void {
  const { repos } = ctx.catalogue;
  const report = verified.report;
  const uuid = verified.catalogue?.batch.uuid ?? report.batchUuid;
  const existing = uuid ? repos.handoverBatches.getByUuid(uuid) : undefined;
  if (existing) report.alreadyReceivedBatchId = existing.id;
  // The digest recorded at packaging: this catalogue made the package (a receiving catalogue holds the
  // digest of what it received, not of every package the sender may make of the batch again).
  const recorded = existing?.direction === 'outgoing' ? (existing.package?.digest ?? null) : null;
  const expected: Array<{ digest: string; source: 'batch' | 'given' }> = [];
  if (expectedDigest) expected.push({ digest: expectedDigest, source: 'given' });
  if (recorded) expected.push({ digest: recorded, source: 'batch' });
  report.expectedDigest = null;
  for (const e of expected) {
    const matches = report.digest === e.digest;
    report.expectedDigest ??= { ...e, matches };
    if (matches) continue;
    report.expectedDigest = { ...e, matches };
    report.valid = false;
    report.problemCount++;
    report.counts.other++;
    report.problems.push({
      kind: 'digest_mismatch',
      path: 'tagmanifest-sha256.txt',
      ...(e.source === 'given'
        ? coded('package.digestNotPrinted', { digest: report.digest, expected: e.digest })
        : coded('package.digestNotRecorded', { digest: report.digest, expected: e.digest, batch: existing!.code })),
      expected: e.digest,
      actual: report.digest ?? undefined,
    });
    break;
  }
  if (verified.catalogue) {
    const held = repos.handoverData.heldAttachments(verified.catalogue.attachments.map((a) => a.sha256));
    report.alreadyHeld = verified.catalogue.attachments
      .filter((a) => held.has(a.sha256))
      .map((a): HeldDuplicate => ({ path: a.path, sha256: a.sha256, documentId: held.get(a.sha256)! }));
  }
}

/** Verifies a package, reporting progress on the job; the bag stays open for the caller. */
export async function verifyWithProgress(ctx: ServiceContext, job: Job, source: BagSource, expectedDigest?: string): Promise<Verified> {
  job.setPhase('checkingPackage');
  job.status.total = source.files.size;
  job.status.bytesTotal = [...source.files.values()].reduce((s, f) => s + f.size, 0);
  job.status.bytesProcessed = 0;
  let files = 0;
  const verified = await verifyBag(source, {
    now: nowOf(ctx),
    cancelled: () => job.cancelled,
    onBytes: (n) => {
      job.status.bytesProcessed = (job.status.bytesProcessed ?? 0) + n;
    },
    onFile: () => {
      job.status.processed = ++files;
    },
  });
  // Every file was looked at (payload hashed, tag files checked): the count shows it whole.
  job.status.processed = job.status.total;
  annotateWithCatalogue(ctx, verified, expectedDigest);
  return verified;
}

async function* fullTexts(staged: string, files: OriginalFiles): AsyncGenerator<{ key: string; fullText: string }> {
  const lines = readline.createInterface({ input: files.stream(staged).setEncoding('utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let parsed;
    try {
      parsed = fullTextLine.safeParse(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (!parsed || !parsed.success) throw new ApiError('package.fullTextMalformed', { path: FULL_TEXT_JSONL });
    yield { key: parsed.data.document, fullText: parsed.data.fullText };
  }
}

function writeReceipt(ctx: ServiceContext, c: PackageCatalogue, report: VerificationReport, result: Omit<ReceiveResult, 'receiptPath'>, receivedAt: string): string {
  const receipt: HandoverReceipt = {
    format: RECEIPT_FORMAT,
    version: 1,
    batchUuid: c.batch.uuid,
    batchCode: c.batch.code,
    digest: report.digest!,
    payloadOxum: `${report.payloadBytes}.${report.payloadFiles}`,
    valid: true,
    receivedAt,
    receivedBy: ctx.actor(),
    receivingOrganization: c.organizations.find((o) => o.key === c.batch.toKey)?.name ?? null,
    counts: { files: result.files, documents: result.documents, attachments: result.attachments, duplicates: result.duplicates.length },
  };
  const dir = exportsDirFor(ctx.catalogue.path);
  makeDirs(dir);
  const file = path.join(dir, `bien-nhan-${safeSegment(c.batch.code, 40)}-${c.batch.uuid.slice(0, 8)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(receipt, null, 2)}\n`, 'utf8');
  return file;
}

export interface ReceiveOutcome {
  report: VerificationReport;
  result: ReceiveResult | null;
  /** Why nothing (or not everything) was received; null when it all went in. */
  refusal: ApiError | null;
}

export async function receivePackage(ctx: ServiceContext, job: Job, location: string, expectedDigest?: string): Promise<ReceiveOutcome> {
  const source = await openBag(location);
  const staging: string[] = [];
  try {
    const verified = await verifyWithProgress(ctx, job, source, expectedDigest);
    const report = verified.report;
    if (!report.valid) return { report, result: null, refusal: new ApiError('receive.invalid', { count: report.problemCount }) };
    if (!verified.catalogue) return { report, result: null, refusal: new ApiError('receive.notKhoLuu') };
    // A receive of this package killed midway may have left its staged full texts: this
    // run removes them when it ends, whatever the outcome (even a refusal as already received).
    staging.push(path.join(ctx.catalogue.originalsDir, `.tiep-nhan-${verified.catalogue.batch.uuid}.jsonl`));
    const { repos } = ctx.catalogue;
    const existing = report.alreadyReceivedBatchId !== null ? repos.handoverBatches.get(report.alreadyReceivedBatchId)! : null;
    if (existing && existing.direction === 'outgoing') return { report, result: null, refusal: new ApiError('receive.ownPackage') };
    if (existing && existing.status === 'received') {
      return { report, result: null, refusal: new ApiError('receive.alreadyReceived', { date: existing.receivedAt ?? '', batch: existing.code }) };
    }
    const received = existing ? repos.handoverBatches.receivedItems(existing.id) : new Map();

    // Read the catalogue again, checking it is still the verified one.
    const c = packageCatalogue.parse(JSON.parse(await readVerified(source, CATALOGUE_JSON, verified.manifest.get(CATALOGUE_JSON)!, MAX_CATALOGUE_BYTES)));
    const conflicts = receiveConflicts(ctx, c, received);
    if (conflicts.length > 0) return { report, result: null, refusal: new ApiError('receive.conflicts', { conflicts }) };

    // A receive adds a whole fonds: back up first, so it can be undone by a restore.
    job.setPhase('backupBeforeReceive');
    await backupNow(ctx, 'pre-receive', `tiếp nhận gói ${location}`);

    // A receive killed midway (power cut) left half-copied originals under temporary names.
    sweepTemporaryOriginals(ctx.catalogue.originalsDir, (pid) => !processRunning(pid));

    // Bytes first (originals into the store, full texts into a staging file), records after.
    job.setPhase('storingOriginals');
    job.status.processed = 0;
    job.status.total = c.attachments.length;
    job.status.bytesProcessed = 0;
    job.status.bytesTotal = c.attachments.reduce((s, a) => s + a.size, 0);
    const held = new Set(report.alreadyHeld.map((h) => h.sha256));
    const storedPaths = new Map<string, string>();
    let unflushed: string[] = [];
    for (const a of c.attachments) {
      if (job.cancelled) throw new Cancelled();
      if (!held.has(a.sha256)) {
        const relative = storeRelativePath(a.sha256, a.fileName);
        const written = await stageFile(source, a.path, a.sha256, path.join(ctx.catalogue.originalsDir, relative), ctx.catalogue.originals, (n) => {
          job.status.bytesProcessed = (job.status.bytesProcessed ?? 0) + n;
        });
        storedPaths.set(a.key, relative);
        if (written) unflushed.push(relative);
      }
      job.status.processed++;
      // Several files flushed at once: the file system groups them into few journal commits.
      if (unflushed.length >= FLUSH_BATCH) {
        await flushOriginalsAsync(ctx.catalogue.originalsDir, unflushed);
        unflushed = [];
      }
      if (job.status.processed % 20 === 0) await breathe();
    }
    await flushOriginalsAsync(ctx.catalogue.originalsDir, unflushed);
    const textSha = verified.manifest.get(FULL_TEXT_JSONL);
    const stagedTexts = path.join(ctx.catalogue.originalsDir, `.tiep-nhan-${c.batch.uuid}.jsonl`);
    if (textSha && source.files.has(FULL_TEXT_JSONL)) {
      staging.push(stagedTexts);
      fs.rmSync(stagedTexts, { force: true });
      await stageFile(source, FULL_TEXT_JSONL, textSha, stagedTexts, ctx.catalogue.originals);
    }

    job.setPhase('writingRecords');
    const { batchId, keys } = importStructure(ctx, c, existing?.id ?? null, JSON.stringify(report));
    const docsByKey = new Map(c.documents.map((d) => [d.key, d]));
    const attachmentsByDoc = new Map<string, PackageCatalogue['attachments']>();
    for (const a of c.attachments) attachmentsByDoc.set(a.documentKey, [...(attachmentsByDoc.get(a.documentKey) ?? []), a]);
    job.status.processed = 0;
    job.status.total = c.documents.length;
    let documents = 0;
    let attachments = 0;
    const duplicates: HeldDuplicate[] = [];
    const flush = (chunk: IncomingDocument[]) => {
      const r = importDocuments(ctx, c, batchId, keys, chunk, attachmentsByDoc, storedPaths);
      documents += r.documents;
      attachments += r.attachments;
      duplicates.push(...r.duplicates);
      job.status.processed += chunk.length;
    };
    let chunk: IncomingDocument[] = [];
    if (fs.existsSync(stagedTexts)) {
      for await (const { key, fullText } of fullTexts(stagedTexts, ctx.catalogue.originals)) {
        const doc = docsByKey.get(key);
        if (!doc) continue;
        docsByKey.delete(key);
        chunk.push({ doc, fullText });
        if (chunk.length >= CHUNK_DOCUMENTS) {
          if (job.cancelled) throw new Cancelled();
          flush(chunk);
          chunk = [];
          await breathe();
        }
      }
    }
    // Documents the text file does not mention arrive with an empty text.
    for (const doc of docsByKey.values()) {
      chunk.push({ doc, fullText: '' });
      if (chunk.length >= CHUNK_DOCUMENTS) {
        flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) flush(chunk);

    const receivedAt = nowOf(ctx);
    const counts = { batchId, fondsCodes: c.fonds.map((f) => f.code), files: c.files.length, documents: c.documents.length, attachments, duplicates };
    const receiptPath = writeReceipt(ctx, c, report, counts, receivedAt);
    ctx.catalogue.transaction(() => {
      repos.handoverBatches.update(
        batchId,
        { status: 'received', receivedAt, verificationJson: JSON.stringify(report), receiptJson: JSON.stringify({ receivedAt, receivedBy: ctx.actor(), source: 'receipt_file', note: receiptPath, digest: report.digest }) },
        receivedAt,
      );
      audit(ctx, 'handover.receive', 'handover_batch', batchId, undefined, { uuid: c.batch.uuid, digest: report.digest, documents, attachments, duplicates: duplicates.length, receiptPath });
    });
    return { report, result: { ...counts, receiptPath }, refusal: null };
  } finally {
    for (const f of staging) fs.rmSync(f, { force: true });
    await source.close();
  }
}
