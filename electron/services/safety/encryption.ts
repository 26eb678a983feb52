import fs from 'node:fs';
import path from 'node:path';
import { ApiError, fieldError } from '../../../shared/contract/errors';
import type { EncryptionResult, EncryptionStatus } from '../../../shared/contract/types/safety';
import { CATALOGUE_COPY, listBackups, removeTemporaryCopies, removeUnfinished, writeManifest } from '../../data/backups/backupFolder';
import { rekeyCopy, sha256FileSync } from '../../data/snapshot';
import { type ServiceContext, audit, nowOf } from '../context';
import { Cancelled, type Job } from '../jobs';
import { withBackupsHeld } from './backups/backupNow';
import { refuseWhileJobsRun } from './backups/restoreBackup';
import { type SealingResult, sealAllOriginals } from './sealOriginals';
import { ORIGINALS_KEY_SETTING } from '../../data/catalogue';
import { type ExportsDisposal, type ReadableDeliverables, checkExportsDisposal, disposeExports } from './readableExports';

export function encryptionStatus(ctx: ServiceContext): EncryptionStatus {
  return { encrypted: ctx.catalogue.encrypted, cipher: ctx.catalogue.cipher };
}

/**
 * Encrypts the catalogue with a passphrase, or changes it (PRAGMA rekey). The current state is
 * backed up first; then the file is re-encrypted in place, and every existing backup is
 * re-encrypted with the new passphrase too, so no readable copy of the records is left behind and
 * every backup stays restorable with the one passphrase the user knows. Unfinished backups (an
 * interrupted one's `.partial` folder, whatever its age) and temporary copies are removed at once:
 * they may hold the records in plain text. No backup runs meanwhile. The passphrase itself is
 * never written anywhere (not in the audit log either).
 *
 * Originals are encrypted too ("sealed", sealOriginals.ts): the first encryption makes a random data
 * key, kept inside the encrypted catalogue and written into every backup's copy, and seals every
 * original of the managed folder and of every backup with it. A change of passphrase re-encrypts
 * the catalogue files only: the key inside them stays the same.
 */
export interface PassphraseChange {
  current?: string;
  next: string;
  moveExportsTo?: string;
  removeExports?: true;
}

const results = new WeakMap<Job, EncryptionResult>();

/**
 * Starts the change as a job and answers at once with its id. What can be refused is refused here,
 * before anything changes: a wrong or unchanged passphrase, other jobs running, readable exports
 * the caller said nothing about or would move into the data folder. The job can be cancelled until
 * the catalogue's key changes; from then on it finishes (`cancellable` false), since stopping would
 * leave originals readable beside an encrypted catalogue.
 */
export function startPassphraseChange(ctx: ServiceContext, input: PassphraseChange, log: (m: string) => void = (m) => console.error(m)): { jobId: string } {
  const { catalogue } = ctx;
  refuseWhileJobsRun(ctx);
  const wasEncrypted = catalogue.encrypted;
  if (wasEncrypted && (!input.current || !catalogue.hasPassphrase(input.current))) {
    throw new ApiError('passphrase.wrong', {}, { current: fieldError('field.passphraseWrong') });
  }
  if (wasEncrypted && catalogue.hasPassphrase(input.next)) {
    throw new ApiError('passphrase.unchanged', {}, { next: fieldError('field.passphraseUnchanged') });
  }
  const disposal: ExportsDisposal = input.moveExportsTo !== undefined ? { moveTo: input.moveExportsTo } : input.removeExports ? { remove: true } : null;
  const found = checkExportsDisposal(ctx, disposal);

  const job = ctx.jobs.create('encrypt', nowOf(ctx));
  job.status.cancellable = true;
  job.setPhase('preparing');
  withBackupsHeld(ctx, (backup) => changePassphraseHeld(ctx, { input, wasEncrypted, disposal, found }, backup, job)).then(
    (result) => {
      results.set(job, result);
      job.setPhase(null);
      job.finish('done', nowOf(ctx));
    },
    (err: unknown) => job.endOn(err, nowOf(ctx), log),
  );
  return { jobId: job.status.id };
}

/** What a finished encryption job did; null while it runs, or when it was cancelled or failed. */
export function passphraseChangeResult(ctx: ServiceContext, jobId: string): EncryptionResult | null {
  return results.get(ctx.jobs.get(jobId)) ?? null;
}

