import fs from 'node:fs';
import path from 'node:path';
import { CATALOGUE_COPY, ORIGINALS_COPY, listBackups, writeManifest } from '../../data/backups/backupFolder';
import { ORIGINALS_KEY_SETTING } from '../../data/catalogue';
import { fsyncFolderAsync } from '../../data/fsync';
import type { OriginalFiles } from '../../data/originals/originalFiles';
import { putSettingsInCopy, settingInCopy, sha256FileSync } from '../../data/snapshot';
import { type ServiceContext, audit } from '../context';
import { processRunning } from './processes';

export interface SealingResult {
  /** Files sealed now, counted where they lie (the managed folder and each backup's copy, linked or not). */
  sealed: number;
  /** Files found sealed already (an interrupted run's work, or originals written sealed). */
  alreadySealed: number;
  /** Backup copies that were given the originals' key. */
  backupsKeyed: number;
  problems: string[];
}

/** Originals sealed at once. */
const PARALLEL_SEALS = 8;

/** A temporary file a writer names with its pid (import, receive, backup copy, sealing). */
const TEMPORARY = /\.(\d+)(?:\.[a-z0-9]+)?\.(?:tmp|receiving)$/;

function regularFilesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      // Symbolic links are never followed: the folders hold files the catalogue wrote.
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(root);
  return out;
}

/**
 * Seals one folder of originals in place. Files shared by hard links (a backup's originals linked
 * from the previous backup's) are sealed once and the sealed file linked in their place, so backups
 * keep sharing one copy. Temporary files of dead processes (half-written copies, possibly plain)
 * are removed; those of live processes are left to their writer.
 */
/** A plain file shared by hard links, already sealed at `sealed`: `remaining` links to it are still plain. */
interface SealedTwin {
  sealed: string;
  remaining: number;
}

/** Told after each file of the folders being sealed: files done and files in all (known from the start). */
export type SealingProgress = (done: number, total: number) => void;

interface FolderWork {
  root: string;
  queue: string[];
}

async function sealFolder(files: OriginalFiles, { root, queue }: FolderWork, linked: Map<string, SealedTwin>, result: SealingResult, fileDone: () => void): Promise<void> {
  const folders = new Set<string>();
  const sealOne = async (file: string): Promise<void> => {
    const temp = TEMPORARY.exec(path.basename(file));
    if (temp) {
      if (!processRunning(Number(temp[1]))) fs.rmSync(file, { force: true });
      return;
    }
    try {
      const st = fs.statSync(file);
      const inode = `${st.dev}:${st.ino}`;
      // The plain inode stays alive while a link to it is left, so its number cannot be reused meanwhile;
      // the entry goes once its last link is replaced. Twins are the same original (the same name).
      const twin = linked.get(inode);
      if (twin && path.basename(twin.sealed) === path.basename(file) && files.stateOf(file) === 'plain') {
        if (--twin.remaining <= 0) linked.delete(inode);
        const tmp = `${file}.${process.pid}.seal.tmp`;
        try {
          fs.linkSync(twin.sealed, tmp);
          fs.renameSync(tmp, file);
          result.sealed++;
          folders.add(path.dirname(file));
          return;
        } catch {
          fs.rmSync(tmp, { force: true });
          // No link possible here: sealed on its own below.
        }
      }
      if (await files.sealInPlace(file)) {
        result.sealed++;
        folders.add(path.dirname(file));
        if (st.nlink > 1) linked.set(inode, { sealed: file, remaining: st.nlink - 1 });
      } else {
        result.alreadySealed++;
      }
    } catch (err) {
      result.problems.push(`${path.relative(root, file)}: ${String((err as Error).message ?? err)}`);
    }
  };
  // A few files at once: each waits on its flush to disk, which the file system groups into few
  // journal commits (as backups copy originals). Files of one folder are distinct originals.
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      await sealOne(queue[next++]!);
      fileDone();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SEALS }, worker));
  await Promise.all([...folders].map((f) => fsyncFolderAsync(f)));
}

/**
 * Seals every original under the data folder with the catalogue's originals key: the managed
 * folder, and the originals of every backup (finished or not). Each backup's catalogue copy is
 * first given the key (a copy made before the catalogue was encrypted lacks it), so a backup
 * restored on its own — the archivist's defence when the data folder is lost — still opens its
 * originals. Safe to run again at any point: sealed files are skipped, and the catalogue is marked
 * sealed only when nothing failed; until then each opening of the catalogue resumes the work.
 */
export async function sealAllOriginals(ctx: ServiceContext, progress: SealingProgress = () => {}): Promise<SealingResult> {
  const { catalogue } = ctx;
  const result: SealingResult = { sealed: 0, alreadySealed: 0, backupsKeyed: 0, problems: [] };
  const key = catalogue.ensureOriginalsKey();
  catalogue.markOriginalsSealed(false);
  const files = catalogue.originals;
  const passphrase = catalogue.keyForCopies()!;
  const keyHex = key.toString('hex');

  const keyed: Array<{ id: string; catalogueSha256: string }> = [];
  const backupDir = catalogue.backupDir;
  for (const backup of listBackups(backupDir)) {
    const copy = path.join(backup.path, CATALOGUE_COPY);
    if (!backup.encrypted || !fs.existsSync(copy) || settingInCopy(copy, passphrase, ORIGINALS_KEY_SETTING) === keyHex) continue;
    try {
      putSettingsInCopy(copy, passphrase, { [ORIGINALS_KEY_SETTING]: keyHex });
      const updated = { ...backup, catalogueSha256: sha256FileSync(copy), catalogueBytes: fs.statSync(copy).size };
      writeManifest(backup.path, updated);
      keyed.push({ id: backup.id, catalogueSha256: updated.catalogueSha256 });
    } catch (err) {
      result.problems.push(`${backup.id}: ${String((err as Error).message ?? err)}`);
    }
  }
  result.backupsKeyed = keyed.length;
  if (keyed.length > 0) catalogue.transaction(() => keyed.forEach((r) => audit(ctx, 'backup.rekey', 'backup', null, undefined, { ...r, originalsKey: true })));

  let backupFolders: string[] = [];
  try {
    backupFolders = fs.readdirSync(backupDir).map((n) => path.join(backupDir, n, ORIGINALS_COPY));
  } catch {
    backupFolders = [];
  }
  // Every folder is listed first, so progress counts against the whole work.
  const managed: FolderWork = { root: catalogue.originalsDir, queue: regularFilesUnder(catalogue.originalsDir) };
  const backups: FolderWork[] = backupFolders.filter((f) => fs.existsSync(f)).map((root) => ({ root, queue: regularFilesUnder(root) }));
  const total = [managed, ...backups].reduce((n, w) => n + w.queue.length, 0);
  let done = 0;
  const fileDone = () => progress(++done, total);
  progress(0, total);
  await sealFolder(files, managed, new Map(), result, fileDone);
  const linked = new Map<string, SealedTwin>();
  for (const work of backups) await sealFolder(files, work, linked, result, fileDone);
  if (result.problems.length === 0) catalogue.markOriginalsSealed(true);
  return result;
}

/**
 * At opening: an encrypted catalogue whose originals are not all sealed (an encryption
 * interrupted by a crash, or made by a build that left originals plain) finishes sealing them.
 */
export function originalsToSeal(ctx: ServiceContext): boolean {
  return ctx.catalogue.encrypted && !ctx.catalogue.originalsSealed;
}
