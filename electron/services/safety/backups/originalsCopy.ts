import fs from 'node:fs';
import path from 'node:path';
import { coded, type ErrorMessage } from '../../../../shared/contract/errors';
import type { BackupInfo } from '../../../../shared/contract/types/safety';
import { ORIGINALS_COPY } from '../../../data/backups/backupFolder';
import { fsyncPath, writeFlushedAsync } from '../../../data/fsync';
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

/** Longest stretch, in ms, the copy keeps the thread before letting other work in. */
const SLICE_MS = 10;

type Original = { sha256: string; storedPath: string; size: number };

/**
 * What the previous backup holds of an original: `sound` (its plaintext has the catalogue's size
 * and SHA-256: it may be linked), `damaged` (the size but not the SHA-256), `none` (missing, or
 * another size). Most originals are a few kilobytes, read whole here.
 */
async function previousCopy(files: OriginalFiles, file: string, o: Original): Promise<'sound' | 'damaged' | 'none'> {
  const held = files.readSmallSync(file);
  if (held === 'absent') return 'none';
  if (held) return held.plainSize !== o.size ? 'none' : held.sha256 === o.sha256 ? 'sound' : 'damaged';
  if (!fs.existsSync(file) || files.plainSize(file) !== o.size) return 'none';
  return (await files.hasSha256(file, o.sha256)) ? 'sound' : 'damaged';
}

/** Copies a managed original into the backup as stored, checked against its SHA-256: the problem, or null once it is there and flushed. */
async function copyChecked(files: OriginalFiles, source: string, target: string, o: Original): Promise<ReturnType<typeof coded> | null> {
  const small = files.readSmallSync(source);
  if (small === 'absent') return coded('backupOriginal.missing', { storedPath: o.storedPath });
  try {
    if (small) {
      if (small.sha256 !== o.sha256) return coded('backupOriginal.changed', { storedPath: o.storedPath });
      // Straight under its name: the backup folder is unfinished until it is published, after
      // every file and folder in it is flushed; a crash before that leaves it to be removed.
      try {
        await writeFlushedAsync(target, small.stored);
      } catch (err) {
        // A half-written copy must not pass for a damaged one when the backup is verified.
        fs.rmSync(target, { force: true });
        throw err;
      }
      return null;
    }
    if (!fs.existsSync(source)) return coded('backupOriginal.missing', { storedPath: o.storedPath });
    const copied = await files.copyVerified(source, target, o.sha256, 'stored');
    return copied.ok ? null : coded('backupOriginal.changed', { storedPath: o.storedPath });
  } catch (err) {
    return coded('backupOriginal.copyFailed', { storedPath: o.storedPath, detail: String(err) });
  }
}

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
  originals: ReadonlyArray<Original>,
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
  const unique = new Map<string, Original>();
  for (const o of originals) if (!unique.has(o.storedPath)) unique.set(o.storedPath, o);
  const dirs = new Set<string>();
  const copyOne = async (o: Original) => {
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
    if (fromPrevious) {
      const held = await previousCopy(files, fromPrevious, o);
      if (held === 'sound') {
        try {
          fs.linkSync(fromPrevious, target);
          result.linked++;
          result.bytes += o.size;
          return;
        } catch {
          // No hard links here: fall back to a verified copy.
        }
      } else if (held === 'damaged') {
        result.previousDamaged.push(o.storedPath);
      }
    }
    const failed = await copyChecked(files, source, target, o);
    if (failed) {
      problem(failed);
      return;
    }
    result.copied++;
    result.bytes += o.size;
  };
  const queue = [...unique.values()];
  let next = 0;
  let sliceStarted = performance.now();
  const worker = async () => {
    while (next < queue.length) {
      await copyOne(queue[next++]!);
      // Originals checked and linked here run without a pause: let other work on this thread in now and then.
      if (performance.now() - sliceStarted > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, worker));
  for (const d of dirs) fsyncPath(d);
  return result;
}
