import fs from 'node:fs';
import path from 'node:path';
import { coded, type ErrorMessage } from '../../../../shared/contract/errors';
import type { BackupInfo } from '../../../../shared/contract/types/safety';
import { ORIGINALS_COPY } from '../../../data/backups/backupFolder';
import { fsyncPath } from '../../../data/fsync';
import { makeDirs } from '../../../data/makeDirs';
import type { OriginalFiles } from '../../../data/originals/originalFiles';

export interface OriginalsCopyResult {
  count: number;
  bytes: number;
  copied: number;
  linked: number;
  /** Vietnamese, for the command line and older readers of the manifest. */
  problems: string[];
  /** The same problems as codes with parameters (same order), for the interface's language. */
  problemTexts: ErrorMessage[];
  /** Originals found damaged in the previous backup (not linked: copied afresh), by stored path. */
  previousDamaged: string[];
}

/** A stored path from the catalogue, refused if it would lead outside the folder it names a file in. */
export function safeJoin(root: string, relative: string): string | null {
  const target = path.resolve(root, relative);
  return target.startsWith(path.resolve(root) + path.sep) ? target : null;
}

/** Copies in flight at once: flushing each copy to disk waits on the device, so a few overlap. */
const PARALLEL_COPIES = 8;

/**
 * Puts the originals a catalogue copy refers to into the backup folder. Originals are named by
 * their content and never change, so one already in the previous backup is hard-linked from there
 * (no second copy on disk) — but only once its bytes are checked against the catalogue's SHA-256
 * at that moment: a linked file is one file shared by every backup that links it, and linking a
 * damaged one would carry the damage into this backup too. A file that fails the check is copied
 * (verified) from the managed folder instead, and said so. Where the file system refuses links
 * (FAT, another disk), the file is copied. Files are copied as stored (sealed in an encrypted
 * catalogue) and checked against the SHA-256 of their plaintext.
 */
export async function copyOriginals(
  files: OriginalFiles,
  originals: ReadonlyArray<{ sha256: string; storedPath: string; size: number }>,
  originalsDir: string,
  backupFolder: string,
  previous: BackupInfo | null,
): Promise<OriginalsCopyResult> {
  const result: OriginalsCopyResult = { count: 0, bytes: 0, copied: 0, linked: 0, problems: [], problemTexts: [], previousDamaged: [] };
  const problem = (said: ReturnType<typeof coded>) => {
    result.problems.push(said.message);
    result.problemTexts.push(said.text);
  };
  const root = path.join(backupFolder, ORIGINALS_COPY);
  const previousRoot = previous?.originals.included ? path.join(previous.path, ORIGINALS_COPY) : null;
  const unique = new Map<string, { sha256: string; storedPath: string; size: number }>();
  for (const o of originals) if (!unique.has(o.storedPath)) unique.set(o.storedPath, o);
  const dirs = new Set<string>();
  const copyOne = async (o: { sha256: string; storedPath: string; size: number }) => {
    result.count++;
    const target = safeJoin(root, o.storedPath);
    const source = safeJoin(originalsDir, o.storedPath);
    if (!target || !source) {
      problem(coded('backupOriginal.badPath', { storedPath: o.storedPath }));
      return;
    }
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      makeDirs(dir);
      dirs.add(dir);
    }
    const fromPrevious = previousRoot ? safeJoin(previousRoot, o.storedPath) : null;
    if (fromPrevious && fs.existsSync(fromPrevious) && files.plainSize(fromPrevious) === o.size) {
      if (await files.hasSha256(fromPrevious, o.sha256)) {
        try {
          fs.linkSync(fromPrevious, target);
          result.linked++;
          result.bytes += o.size;
          return;
        } catch {
          // No hard links here: fall back to a verified copy.
        }
      } else {
        result.previousDamaged.push(o.storedPath);
      }
    }
    if (!fs.existsSync(source)) {
      problem(coded('backupOriginal.missing', { storedPath: o.storedPath }));
      return;
    }
    try {
      const copied = await files.copyVerified(source, target, o.sha256, 'stored');
      if (!copied.ok) {
        problem(coded('backupOriginal.changed', { storedPath: o.storedPath }));
        return;
      }
      result.copied++;
      result.bytes += o.size;
    } catch (err) {
      problem(coded('backupOriginal.copyFailed', { storedPath: o.storedPath, detail: String(err) }));
    }
  };
  const queue = [...unique.values()];
  let next = 0;
  const worker = async () => {
    while (next < queue.length) await copyOne(queue[next++]!);
  };
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, worker));
  for (const d of dirs) fsyncPath(d);
  return result;
}
