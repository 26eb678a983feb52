import { ApiError, fieldError, type CallReply } from '../../../shared/contract/errors';
import { type Services, type ServicesOptions, createServices } from '../createServices';
import { type Dispatch, type Logger, createDispatch } from '../dispatch';
import { backupsIdle } from './backups/backupNow';
import { type BackupScheduler, startBackupScheduler } from './backups/scheduler';

/**
 * What a host (desktop app, browser host) runs its transport on. An encrypted catalogue opened
 * without its passphrase starts locked: every operation answers `locked` except
 * `catalogue.lockState` and `catalogue.unlock`, which the UI's unlock screen uses; once the right
 * passphrase is given the services open and every operation works. Automatic backups run while
 * the catalogue is open.
 */
export interface CatalogueGate {
  dispatch: Dispatch;
  /** The open services, or null while locked. */
  services(): Services | null;
  close(): Promise<void>;
}

export interface GateOptions {
  log?: Logger;
  /** Start the automatic backup scheduler once open (the hosts do; tests may not). */
  scheduleBackups?: boolean;
  backupCheckEveryMs?: number;
}

const lockedReply = (): CallReply<unknown> => ({ ok: false, error: new ApiError('catalogue.locked').toBody() });

export function openCatalogueGate(options: ServicesOptions, gate: GateOptions = {}): CatalogueGate {
  const log = gate.log ?? console;
  let services: Services | null = null;
  let open: Dispatch | null = null;
  let scheduler: BackupScheduler | null = null;
  let failures = 0;

  const start = (passphrase: string | null | undefined) => {
    services = createServices({ ...options, passphrase: passphrase ?? options.passphrase ?? null });
    open = createDispatch(services.handlers, log);
    if (gate.scheduleBackups !== false) scheduler = startBackupScheduler(services.context, { checkEveryMs: gate.backupCheckEveryMs, log: (m) => log.error(m) });
  };

  try {
    start(options.passphrase);
  } catch (err) {
    if (!(err instanceof ApiError && err.kind === 'locked')) throw err;
  }

  const dispatch: Dispatch = async (operation, input) => {
    if (open) return open(operation, input);
    if (operation === 'catalogue.lockState') return { ok: true, result: { locked: true, cataloguePath: options.cataloguePath } };
    if (operation !== 'catalogue.unlock') return lockedReply();
    const passphrase = typeof input === 'object' && input !== null ? (input as { passphrase?: unknown }).passphrase : undefined;
    if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > 1_024) {
      return { ok: false, error: new ApiError('catalogue.passphraseMissing', {}, { passphrase: fieldError('field.passphraseRequired') }).toBody() };
    }
    try {
      start(passphrase);
      failures = 0;
      return { ok: true, result: { locked: false, cataloguePath: options.cataloguePath } };
    } catch (err) {
      // Each wrong guess waits a little longer (up to 5 s), on top of the cipher's own key stretching.
      failures++;
      await new Promise((r) => setTimeout(r, Math.min(failures, 5) * 1000));
      if (!(err instanceof ApiError)) console.error(`[kholuu] opening the catalogue failed: ${String(err instanceof Error ? (err.stack ?? err) : err)}`);
      const apiError = err instanceof ApiError ? err : new ApiError('catalogue.cannotOpen');
      return { ok: false, error: apiError.toBody() };
    }
  };

  return {
    dispatch,
    services: () => services,
    close: async () => {
      const s = services as Services | null;
      if (scheduler) await scheduler.stop();
      if (s) {
        await backupsIdle(s.context.catalogue.path);
        await s.close();
      }
    },
  };
}
