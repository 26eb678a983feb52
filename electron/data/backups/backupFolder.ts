import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/contract/types/safety';
import { fsyncPath } from '../fsync';

/**
 * The layout of backups on disk. Each backup is one self-contained folder, so a user can copy a
 * single one to a USB stick and restore from it elsewhere:
 *
 *   <backups>/<id>/catalogue.sqlite   a consistent copy of the catalogue (encrypted if it is)
 *   <backups>/<id>/originals/ab/…     the managed originals it refers to (hard links to the
 *                                      previous backup's copy where possible)
 *   <backups>/<id>/manifest.json      what it is (BackupInfo without `path`)
 *
 * A backup is written under `<id>.partial` and renamed when complete, so a crash never leaves a
 * folder that looks finished but is not.
 */
export const CATALOGUE_COPY = 'catalogue.sqlite';
export const ORIGINALS_COPY = 'originals';
export const MANIFEST = 'manifest.json';
const PARTIAL = '.partial';

/** `x.sqlite` → `x.backups/` beside it. */
export function defaultBackupDirFor(cataloguePath: string): string {
  const dir = path.dirname(cataloguePath);
  const base = path.basename(cataloguePath).replace(/\.[^.]*$/, '');
  return path.join(dir, `${base}.backups`);
}

/** A sortable, filesystem-safe id: UTC time to the millisecond, then the reason. */
export function newBackupId(backupsDir: string, createdAt: string, reason: BackupReason): string {
  const stamp = createdAt.replace(/[-:]/g, '').replace('T', '-').replace(/\.(\d{3})\d*Z$/, '-$1').replace(/Z$/, '');
  let id = `${stamp}-${reason}`;
  for (let n = 2; fs.existsSync(path.join(backupsDir, id)) || fs.existsSync(path.join(backupsDir, id + PARTIAL)); n++) id = `${stamp}-${reason}-${n}`;
  return id;
}

const ID_RE = /^[0-9]{8}-[0-9]{6}(-[0-9]{3})?-[a-z-]+(-[0-9]+)?$/;

export function isBackupId(id: string): boolean {
  return ID_RE.test(id);
}

export function partialDir(backupsDir: string, id: string): string {
  return path.join(backupsDir, id + PARTIAL);
}

/** Writes the manifest (temp + fsync + rename), then publishes the folder under its final name. */
export function publishBackup(backupsDir: string, id: string, info: Omit<BackupInfo, 'path'>): BackupInfo {
  const partial = partialDir(backupsDir, id);
  writeManifest(partial, info);
  const final = path.join(backupsDir, id);
  fs.renameSync(partial, final);
  fsyncPath(backupsDir);
  return { ...info, path: final };
}

export function writeManifest(folder: string, info: Omit<BackupInfo, 'path'> | BackupInfo): void {
  const { path: _path, ...stored } = info as BackupInfo;
  const temp = path.join(folder, `${MANIFEST}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, `${JSON.stringify(stored, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, path.join(folder, MANIFEST));
}

/** One backup's manifest, or null when the folder is not a readable backup. */
export function readBackup(backupsDir: string, id: string): BackupInfo | null {
  if (!isBackupId(id)) return null;
  const folder = path.join(backupsDir, id);
  try {
    const info = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')) as Omit<BackupInfo, 'path'>;
    if (info.id !== id) return null;
    return { ...info, path: folder };
  } catch {
    return null;
  }
}

/** Finished backups, newest first. Unfinished (`.partial`) folders are not backups. */
export function listBackups(backupsDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir);
  } catch {
    return [];
  }
  return names
    .map((n) => readBackup(backupsDir, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * Leftovers of backups interrupted by a crash (never a finished backup). Only folders untouched
 * for `olderThanMs`, so a backup another process is writing right now is left alone — except when
 * encrypting (`olderThanMs` 0): an unfinished copy may hold the records in plain text.
 */
export function removeUnfinished(backupsDir: string, olderThanMs = 6 * 3600_000): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const n of names) {
    if (n.endsWith(PARTIAL) && isBackupId(n.slice(0, -PARTIAL.length))) {
      const age = Date.now() - fs.statSync(path.join(backupsDir, n)).mtimeMs;
      if (age < olderThanMs) continue;
      fs.rmSync(path.join(backupsDir, n), { recursive: true, force: true });
      removed.push(n);
    }
  }
  return removed;
}

/**
 * Temporary copies of a catalogue left beside a backup's copy by a process that was killed while
 * re-encrypting it (`catalogue.sqlite.<pid>….tmp`): they may hold the records under the old key or
 * none. Removed when encrypting; returns their paths.
 */
export function removeTemporaryCopies(backupsDir: string): string[] {
  const removed: string[] = [];
  for (const backup of listBackups(backupsDir)) {
    let names: string[];
    try {
      names = fs.readdirSync(backup.path);
    } catch {
      continue;
    }
    for (const n of names) {
      if (n.startsWith(`${CATALOGUE_COPY}.`) && n.endsWith('.tmp')) {
        fs.rmSync(path.join(backup.path, n), { force: true });
        removed.push(path.join(backup.path, n));
      }
    }
  }
  return removed;
}
