/**
 * Every action the audit log (nhật ký) records, as its `action` column: `<record>.<verb>`. The
 * audit writer takes only these (and an `EntityType` from entities.ts), so a misspelt or unlisted
 * action fails to compile; the history screen labels an action by its last word
 * (`audit.action.<verb>`) and its entity type.
 */
import type { BulkEntity } from './types/bulk';

/** What a bulk action (thao tác hàng loạt) does to each record it changes. */
export const BULK_VERBS = ['move', 'update', 'remove', 'confirm', 'addToBatch', 'create', 'renumber', 'reorder'] as const;
export type BulkVerb = (typeof BULK_VERBS)[number];
/** The records a bulk action changes. */
const BULK_ENTITIES: readonly BulkEntity[] = ['document', 'file'];
/** One row per record a bulk action changed, and one per record its undo put back. */
export type BulkAuditAction = `bulk.${BulkEntity}.${BulkVerb | 'undo'}`;

export const AUDIT_ACTIONS = [
  // Bodies (đơn vị), fonds (phông), file lists, files (hồ sơ) and documents.
  'organization.create',
  'organization.update',
  'organization.remove',
  'organization.restore',
  'organization.addSuccessor',
  'organization.removeSuccessor',
  'fonds.create',
  'fonds.update',
  'fonds.remove',
  'fonds.restore',
  'fileList.create',
  'file.create',
  'file.update',
  'file.remove',
  'file.restore',
  'file.handoverStatus',
  'document.import',
  'document.receive',
  'document.update',
  'document.remove',
  'document.restore',
  'document.review.confirm',
  'attachment.add',
  'citation.link',
  // Imports: runs of files and registers (sổ đăng ký).
  'import.start',
  'import.resume',
  'import.interrupted',
  'import.finish',
  'register.import',
  // Search: saved searches and the history.
  'search.saved.create',
  'search.saved.update',
  'search.saved.delete',
  'search.history.clear',
  // Handover (bàn giao): batches, packaging, receipt.
  'handover.create',
  'handover.update',
  'handover.remove',
  'handover.reopen',
  'handover.addFiles',
  'handover.removeFiles',
  'handover.assignBoxes',
  'handover.confirmSecret',
  'handover.list',
  'handover.handOver',
  'handover.pack',
  'handover.receipt',
  'handover.receiveStart',
  'handover.receive',
  // Safety: settings, backups, the catalogue itself, secret records, destruction (tiêu hủy).
  'setting.update',
  'retention.add',
  'backup.create',
  'backup.prune',
  'backup.rekey',
  'catalogue.migrate',
  'catalogue.restore',
  'catalogue.encrypt',
  'catalogue.rekey',
  'secrets.unlock',
  'secrets.lock',
  'destruction.record',
  'destruction.listExport',
  'destruction.moveOriginals',
  'destruction.execute',
  'destruction.cancel',
  ...BULK_ENTITIES.flatMap((entity) => [...BULK_VERBS, 'undo' as const].map((verb): BulkAuditAction => `bulk.${entity}.${verb}`)),
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
