/**
 * Kiểm kê: the statistics of a fonds, of all fonds of an organization, or of a batch, and the
 * file records the forms are made from.
 */
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { ArchiveFile, Fonds } from '../../../shared/contract/types';
import type { InventoryReport } from '../../../shared/contract/types/handover';
import type { FormFile } from '../../../shared/handover/forms';
import { computeInventory, emptyUnfiled } from '../../../shared/handover/statistics';
import { lineageSentences } from '../../../shared/handover/lineage';
import type { ServiceContext } from '../context';

/** Documents dated outside their file's dates listed in a report (the rest are counted). */
const DATES_OUTSIDE_LISTED = 200;

/**
 * What the statistics alone do not say: documents dated outside their file's dates (to correct
 * before they reach a Biên bản), and what became of the creating bodies in 2025.
 */
function withChecks(ctx: ServiceContext, report: InventoryReport, scope: { fondsIds: number[] } | { fileIds: number[] }): InventoryReport {
  const { repos } = ctx.catalogue;
  const datesOutsideFile = repos.bulk.documentsOutsideFileDates(scope, ctx.access.secretsVisible(), DATES_OUTSIDE_LISTED);
  const orgIds = [...new Set(report.fonds.map((f) => repos.fonds.get(f.id)?.organizationId).filter((id): id is number => id !== undefined))];
  const all = repos.organizations.list();
  const lineage = [...new Set(orgIds.flatMap((id) => {
    const org = repos.organizations.get(id);
    return org ? lineageSentences(org, all) : [];
  }))];
  return { ...report, datesOutsideFile, lineage };
}

export function fondsInventory(ctx: ServiceContext, fondsId: number): InventoryReport {
  const { repos } = ctx.catalogue;
  const fonds = repos.fonds.get(fondsId);
  if (!fonds) throw notFound('fonds', fondsId);
  const report = computeInventory({
    scope: { kind: 'fonds', id: fonds.id, label: `${fonds.code} — ${fonds.name}` },
    fonds: [{ id: fonds.id, code: fonds.code, name: fonds.name }],
    retentionPeriods: repos.codes.retentionPeriods(),
    files: repos.handoverData.inventoryFiles({ fondsIds: [fonds.id] }),
    unfiled: repos.handoverData.unfiled([fonds.id]),
  });
  return withChecks(ctx, report, { fondsIds: [fonds.id] });
}

/** Every fonds formed by the organization (an organization may have formed several). */
export function organizationInventory(ctx: ServiceContext, organizationId: number): InventoryReport {
  const { repos } = ctx.catalogue;
  const org = repos.organizations.get(organizationId);
  if (!org) throw notFound('organization', organizationId);
  const fonds = repos.fonds.list().filter((f) => f.organizationId === organizationId);
  const ids = fonds.map((f) => f.id);
  const report = computeInventory({
    scope: { kind: 'organization', id: org.id, label: org.name },
    fonds: fonds.map((f) => ({ id: f.id, code: f.code, name: f.name })),
    retentionPeriods: repos.codes.retentionPeriods(),
    files: repos.handoverData.inventoryFiles({ fondsIds: ids }),
    unfiled: ids.length > 0 ? repos.handoverData.unfiled(ids) : emptyUnfiled(),
  });
  return withChecks(ctx, report, { fondsIds: ids });
}

export function batchInventory(ctx: ServiceContext, batchId: number, label: string, fileIds: number[], requireBox: boolean): InventoryReport {
  const { repos } = ctx.catalogue;
  const files = repos.handoverData.inventoryFiles({ fileIds });
  const fondsIds = [...new Set(files.map((f) => f.fondsId))];
  const fonds = fondsIds.map((id) => repos.fonds.get(id)).filter((f): f is Fonds => f !== undefined);
  const report = computeInventory({
    scope: { kind: 'batch', id: batchId, label },
    fonds: fonds.map((f) => ({ id: f.id, code: f.code, name: f.name })),
    retentionPeriods: repos.codes.retentionPeriods(),
    files,
    unfiled: emptyUnfiled(),
    requireBox,
  });
  return withChecks(ctx, report, { fileIds });
}

/**
 * The file records of the given files (or of a fonds), each with its fonds code and how many of
 * its documents are secret, for the forms. Removed files are left out, as everywhere else.
 */
export function formFiles(ctx: ServiceContext, scope: { fondsId: number } | { fileIds: number[] }): { files: FormFile[]; fonds: Fonds[] } {
  const { repos } = ctx.catalogue;
  const rows = repos.handoverData.inventoryFiles('fondsId' in scope ? { fondsIds: [scope.fondsId] } : { fileIds: scope.fileIds });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fondsIds = 'fondsId' in scope ? [scope.fondsId] : [...new Set(rows.map((r) => r.fondsId))];
  const fonds: Fonds[] = [];
  const files: FormFile[] = [];
  for (const fid of fondsIds) {
    const f = repos.fonds.get(fid);
    if (!f) throw notFound('fonds', fid);
    fonds.push(f);
    for (const file of repos.files.listByFonds(fid) as ArchiveFile[]) {
      const row = byId.get(file.id);
      if (!row) continue;
      files.push({ ...file, fondsCode: f.code, secretDocuments: row.secret.mat + row.secret.toi_mat + row.secret.tuyet_mat });
    }
  }
  return { files, fonds };
}

export function requireOneScope(v: { batchId?: number; fondsId?: number }): void {
  if ((v.batchId === undefined) === (v.fondsId === undefined)) {
    throw new ApiError('handover.oneScope');
  }
}
