/**
 * Kiểm kê: the statistics of a fonds, of all fonds of an organization, or of a batch, and the
 * file records the forms are made from.
 */
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { ArchiveFile, Fonds } from '../../../shared/contract/types';
import type { InventoryReport } from '../../../shared/contract/types/handover';
import type { FormFile } from '../../../shared/handover/forms';
import { computeInventory, emptyUnfiled } from '../../../shared/handover/statistics';
import type { ServiceContext } from '../context';

export function fondsInventory(ctx: ServiceContext, fondsId: number): InventoryReport {
  const { repos } = ctx.catalogue;
  const fonds = repos.fonds.get(fondsId);
  if (!fonds) throw notFound('fonds', fondsId);
  return computeInventory({
    scope: { kind: 'fonds', id: fonds.id, label: `${fonds.code} — ${fonds.name}` },
    fonds: [{ id: fonds.id, code: fonds.code, name: fonds.name }],
    retentionPeriods: repos.codes.retentionPeriods(),
    files: repos.handoverData.inventoryFiles({ fondsIds: [fonds.id] }),
    unfiled: repos.handoverData.unfiled([fonds.id]),
  });
}

/** Every fonds formed by the organization (an organization may have formed several). */
export function organizationInventory(ctx: ServiceContext, organizationId: number): InventoryReport {
  const { repos } = ctx.catalogue;
  const org = repos.organizations.get(organizationId);
  if (!org) throw notFound('organization', organizationId);
  const fonds = repos.fonds.list().filter((f) => f.organizationId === organizationId);
  const ids = fonds.map((f) => f.id);
  return computeInventory({
    scope: { kind: 'organization', id: org.id, label: org.name },
    fonds: fonds.map((f) => ({ id: f.id, code: f.code, name: f.name })),
    retentionPeriods: repos.codes.retentionPeriods(),
    files: repos.handoverData.inventoryFiles({ fondsIds: ids }),
    unfiled: ids.length > 0 ? repos.handoverData.unfiled(ids) : emptyUnfiled(),
  });
}

export function batchInventory(ctx: ServiceContext, batchId: number, label: string, fileIds: number[], requireBox: boolean): InventoryReport {
  const { repos } = ctx.catalogue;
  const files = repos.handoverData.inventoryFiles({ fileIds });
  const fondsIds = [...new Set(files.map((f) => f.fondsId))];
  const fonds = fondsIds.map((id) => repos.fonds.get(id)).filter((f): f is Fonds => f !== undefined);
  return computeInventory({
    scope: { kind: 'batch', id: batchId, label },
    fonds: fonds.map((f) => ({ id: f.id, code: f.code, name: f.name })),
    retentionPeriods: repos.codes.retentionPeriods(),
    files,
    unfiled: emptyUnfiled(),
    requireBox,
  });
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
