import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../../shared/contract/types/safety';
import { ApiError } from '../../../../shared/contract/errors';
import { backupsToKeep } from '../../../../shared/safety/backupRotation';
import { isBackupId, listBackups, partialDir, publishBackup, removeUnfinished } from '../../../data/backups/backupFolder';
import { copyCatalogue } from '../../../data/backups/catalogueCopy';
import { type ServiceContext, audit, nowOf } from '../../context';
import { backupSettings } from './backupSettings';
import { copyOriginals } from './originalsCopy';

/** Audit actions written by backups about themselves: not changes to the records. */
export const BACKUP_AUDIT_ACTIONS = ['backup.create', 'backup.prune', 'backup.rekey'] as const;

/** One backup at a time per catalogue file, whoever asks (scheduler, user, another area). */
const running = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(key) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(work);
  running.set(key, next);
  void next.finally(() => {
    if (running.get(key) === next) running.delete(key);
  }).catch(() => undefined);
  return next;
}

/**
 * Backs up the catalogue and its managed originals now, then prunes old backups by the rotation
 * policy. The catalogue copy is consistent (taken while it stays open) and encrypted if the
 * catalogue is; originals already in the previous backup are hard-linked, the rest copied and
 * verified. The backup's own SHA-256 is written to the audit log, so tampering with a backup is
 * detectable even if its manifest is rewritten too.
 *
 * Other areas call this before work that changes many records at once:
 *   await backupNow(ctx, 'pre-import')   before a bulk import
 *   await backupNow(ctx, 'pre-receive')  before receiving a handover package
 */
export function backupNow(ctx: ServiceContext, reason: BackupReason, note: string | null = null): Promise<BackupInfo> {
  return serialized(ctx.catalogue.path, () => makeBackup(ctx, reason, note));
}

/**
 * Runs `work` while no backup of this catalogue is being written (and none starts until it ends):
 * encrypting must not race a backup whose copy was taken before the catalogue was encrypted.
 * `work` may take backups itself through the function it is given.
 */
export function withBackupsHeld<T>(ctx: ServiceContext, work: (backup: (reason: BackupReason, note: string | null) => Promise<BackupInfo>) => Promise<T>): Promise<T> {
  return serialized(ctx.catalogue.path, () => work((reason, note) => makeBackup(ctx, reason, note)));
}

async function makeBackup(ctx: ServiceContext, reason: BackupReason, note: string | null): Promise<BackupInfo> {
  const { catalogue } = ctx;
  const dir = catalogue.backupDir;
  const createdAt = nowOf(ctx);
  const actor = ctx.actor();
  removeUnfinished(dir);
  const previous = listBackups(dir).find((b) => b.originals.included) ?? null;
  let copy;
  try {
    copy = copyCatalogue(catalogue.db, dir, createdAt, reason, catalogue.keyForCopies());
  } catch (err) {
    throw new ApiError('backup.failed', { dir, detail: String((err as Error).message ?? err) });
  }
  let info: BackupInfo;
  try {
    const originals = await copyOriginals(catalogue.originals, copy.originals, catalogue.originalsDir, copy.folder, previous);
    info = publishBackup(dir, copy.id, {
      id: copy.id,
      createdAt,
      reason,
      actor,
      note,
      catalogueBytes: copy.bytes,
      catalogueSha256: copy.sha256,
      encrypted: catalogue.encrypted,
      summary: copy.summary,
      originals: { included: true, ...originals },
    });
  } catch (err) {
    fs.rmSync(partialDir(dir, copy.id), { recursive: true, force: true });
    throw new ApiError('backup.originalsFailed', { detail: String((err as Error).message ?? err) });
  }
  catalogue.transaction(() => {
    audit(ctx, 'backup.create', 'backup', null, undefined, {
      id: info.id,
      reason,
      note,
      catalogueSha256: info.catalogueSha256,
      catalogueBytes: info.catalogueBytes,
      encrypted: info.encrypted,
      lastAuditId: info.summary.lastAudit?.id ?? 0,
      originals: info.originals.count,
      problems: info.originals.problems.length,
      previousDamaged: info.originals.previousDamaged?.length ?? 0,
    });
  });
  pruneBackups(ctx);
  return info;
}

/** Removes backups the rotation policy no longer keeps (backups are copies, not records), and says so in the audit log. */
export function pruneBackups(ctx: ServiceContext): string[] {
  const settings = backupSettings(ctx);
  const all = listBackups(settings.dir);
  const keep = backupsToKeep(all, settings);
  const pruned: string[] = [];
  for (const b of all) {
    if (keep.has(b.id) || !isBackupId(b.id)) continue;
    fs.rmSync(path.join(settings.dir, b.id), { recursive: true, force: true });
    pruned.push(b.id);
  }
  if (pruned.length > 0) ctx.catalogue.transaction(() => audit(ctx, 'backup.prune', 'backup', null, undefined, { pruned, policy: { keepLast: settings.keepLast, keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly } }));
  return pruned;
}

/** True when records changed since the newest backup (the rows backups write about themselves do not count). */
export function changedSinceLastBackup(ctx: ServiceContext): boolean {
  const latest = listBackups(ctx.catalogue.backupDir)[0];
  if (!latest) return ctx.catalogue.repos.integrity.lastAuditId() > 0;
  const since = latest.summary.lastAudit?.id ?? 0;
  return ctx.catalogue.repos.integrity.auditRowsAfter(since, BACKUP_AUDIT_ACTIONS) > 0;
}

/** Resolves when no backup of this catalogue is in progress (a host waits for it before closing). */
export async function backupsIdle(cataloguePath: string): Promise<void> {
  for (let pending = running.get(cataloguePath); pending; pending = running.get(cataloguePath)) await pending.catch(() => undefined);
}
