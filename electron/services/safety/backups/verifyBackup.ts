import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupVerification } from '../../../../shared/contract/types/safety';
import { ApiError, causeOf, coded, notFound } from '../../../../shared/contract/errors';
import { CATALOGUE_COPY, ORIGINALS_COPY, listBackups, readBackup } from '../../../data/backups/backupFolder';
import { inspectCopy } from '../../../data/backups/catalogueCopy';
import { sha256File } from '../../../data/snapshot';
import { type ServiceContext, nowOf } from '../../context';
import { safeJoin } from './originalsCopy';

export function getBackup(ctx: ServiceContext, id: string): BackupInfo {
  const info = readBackup(ctx.catalogue.backupDir, id);
  if (!info) throw notFound('backup', id);
  return info;
}

/**
 * The SHA-256 the audit log last recorded for a backup: when it was made (or, for the copy taken
 * before a migration, when the catalogue was migrated), or when it was re-encrypted. Null when
 * no row names it (a backup brought from another catalogue).
 */
export function recordedSha256(ctx: ServiceContext, id: string): string | null {
  let best: { rowId: number; sha: string } | null = null;
  for (const action of ['backup.create', 'backup.rekey', 'catalogue.migrate']) {
    for (const row of ctx.catalogue.repos.integrity.auditAfterStates(action, 10_000)) {
      if (best && row.id < best.rowId) break;
      try {
        const after = JSON.parse(row.after ?? 'null') as { id?: string; backupId?: string; catalogueSha256?: string } | null;
        if (after && (after.id === id || after.backupId === id) && after.catalogueSha256) {
          if (!best || row.id > best.rowId) best = { rowId: row.id, sha: after.catalogueSha256 };
          break;
        }
      } catch {
        // A row that is not JSON belongs to the audit check, not to this one.
      }
    }
  }
  return best?.sha ?? null;
}

/**
 * Checks one backup end to end: the catalogue copy's bytes against its manifest and against the
 * hash the audit log recorded when it was made (so a rewritten manifest does not hide an edit),
 * SQLite's integrity check and the audit chain inside the copy, and every original's SHA-256.
 */
export async function verifyBackup(ctx: ServiceContext, id: string, passphrase?: string): Promise<BackupVerification> {
  const info = getBackup(ctx, id);
  const said: Array<ReturnType<typeof coded>> = [];
  const problems = { push: (c: ReturnType<typeof coded>) => said.push(c) };
  const done = () => ({ problems: said.map((c) => c.message), problemTexts: said.map((c) => c.text) });
  const damaged: Array<{ storedPath: string; backups: string[] }> = [];
  const file = path.join(info.path, CATALOGUE_COPY);
  let originalsChecked = 0;
  if (!fs.existsSync(file)) {
    problems.push(coded('backupCheck.copyMissing'));
    return { id, ok: false, checkedAt: nowOf(ctx), ...done(), originalsChecked, sharedDamage: damaged };
  }
  const actual = await sha256File(file);
  if (actual !== info.catalogueSha256) problems.push(coded('backupCheck.copyChanged', { actual: actual.slice(0, 12), listed: info.catalogueSha256.slice(0, 12) }));
  const recorded = recordedSha256(ctx, id);
  if (recorded !== null && recorded !== actual) problems.push(coded('backupCheck.copyNotAsLogged', { recorded: recorded.slice(0, 12) }));
  try {
    const inspection = inspectCopy(file, passphrase ?? (info.encrypted ? ctx.catalogue.keyForCopies() : null));
    if (!(inspection.integrity.length === 1 && inspection.integrity[0] === 'ok')) problems.push(coded('backupCheck.integrity', { detail: inspection.integrity.slice(0, 3).join('; ') }));
    if (!inspection.audit.ok) problems.push(coded('backupCheck.chainBroken', { row: inspection.audit.firstBrokenId }));
    if (info.originals.included) {
      const root = path.join(info.path, ORIGINALS_COPY);
      const seen = new Set<string>();
      for (const o of inspection.originals) {
        if (seen.has(o.storedPath)) continue;
        seen.add(o.storedPath);
        const target = safeJoin(root, o.storedPath);
        if (!target || !fs.existsSync(target)) {
          // A missing original was already reported when the backup was made.
          if (!info.originals.problems.some((p) => p.includes(o.storedPath))) problems.push(coded('backupCheck.originalMissing', { storedPath: o.storedPath }));
          continue;
        }
        originalsChecked++;
        if (!(await ctx.catalogue.originals.hasSha256(target, o.sha256))) {
          const others = backupsSharing(ctx, info.id, target, o.storedPath);
          if (others.length > 0) damaged.push({ storedPath: o.storedPath, backups: others });
          problems.push(coded('backupCheck.originalChanged', { storedPath: o.storedPath, shared: others }));
        }
      }
    }
  } catch (err) {
    if (err instanceof ApiError && err.kind === 'locked') problems.push(coded('backupCheck.cannotOpen', { cause: causeOf(err) }));
    else problems.push(coded('backupCheck.copyUnreadable', { detail: String((err as Error).message ?? err) }));
  }
  return { id, ok: said.length === 0, checkedAt: nowOf(ctx), ...done(), originalsChecked, sharedDamage: damaged };
}

/**
 * The other backups holding the very same file (one inode, hard-linked when they were made): a
 * damaged byte in it is damaged in each of them.
 */
function backupsSharing(ctx: ServiceContext, id: string, file: string, storedPath: string): string[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return [];
  }
  if (st.nlink < 2) return [];
  const others: string[] = [];
  for (const b of listBackups(ctx.catalogue.backupDir)) {
    if (b.id === id) continue;
    const other = safeJoin(path.join(b.path, ORIGINALS_COPY), storedPath);
    try {
      const o = other ? fs.statSync(other) : null;
      if (o && o.ino === st.ino && o.dev === st.dev) others.push(b.id);
    } catch {
      // Not in that backup.
    }
  }
  return others;
}
