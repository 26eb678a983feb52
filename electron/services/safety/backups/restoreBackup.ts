import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, RestorePreview, RestoreResult } from '../../../../shared/contract/types/safety';
import { ApiError, coded } from '../../../../shared/contract/errors';
import { CATALOGUE_COPY, ORIGINALS_COPY } from '../../../data/backups/backupFolder';
import { attachedOriginals, attachedSchemaVersion, auditRowsNotInCopy, documentDifferences, restoreCatalogueFrom, withAttachedCopy } from '../../../data/backups/restoreInto';
import { summarize } from '../../../data/catalogueSummary';
import { SCHEMA_VERSION } from '../../../data/migrate';
import { sha256File } from '../../../data/snapshot';
import { type ServiceContext, audit, nowOf } from '../../context';
import { BACKUP_AUDIT_ACTIONS, backupNow } from './backupNow';
import { safeJoin } from './originalsCopy';
import { SecretPolicy } from '../secretPolicy';
import { getBackup, recordedSha256 } from './verifyBackup';
import { makeDirs } from '../../../data/makeDirs';

const DIFFERENCES_LISTED = 200;

/** A restore replaces every table: not while an import, a package or a receive is writing to them. */
export function refuseWhileJobsRun(ctx: ServiceContext): void {
  const running = ctx.jobs.running();
  if (running.length > 0) {
    throw new ApiError('backup.jobsRunning', { count: running.length });
  }
}

/** Ties a preview to the state it described: the backup, and the catalogue's last audit row and row count. */
function confirmTokenFor(ctx: ServiceContext, id: string): string {
  const summary = summarize(ctx.catalogue.db);
  return createHash('sha256')
    .update(`${id}\n${summary.lastAudit?.hash ?? ''}\n${summary.counts.auditRows}`)
    .digest('hex');
}

/** The backup's catalogue copy, refused unless its bytes match both its manifest and the hash the audit log recorded. */
async function checkedCopy(ctx: ServiceContext, info: BackupInfo): Promise<string> {
  const file = path.join(info.path, CATALOGUE_COPY);
  if (!fs.existsSync(file)) throw new ApiError('backup.copyMissing');
  const actual = await sha256File(file);
  const recorded = recordedSha256(ctx, info.id);
  if (actual !== info.catalogueSha256 || (recorded !== null && recorded !== actual)) {
    throw new ApiError('backup.copyChanged');
  }
  return file;
}

function keyFor(ctx: ServiceContext, info: BackupInfo, passphrase: string | undefined): string | null {
  if (passphrase) return passphrase;
  return info.encrypted ? ctx.catalogue.keyForCopies() : null;
}

/**
 * What a restore would do, before it does it: counts and dates of the backup and of the catalogue
 * now, how many recorded changes it takes back, and which documents it drops, brings back or
 * changes.
 */
export async function previewRestore(ctx: ServiceContext, id: string, passphrase?: string): Promise<RestorePreview> {
  const info = getBackup(ctx, id);
  const file = await checkedCopy(ctx, info);
  const { db } = ctx.catalogue;
  const current = summarize(db);
  const said: Array<ReturnType<typeof coded>> = [];
  const warnings = { push: (c: ReturnType<typeof coded>) => said.push(c) };
  const compared = withAttachedCopy(db, file, keyFor(ctx, info, passphrase), () => ({
    version: attachedSchemaVersion(db),
    undone: auditRowsNotInCopy(db),
    differences: documentDifferences(db, DIFFERENCES_LISTED),
  }));
  if (compared.version > SCHEMA_VERSION) warnings.push(coded('backupCheck.newerSchema', { version: compared.version }));
  else if (compared.version < SCHEMA_VERSION) warnings.push(coded('backupCheck.olderSchema', { version: compared.version, current: SCHEMA_VERSION }));
  if (!info.originals.included) warnings.push(coded('backupCheck.catalogueOnly'));
  if (info.originals.problems.length > 0) warnings.push(coded('backupCheck.originalsNotBackedUp', { count: info.originals.problems.length }));
  if (compared.undone > 0) warnings.push(coded('backupCheck.changesUndone', { count: compared.undone }));
  // Secret documents are counted, not listed, for a caller who may not see them.
  const differences = SecretPolicy.of(ctx).restoreDifferences(compared.differences.items);
  return {
    backup: info,
    current,
    changesUndone: compared.undone,
    differences: differences.items,
    differencesTotal: compared.differences.total,
    differencesHidden: differences.hidden,
    confirmToken: confirmTokenFor(ctx, id),
    warnings: said.map((c) => c.message),
    warningTexts: said.map((c) => c.text),
  };
}

