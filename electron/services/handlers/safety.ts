import type { ApiHandlers } from '../../../shared/contract/api';
import type { SecretsStatus } from '../../../shared/contract/types/safety';
import { listBackups } from '../../data/backups/backupFolder';
import { type ServiceContext, audit, nowOf } from '../context';
import { backupNow } from '../safety/backups/backupNow';
import { backupSettings, configureBackups } from '../safety/backups/backupSettings';
import { previewRestore, restoreBackup } from '../safety/backups/restoreBackup';
import { verifyBackup } from '../safety/backups/verifyBackup';
import { passphraseChangeResult, startPassphraseChange, encryptionStatus } from '../safety/encryption';
import { runIntegrityCheck, verifyAuditChain } from '../safety/integrityCheck';
import { safetyRecordHandlers } from './safetyRecords';

type Handlers = Pick<
  ApiHandlers,
  | 'audit.verify'
  | 'integrity.check'
  | 'backups.list'
  | 'backups.settings'
  | 'backups.configure'
  | 'backups.create'
  | 'backups.verify'
  | 'backups.previewRestore'
  | 'backups.restore'
  | 'access.status'
  | 'access.unlockSecrets'
  | 'access.lockSecrets'
  | 'catalogue.lockState'
  | 'catalogue.unlock'
  | 'catalogue.encryption'
  | 'catalogue.setPassphrase'
  | 'catalogue.passphraseResult'
>;

export function secretsStatus(ctx: ServiceContext): SecretsStatus {
  const grant = ctx.access.grant();
  return {
    visible: ctx.access.secretsVisible('view'),
    exportable: ctx.access.secretsVisible('export'),
    grant,
    secretDocuments: ctx.catalogue.repos.removals.activeSecretCount(),
  };
}

/** Safety: integrity, backups and restore, access to secret records, encryption at rest. */
export function safetyHandlers(ctx: ServiceContext): Handlers & ReturnType<typeof safetyRecordHandlers> {
  return {
    'audit.verify': () => verifyAuditChain(ctx),
    'integrity.check': ({ originals }) => runIntegrityCheck(ctx, { originals }),

    'backups.list': () => listBackups(ctx.catalogue.backupDir),
    'backups.settings': () => backupSettings(ctx),
    'backups.configure': (patch) => configureBackups(ctx, patch),
    'backups.create': ({ note }) => backupNow(ctx, 'manual', note ?? null),
    'backups.verify': ({ id }) => verifyBackup(ctx, id),
    'backups.previewRestore': ({ id, passphrase }) => previewRestore(ctx, id, passphrase),
    'backups.restore': ({ id, confirmToken, passphrase }) => restoreBackup(ctx, id, confirmToken, passphrase),

    'access.status': () => secretsStatus(ctx),
    'access.unlockSecrets': ({ reason, purpose, durationMinutes }) => {
      const at = nowOf(ctx);
      const until = new Date(Date.parse(at) + durationMinutes * 60_000).toISOString();
      const grant = { purpose, reason, by: ctx.actor(), at, until };
      // Written before the scope opens: an unlock that could not be recorded does not happen.
      ctx.catalogue.transaction(() => audit(ctx, 'secrets.unlock', 'access', null, { grant: ctx.access.grant() }, { grant, host: ctx.host }));
      ctx.access.unlock(grant);
      return secretsStatus(ctx);
    },
    'access.lockSecrets': () => {
      const before = ctx.access.grant();
      if (before) ctx.catalogue.transaction(() => audit(ctx, 'secrets.lock', 'access', null, { grant: before }, { grant: null, host: ctx.host }));
      ctx.access.lock();
      return secretsStatus(ctx);
    },

    'catalogue.lockState': () => ({ locked: false, cataloguePath: ctx.catalogue.path }),
    // Reached only once the catalogue is open (a locked one is answered by the host's gate).
    'catalogue.unlock': () => ({ locked: false, cataloguePath: ctx.catalogue.path }),
    'catalogue.encryption': () => encryptionStatus(ctx),
    'catalogue.setPassphrase': (input) => startPassphraseChange(ctx, input),
    'catalogue.passphraseResult': ({ jobId }) => ({ result: passphraseChangeResult(ctx, jobId) }),

    ...safetyRecordHandlers(ctx),
  };
}
