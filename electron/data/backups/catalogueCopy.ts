import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo, BackupReason, CatalogueSummary } from '../../../shared/contract/types/safety';
import { summarize } from '../catalogueSummary';
import { AuditRepository } from '../repositories/audit';
import { openSnapshot, sha256FileSync, snapshotInto } from '../snapshot';
import { CATALOGUE_COPY, newBackupId, partialDir, publishBackup } from './backupFolder';
import { makeChosenDirs } from '../makeDirs';

export interface CatalogueCopy {
  id: string;
  /** The unfinished backup folder the copy was written into. */
  folder: string;
  file: string;
  bytes: number;
  sha256: string;
  summary: CatalogueSummary;
  /** Stored paths of the originals the copy refers to (read from the copy itself, so they match it exactly). */
  originals: Array<{ sha256: string; storedPath: string; size: number }>;
}

/**
 * Step one of every backup: a consistent copy of the catalogue into a new unfinished backup
 * folder, described from the copy itself (counts, last audit row, the originals it needs).
 */
export function copyCatalogue(db: Database, backupsDir: string, createdAt: string, reason: BackupReason, passphrase: string | null): CatalogueCopy {
  makeChosenDirs(backupsDir);
  // Made exclusively: another process backing up the same catalogue in the same millisecond (two
  // imports starting at once) takes the next name instead of writing into this folder.
  let id = newBackupId(backupsDir, createdAt, reason);
  let folder = partialDir(backupsDir, id);
  for (;;) {
    try {
      fs.mkdirSync(folder);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      id = newBackupId(backupsDir, createdAt, reason);
      folder = partialDir(backupsDir, id);
    }
  }
  const file = path.join(folder, CATALOGUE_COPY);
  snapshotInto(db, file);
  const copy = openSnapshot(file, passphrase);
  try {
    const summary = summarize(copy);
    const movedColumn = (copy.prepare('PRAGMA table_info(attachments)').all() as Array<{ name: string }>).some((c) => c.name === 'moved_out_at');
    const originals = copy
      .prepare(`SELECT sha256, stored_path AS storedPath, size FROM attachments ${movedColumn ? 'WHERE moved_out_at IS NULL' : ''} ORDER BY id`)
      .all() as CatalogueCopy['originals'];
    return { id, folder, file, bytes: fs.statSync(file).size, sha256: sha256FileSync(file), summary, originals };
  } finally {
    copy.close();
  }
}

/**
 * The backup taken when a catalogue is opened with migrations pending, before any of them runs:
 * the catalogue only (migrations never touch the originals, which stay in the managed folder).
 */
export function backupBeforeMigration(db: Database, backupsDir: string, createdAt: string, actor: string, passphrase: string | null, fromVersion: number, toVersion: number): BackupInfo {
  const copy = copyCatalogue(db, backupsDir, createdAt, 'pre-migration', passphrase);
  return publishBackup(backupsDir, copy.id, {
    id: copy.id,
    createdAt,
    reason: 'pre-migration',
    actor,
    note: `Trước khi nâng cấp lược đồ ${fromVersion} → ${toVersion}`,
    catalogueBytes: copy.bytes,
    catalogueSha256: copy.sha256,
    encrypted: passphrase !== null,
    summary: copy.summary,
    originals: { included: false, count: copy.originals.length, bytes: 0, copied: 0, linked: 0, problems: [] },
  });
}

export interface CopyInspection {
  integrity: string[];
  audit: { ok: boolean; checked: number; firstBrokenId: number | null };
  summary: CatalogueSummary;
  originals: Array<{ sha256: string; storedPath: string; size: number }>;
}

/** Opens a backup's catalogue copy read-only and checks it: SQLite's integrity check and the audit chain. */
export function inspectCopy(file: string, passphrase: string | null): CopyInspection {
  const copy = openSnapshot(file, passphrase);
  try {
    const integrity = (copy.prepare('PRAGMA integrity_check(20)').all() as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    const audit = new AuditRepository(copy).verify();
    const movedColumn = (copy.prepare('PRAGMA table_info(attachments)').all() as Array<{ name: string }>).some((c) => c.name === 'moved_out_at');
    const originals = copy
      .prepare(`SELECT sha256, stored_path AS storedPath, size FROM attachments ${movedColumn ? 'WHERE moved_out_at IS NULL' : ''} ORDER BY id`)
      .all() as CopyInspection['originals'];
    return { integrity, audit, summary: summarize(copy), originals };
  } finally {
    copy.close();
  }
}
