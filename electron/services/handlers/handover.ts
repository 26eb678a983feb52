/** The handover operations: inventory, batches, exports, packages, verification, receipt. */
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { blockersFor } from '../../../shared/handover/batchRules';
import { safeSegment } from '../../../shared/handover/bagPaths';
import type { BatchDetail } from '../../../shared/contract/types/handover';
import { type ServiceContext } from '../context';
import type { PackageTarget } from '../handover/bag/buildPackage';
import { addFiles, assignBoxes, createBatch, removeBatch, removeFiles, updateBatch } from '../handover/batchCommands';
import { batchDetail, batchFacts, candidateFiles, getBatch, listingProblemCount } from '../handover/batchQueries';
import { advanceBatch, markPacked, recordReceipt, reopenBatch } from '../handover/batchSteps';
import { exportsDirFor, writeExport } from '../handover/exports/write';
import { handoverJobResult, startHandoverJob } from '../handover/handoverJobs';
import { fondsInventory, organizationInventory } from '../handover/inventory';
import { refuseReadableOutputInDataFolder } from '../safety/dataFolder';

// Zip, Word, PDF and spreadsheet libraries are loaded when a package or an export is made, not at
// start: a search from the command line never needs them.
const bagSource = () => import('../handover/bag/bagSource');
const bagBuilder = () => import('../handover/bag/buildPackage');
const exporter = () => import('../handover/exports/exporter');
const exportContext = () => import('../handover/exports/exportContext');
const receiver = () => import('../handover/receive/receivePackage');

type HandoverOperation = Extract<keyof ApiHandlers, `handover.${string}`>;
type Handlers = Pick<ApiHandlers, HandoverOperation>;

function localDate(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}`;
}

/**
 * Where a package goes: the given path (`.zip` → one zip, else a folder), or the exports folder —
 * never the data folder of an encrypted catalogue (a package holds the records and originals readable).
 */
export function packageTarget(ctx: ServiceContext, code: string, out: string | undefined, zip: boolean): PackageTarget {
  if (out !== undefined) {
    refuseReadableOutputInDataFolder(ctx, out);
    const resolved = path.resolve(out);
    return { path: resolved, zip: /\.zip$/i.test(resolved) };
  }
  if (ctx.catalogue.encrypted) throw new ApiError('handover.outRequired');
  const base = path.join(exportsDirFor(ctx.catalogue.path), `goi-ban-giao-${safeSegment(code, 40)}-${localDate()}`);
  return { path: zip ? `${base}.zip` : base, zip };
}

/**
 * Refuses to start a package the batch is not ready for (the same checks as the step itself).
 * Returns the batch as read for the check: the package is made from it.
 */
export function checkReadyToPack(ctx: ServiceContext, batchId: number): BatchDetail {
  const detail = batchDetail(ctx, batchId);
  const blockers = blockersFor('packed', batchFacts(ctx, detail, detail.files.map((f) => f.id), listingProblemCount(detail.inventory), detail.unconfirmedSecrets.length));
  if (blockers.length > 0) throw new ApiError('handover.notReady', { blockers: blockers.map((b) => b.message) });
  return detail;
}

export function handoverHandlers(ctx: ServiceContext): Handlers {
  return {
    'handover.inventory': ({ fondsId, organizationId }) => (fondsId !== undefined ? fondsInventory(ctx, fondsId) : organizationInventory(ctx, organizationId!)),
    'handover.batches.list': () => ctx.catalogue.repos.handoverBatches.list(),
    'handover.batches.get': ({ id }) => batchDetail(ctx, id),
    'handover.batches.create': (input) => createBatch(ctx, input),
    'handover.batches.update': ({ id, patch }) => updateBatch(ctx, id, patch),
    'handover.batches.candidates': ({ batchId, fondsId }) => {
      getBatch(ctx, batchId);
      return candidateFiles(ctx, fondsId);
    },
    'handover.batches.addFiles': (input) => addFiles(ctx, input),
    'handover.batches.removeFiles': ({ batchId, fileIds }) => removeFiles(ctx, batchId, fileIds),
    'handover.batches.assignBoxes': ({ batchId, filesPerBox }) => assignBoxes(ctx, batchId, filesPerBox),
    'handover.batches.advance': ({ id, to }) => advanceBatch(ctx, id, to),
    'handover.batches.reopen': ({ id, reason }) => reopenBatch(ctx, id, reason),
    'handover.batches.recordReceipt': ({ id, receiptPath, note }) => recordReceipt(ctx, id, receiptPath, note),
    'handover.batches.remove': ({ id, reason }) => removeBatch(ctx, id, reason),

    'handover.export': async ({ batchId, fondsId, form, format, out, download }) => {
      const [{ loadExportContext }, { renderExport }] = await Promise.all([exportContext(), exporter()]);
      const ec = loadExportContext(ctx, batchId !== undefined ? { kind: 'batch', batchId } : { kind: 'fonds', fondsId: fondsId! });
      const rendered = await renderExport(ec, form, format);
      return writeExport(ctx, rendered, out, download);
    },

    'handover.package.start': async ({ batchId, out, zip }) => {
      // Where it goes is asked before what the batch lacks: an encrypted catalogue needs a place.
      const wanted = packageTarget(ctx, getBatch(ctx, batchId).code, out, zip);
      const batch = checkReadyToPack(ctx, batchId);
      const { buildPackage, checkTarget } = await bagBuilder();
      const target = await checkTarget(ctx, batch, wanted);
      const jobId = startHandoverJob(ctx, 'package', async (job) => {
        const result = await buildPackage(ctx, job, batchId, target, batch);
        // A leftover of a killed run replaced by this package is said so in the audit row.
        markPacked(ctx, batchId, result, target.replaces ? { replacedUnrecordedPackage: target.path } : undefined);
        return { result: { kind: 'package', package: result } };
      });
      return { jobId };
    },

    'handover.verify.start': ({ path: location, expectedDigest }) => {
      const jobId = startHandoverJob(ctx, 'verify', async (job) => {
        const [{ openBag }, { verifyWithProgress }] = await Promise.all([bagSource(), receiver()]);
        const source = await openBag(location);
        try {
          const verified = await verifyWithProgress(ctx, job, source, expectedDigest);
          return { result: { kind: 'verify', report: verified.report } };
        } finally {
          await source.close();
        }
      });
      return { jobId };
    },

    'handover.receive.start': ({ path: location, expectedDigest }) => {
      const jobId = startHandoverJob(ctx, 'receive', async (job) => {
        const { receivePackage } = await receiver();
        const outcome = await receivePackage(ctx, job, location, expectedDigest);
        return { result: { kind: 'receive', report: outcome.report, result: outcome.result }, refusal: outcome.refusal };
      });
      return { jobId };
    },

    'handover.jobResult': ({ jobId }) => ({ result: handoverJobResult(ctx, jobId) }),
  };
}