interface ChangePlan {
  input: PassphraseChange;
  wasEncrypted: boolean;
  disposal: ExportsDisposal;
  found: ReadableDeliverables;
}

async function changePassphraseHeld(
  ctx: ServiceContext,
  { input, wasEncrypted, disposal, found }: ChangePlan,
  backupNow: (reason: 'pre-encrypt', note: string) => Promise<{ id: string }>,
  job: Job,
): Promise<EncryptionResult> {
  const { catalogue } = ctx;
  const stopIfCancelled = () => {
    if (job.cancelled) throw new Cancelled();
  };
  // Let the call that started the job answer first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  stopIfCancelled();
  // Readable exports are dealt with first, as the user said: a failed move leaves the catalogue as it was.
  const exports = disposeExports(ctx, found, disposal);
  job.setPhase('backupBeforeEncrypt');
  const oldKey = catalogue.keyForCopies();
  const safety = await backupNow('pre-encrypt', wasEncrypted ? 'Trước khi đổi mật khẩu' : 'Trước khi mã hóa danh mục');
  stopIfCancelled();

  // The point of no return: from here the job finishes, whatever the user asks.
  job.status.cancellable = false;
  job.setPhase('encryptingCatalogue');
  const backups = listBackups(catalogue.backupDir).filter((b) => fs.existsSync(path.join(b.path, CATALOGUE_COPY)));
  job.setTotal(backups.length + 1, false);
  catalogue.changePassphrase(input.next);
  job.status.processed = 1;
  const originalsKey = { [ORIGINALS_KEY_SETTING]: catalogue.ensureOriginalsKey().toString('hex') };

  const problems: string[] = [];
  let rekeyed = 0;
  const rekeyedIds: Array<{ id: string; catalogueSha256: string }> = [];
  for (const backup of backups) {
    const file = path.join(backup.path, CATALOGUE_COPY);
    try {
      rekeyCopy(file, backup.encrypted ? oldKey : null, input.next, originalsKey);
      const updated = { ...backup, encrypted: true, catalogueSha256: sha256FileSync(file), catalogueBytes: fs.statSync(file).size };
      writeManifest(backup.path, updated);
      rekeyedIds.push({ id: backup.id, catalogueSha256: updated.catalogueSha256 });
      rekeyed++;
    } catch (err) {
      problems.push(`${backup.id}: ${err instanceof ApiError ? err.message : String(err)}`);
    }
    job.status.processed++;
    // Each copy is a whole catalogue re-encrypted: let progress polls through between them.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const removed = [...removeUnfinished(catalogue.backupDir, 0), ...removeTemporaryCopies(catalogue.backupDir)];
  let sealing: SealingResult | null = null;
  if (!catalogue.originalsSealed) {
    job.setPhase('sealingOriginals');
    sealing = await sealAllOriginals(ctx, (done, total) => {
      job.setTotal(total, false);
      job.status.processed = done;
    });
  }
  problems.push(...(sealing?.problems ?? []));
  catalogue.transaction(() => {
    audit(ctx, wasEncrypted ? 'catalogue.rekey' : 'catalogue.encrypt', 'catalogue', null, { encrypted: wasEncrypted }, {
      encrypted: true,
      cipher: catalogue.cipher,
      safetyBackupId: safety.id,
      leftoversRemoved: removed.length + exports.leftovers.length,
      ...(exports.moved.length > 0 ? { exportsMoved: exports.moved } : {}),
      ...(exports.removed.length > 0 ? { exportsRemoved: exports.removed } : {}),
      ...(sealing ? { originalsSealed: sealing.sealed, originalsAlreadySealed: sealing.alreadySealed } : {}),
    });
    for (const r of rekeyedIds) audit(ctx, 'backup.rekey', 'backup', null, undefined, r);
  });
  return {
    encrypted: true,
    backupsRekeyed: rekeyed,
    backupProblems: problems,
    safetyBackupId: safety.id,
    originalsSealed: sealing?.sealed ?? 0,
    exportsMoved: [...exports.moved.map((m) => m.to), ...exports.quarantinesMoved.map((q) => q.to)],
    exportsRemoved: exports.removed,
  };
}