/** Puts back originals the restored catalogue needs that are missing or damaged in the managed folder (a damaged one is set aside, never deleted). */
async function restoreOriginals(ctx: ServiceContext, info: BackupInfo, originals: Array<{ sha256: string; storedPath: string; size: number }>): Promise<{ restored: number; problems: Array<ReturnType<typeof coded>> }> {
  const problems: Array<ReturnType<typeof coded>> = [];
  let restored = 0;
  if (!info.originals.included) return { restored, problems };
  const managed = ctx.catalogue.originalsDir;
  const root = path.join(info.path, ORIGINALS_COPY);
  for (const o of originals) {
    const target = safeJoin(managed, o.storedPath);
    const source = safeJoin(root, o.storedPath);
    if (!target || !source) continue;
    const files = ctx.catalogue.originals;
    if (fs.existsSync(target) && files.plainSize(target) === o.size) continue;
    if (!fs.existsSync(source)) {
      problems.push(coded('restoreOriginal.missing', { storedPath: o.storedPath }));
      continue;
    }
    if (fs.existsSync(target)) {
      const aside = path.join(managed, '.damaged', `${path.basename(o.storedPath)}.${nowOf(ctx).replace(/[:.]/g, '-')}`);
      makeDirs(path.dirname(aside));
      fs.renameSync(target, aside);
    }
    const copied = await files.copyVerified(source, target, o.sha256, 'stored');
    if (copied.ok) restored++;
    else problems.push(coded('restoreOriginal.damaged', { storedPath: o.storedPath }));
  }
  return { restored, problems };
}

/**
 * Restores a backup: refused if the catalogue changed since the preview; first backs up the
 * current state (so the restore itself can be undone), then replaces the catalogue in one
 * transaction, puts back missing originals, and records it all in the audit log.
 */
export async function restoreBackup(ctx: ServiceContext, id: string, confirmToken: string, passphrase?: string): Promise<RestoreResult> {
  const info = getBackup(ctx, id);
  refuseWhileJobsRun(ctx);
  const file = await checkedCopy(ctx, info);
  if (confirmToken !== confirmTokenFor(ctx, id)) {
    throw new ApiError('restore.changedSincePreview');
  }
  const before = summarize(ctx.catalogue.db);
  const safety = await backupNow(ctx, 'pre-restore', `Trước khi khôi phục bản sao lưu ${id}`);
  // Nothing may slip in between the safety copy and the restore: only the backup's own row follows it.
  if (ctx.catalogue.repos.integrity.auditRowsAfter(before.lastAudit?.id ?? 0, BACKUP_AUDIT_ACTIONS) > 0) {
    throw new ApiError('restore.changedMeanwhile');
  }
  const key = keyFor(ctx, info, passphrase);
  // The originals' key is the catalogue's for good (every backup's originals are sealed with it): a
  // copy made before the catalogue was encrypted lacks it, and must not take it away.
  const originalsKey = ctx.catalogue.originalsKey();
  const originalsSealed = ctx.catalogue.originalsSealed;
  const { fromVersion } = restoreCatalogueFrom(ctx.catalogue.db, file, key, ctx.catalogue.now);
  if (originalsKey) {
    ctx.catalogue.ensureOriginalsKey(originalsKey);
    ctx.catalogue.markOriginalsSealed(originalsSealed);
  }
  const originals = withAttachedCopy(ctx.catalogue.db, file, key, () => attachedOriginals(ctx.catalogue.db));
  const put = await restoreOriginals(ctx, info, originals);
  const summary = summarize(ctx.catalogue.db);
  ctx.catalogue.transaction(() =>
    audit(
      ctx,
      'catalogue.restore',
      'catalogue',
      null,
      { lastAudit: before.lastAudit, counts: before.counts, safetyBackupId: safety.id },
      // The head the restored chain ended at: witnesses of the rows this restore takes back are superseded (auditAnchors.ts).
      { backupId: id, backupCreatedAt: info.createdAt, fromSchemaVersion: fromVersion, counts: summary.counts, originalsRestored: put.restored, restoredLastAudit: summary.lastAudit },
    ),
  );
  return {
    restoredFrom: id,
    safetyBackupId: safety.id,
    summary: summarize(ctx.catalogue.db),
    originalsRestored: put.restored,
    originalsProblems: put.problems.map((p) => p.message),
    originalsProblemTexts: put.problems.map((p) => p.text),
  };
}
