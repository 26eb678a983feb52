/**
 * Loading what an export of the handover area is made from (a batch or a whole fonds), once, from
 * the catalogue and through the secret policy for export. The forms are rendered from it alone
 * (`exporter.ts`).
 */
import { notFound } from '../../../../shared/contract/errors';
import type { BatchDetail, HandoverBatch } from '../../../../shared/contract/types/handover';
import type { ServiceContext } from '../../context';
import { SecretPolicy } from '../../safety/secretPolicy';
import { batchDetail } from '../batchQueries';
import { buildCatalogueRecords } from '../catalogueRecords';
import { fondsInventory } from '../inventory';
import type { ExportContext, ExportScope, FormsContext } from './exporter';

/** `detail`: the batch as its caller just read it (packaging checks it first), else read here. */
export function loadExportContext(ctx: ServiceContext, scope: ExportScope, detail?: BatchDetail): ExportContext {
  const { repos } = ctx.catalogue;
  // Exports include secret content only inside a scope unlocked for export: the records pass the
  // secret policy for export before any form is made from them.
  const policy = SecretPolicy.of(ctx, 'export');
  const secretsVisible = policy.visible;
  if (scope.kind === 'batch') {
    const batch = detail?.id === scope.batchId ? detail : batchDetail(ctx, scope.batchId);
    const fileIds = batch.files.map((f) => f.id);
    const records = policy.catalogueRecords(buildCatalogueRecords(ctx, fileIds, { extraOrganizations: [batch.fromOrganizationId, ...(batch.toOrganizationId ? [batch.toOrganizationId] : [])] }));
    const fondsNames = records.fonds.map((f) => `${f.name} (mã phông ${f.code})`).join('; ');
    return {
      scope,
      batch,
      records,
      inventory: batch.inventory,
      owner: batch.fromOrganizationName.toLocaleUpperCase('vi'),
      scopeLine: `${fondsNames} — kèm theo Biên bản giao nhận tài liệu số ${batch.code}`,
      secretsVisible,
      creator: ctx.actor(),
      packageAuditHead: batch.package ? packedAuditHead(ctx, batch.id) : null,
    };
  }
  const fonds = repos.fonds.get(scope.fondsId);
  if (!fonds) throw notFound('fonds', scope.fondsId);
  const fileIds = repos.handoverData.inventoryFiles({ fondsIds: [fonds.id] }).map((f) => f.id);
  return {
    scope,
    batch: null,
    records: policy.catalogueRecords(buildCatalogueRecords(ctx, fileIds, { unfiledOfFonds: [fonds.id] })),
    inventory: fondsInventory(ctx, fonds.id),
    owner: fonds.organizationName.toLocaleUpperCase('vi'),
    scopeLine: `Phông: ${fonds.name} (mã phông ${fonds.code})`,
    secretsVisible,
    creator: ctx.actor(),
    packageAuditHead: null,
  };
}

/** The audit head the batch's last package recorded (from that packing's audit row). */
function packedAuditHead(ctx: ServiceContext, batchId: number): { lastId: number; hash: string } | null {
  const row = ctx.catalogue.repos.audit.latest('handover.pack', 'handover_batch', batchId);
  const head = (row?.after as { package?: { auditHead?: { lastId?: unknown; hash?: unknown } } } | null)?.package?.auditHead;
  return head && typeof head.lastId === 'number' && typeof head.hash === 'string' ? { lastId: head.lastId, hash: head.hash } : null;
}

/**
 * The part of `ec` the packaged forms read: the batch without its files and inventory (given once,
 * beside it). Here rather than beside the rendering (`exporter.ts`), so that packaging reaches it
 * without loading the Word, PDF and spreadsheet libraries its thread renders with.
 */
export function formsContext(ec: ExportContext): FormsContext {
  const { fonds, fileRecords, documentRecords, unfiledRecords } = ec.records;
  let batch: HandoverBatch | null = null;
  if (ec.batch) {
    const { files: _f, secretConfirmations: _s, unconfirmedSecrets: _u, inventory: _i, blockers: _b, changedSince: _c, ...plain } = ec.batch as HandoverBatch & Partial<BatchDetail>;
    batch = plain;
  }
  return { ...ec, batch, records: { fonds, fileRecords, documentRecords, unfiledRecords } };
}
