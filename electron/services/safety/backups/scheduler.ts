import type { BackupInfo } from '../../../../shared/contract/types/safety';
import { type ServiceContext, nowOf } from '../../context';
import { backupSettings } from './backupSettings';
import { backupNow, changedSinceLastBackup } from './backupNow';

export interface BackupScheduler {
  /** Runs one check now: backs up when the interval has passed and records changed. */
  tick(): Promise<BackupInfo | null>;
  /** Stops the timer and waits for a backup in progress to finish (before the catalogue closes). */
  stop(): Promise<void>;
}

/**
 * Automatic backups. The hosts (desktop app, browser host) start one when they open a catalogue
 * and stop it before closing it. Every `checkEveryMs` it looks at the `backup.intervalHours`
 * setting (0 = off) and the newest backup, and makes a `scheduled` backup when the interval has
 * passed and something was recorded since; an unchanged catalogue is not copied again.
 */
export function startBackupScheduler(
  ctx: ServiceContext,
  options: { checkEveryMs?: number; firstBackupAfterMs?: number; log?: (message: string) => void } = {},
): BackupScheduler {
  const log = options.log ?? ((m: string) => console.error(m));
  // A catalogue never backed up gets its first copy a few minutes after opening (not at once: the
  // user is usually just starting work), even if it is closed before a whole interval has passed.
  const startedAt = Date.parse(nowOf(ctx));
  const firstAfter = options.firstBackupAfterMs ?? 10 * 60_000;
  let current: Promise<BackupInfo | null> | null = null;
  let stopped = false;
  const check = async (): Promise<BackupInfo | null> => {
    try {
      const settings = backupSettings(ctx);
      if (settings.intervalHours <= 0) return null;
      const now = Date.parse(nowOf(ctx));
      const due = settings.lastBackupAt === null ? now - startedAt >= firstAfter : now - Date.parse(settings.lastBackupAt) >= settings.intervalHours * 3600_000;
      if (!due || !changedSinceLastBackup(ctx)) return null;
      return await backupNow(ctx, 'scheduled');
    } catch (err) {
      log(`[kholuu] scheduled backup failed: ${String((err as { messageEn?: string }).messageEn ?? err)}`);
      return null;
    }
  };
  const tick = (): Promise<BackupInfo | null> => {
    if (current || stopped) return current ?? Promise.resolve(null);
    current = check().finally(() => {
      current = null;
    });
    return current;
  };
  const timer = setInterval(() => void tick(), options.checkEveryMs ?? 60_000);
  timer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (current) await current;
    },
  };
}
