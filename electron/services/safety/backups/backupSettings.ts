import path from 'node:path';
import type { BackupSettings } from '../../../../shared/contract/types/safety';
import { ApiError, fieldError } from '../../../../shared/contract/errors';
import { BACKUP_DIR_SETTING } from '../../../data/catalogue';
import { listBackups } from '../../../data/backups/backupFolder';
import { type ServiceContext, audit } from '../../context';

/** Defaults: a backup a day when something changed, the last 10, one a day for a week, one a week for two months. */
export const BACKUP_DEFAULTS = { intervalHours: 24, keepLast: 10, keepDaily: 7, keepWeekly: 8 } as const;

const KEYS = {
  intervalHours: 'backup.intervalHours',
  keepLast: 'backup.keepLast',
  keepDaily: 'backup.keepDaily',
  keepWeekly: 'backup.keepWeekly',
} as const;

function numberSetting(ctx: ServiceContext, key: string, fallback: number): number {
  const raw = ctx.catalogue.repos.settings.get(key);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

export function backupSettings(ctx: ServiceContext): BackupSettings {
  const dir = ctx.catalogue.backupDir;
  return {
    intervalHours: numberSetting(ctx, KEYS.intervalHours, BACKUP_DEFAULTS.intervalHours),
    keepLast: Math.max(1, numberSetting(ctx, KEYS.keepLast, BACKUP_DEFAULTS.keepLast)),
    keepDaily: numberSetting(ctx, KEYS.keepDaily, BACKUP_DEFAULTS.keepDaily),
    keepWeekly: numberSetting(ctx, KEYS.keepWeekly, BACKUP_DEFAULTS.keepWeekly),
    dir,
    lastBackupAt: listBackups(dir)[0]?.createdAt ?? null,
  };
}

export function configureBackups(
  ctx: ServiceContext,
  patch: { intervalHours?: number; keepLast?: number; keepDaily?: number; keepWeekly?: number; dir?: string | null },
): BackupSettings {
  const { repos } = ctx.catalogue;
  if (patch.dir != null) {
    if (!path.isAbsolute(patch.dir)) {
      throw new ApiError('backup.dirNotAbsolute', {}, { dir: fieldError('field.absolutePathNeeded') });
    }
    const inside = (parent: string) => path.resolve(patch.dir!).startsWith(path.resolve(parent) + path.sep);
    if (inside(ctx.catalogue.originalsDir) || path.resolve(patch.dir) === path.resolve(ctx.catalogue.originalsDir)) {
      throw new ApiError('backup.dirInsideOriginals', {}, { dir: fieldError('field.folderNotAllowed') });
    }
  }
  ctx.catalogue.transaction(() => {
    const entries: Array<[string, string | null]> = [];
    for (const [field, key] of Object.entries(KEYS) as Array<[keyof typeof KEYS, string]>) {
      if (patch[field] !== undefined) entries.push([key, String(patch[field])]);
    }
    if (patch.dir !== undefined) entries.push([BACKUP_DIR_SETTING, patch.dir === null ? '' : path.resolve(patch.dir)]);
    for (const [key, value] of entries) {
      const before = repos.settings.get(key);
      const after = value ?? '';
      if ((before ?? '') === after) continue;
      repos.settings.set(key, after);
      audit(ctx, 'setting.update', 'setting', null, { [key]: before }, { [key]: after });
    }
  });
  return backupSettings(ctx);
}
