import fs from 'node:fs';
import path from 'node:path';
import { ApiError, fieldError } from '../../../shared/contract/errors';
import type { EncryptionResult, EncryptionStatus } from '../../../shared/contract/types/safety';
import { CATALOGUE_COPY, listBackups, removeTemporaryCopies, removeUnfinished, writeManifest } from '../../data/backups/backupFolder';
import { rekeyCopy, sha256FileSync } from '../../data/snapshot';
import { type ServiceContext, audit } from '../context';
import { withBackupsHeld } from './backups/backupNow';
import { refuseWhileJobsRun } from './backups/restoreBackup';
import { sealAllOriginals } from './sealOriginals';
import { ORIGINALS_KEY_SETTING } from '../../data/catalogue';
import { type ExportsDisposal, checkExportsDisposal, disposeExports } from './readableExports';

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

export async function changePassphrase(ctx: ServiceContext, input: PassphraseChange): Promise<EncryptionResult> {
  return withBackupsHeld(ctx, (backup) => changePassphraseHeld(ctx, input, backup));
}

async function changePassphraseHeld(
  ctx: ServiceContext,
  input: PassphraseChange,
  backupNow: (reason: 'pre-encrypt', note: string) => Promise<{ id: string }>,
): Promise<EncryptionResult> {
  const { catalogue } = ctx;
  refuseWhileJobsRun(ctx);
  const wasEncrypted = catalogue.encrypted;
  if (wasEncrypted && (!input.current || !catalogue.hasPassphrase(input.current))) {
    throw new ApiError('passphrase.wrong', {}, { current: fieldError('field.passphraseWrong') });
  }
  if (wasEncrypted && catalogue.hasPassphrase(input.next)) {
    throw new ApiError('passphrase.unchanged', {}, { next: fieldError('field.passphraseUnchanged') });
  }
  // Readable exports are dealt with first, as the user said: a refusal or a failed move leaves
  // the catalogue as it was.
  const disposal: ExportsDisposal = input.moveExportsTo !== undefined ? { moveTo: input.moveExportsTo } : input.removeExports ? { remove: true } : null;
  const exports = disposeExports(ctx, checkExportsDisposal(ctx, disposal), disposal);
  const oldKey = catalogue.keyForCopies();
  const safety = await backupNow('pre-encrypt', wasEncrypted ? 'Trước khi đổi mật khẩu' : 'Trước khi mã hóa danh mục');
  catalogue.changePassphrase(input.next);
  const originalsKey = { [ORIGINALS_KEY_SETTING]: catalogue.ensureOriginalsKey().toString('hex') };

  const problems: string[] = [];
  let rekeyed = 0;
  const rekeyedIds: Array<{ id: string; catalogueSha256: string }> = [];
  for (const backup of listBackups(catalogue.backupDir)) {
    const file = path.join(backup.path, CATALOGUE_COPY);
    if (!fs.existsSync(file)) continue;
    try {
      rekeyCopy(file, backup.encrypted ? oldKey : null, input.next, originalsKey);
      const updated = { ...backup, encrypted: true, catalogueSha256: sha256FileSync(file), catalogueBytes: fs.statSync(file).size };
      writeManifest(backup.path, updated);
      rekeyedIds.push({ id: backup.id, catalogueSha256: updated.catalogueSha256 });
      rekeyed++;
    } catch (err) {
      problems.push(`${backup.id}: ${err instanceof ApiError ? err.message : String(err)}`);
    }
  }
  const removed = [...removeUnfinished(catalogue.backupDir, 0), ...removeTemporaryCopies(catalogue.backupDir)];
  const sealing = catalogue.originalsSealed ? null : await sealAllOriginals(ctx);
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
