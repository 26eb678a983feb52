import { coded } from '../../../shared/contract/errors';
import fs from 'node:fs';
import path from 'node:path';

/** A file found under the import's sources, or a source or folder that could not be read. */
/** A path found, or one that cannot be imported with why (`coded`: Vietnamese and a code). */
export type WalkEntry = { path: string; error?: undefined } | { path: string; error: ReturnType<typeof coded> };

/**
 * Files an operating system or an office suite leaves in folders, never documents: skipped inside
 * folders (a file named explicitly is always taken).
 */
const SYSTEM_JUNK = /^(?:\.ds_store|thumbs\.db|desktop\.ini)$|^~\$|^\._/i;

/**
 * Every file under the given paths, folders walked recursively in name order. Symbolic links are
 * never followed (one may point outside the chosen folder, at a system file, or back up into a
 * loop) and anything that is not a regular file (a named pipe would block the reader for ever, a
 * device never ends) is never opened: both are reported as entries with an error, so the run's
 * report names them instead of leaving them out silently. A generator: it holds one folder
 * listing per level of depth, never the whole tree, so a walk over tens of thousands of files
 * keeps memory flat.
 */
export function* walkFiles(roots: readonly string[]): Generator<WalkEntry> {
  for (const root of roots) {
    const absolute = path.resolve(root);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(absolute);
    } catch {
      yield { path: absolute, error: coded('import.pathMissing', { path: absolute }) };
      continue;
    }
    if (stat.isFile()) yield { path: absolute };
    else if (stat.isDirectory()) yield* walkFolder(absolute);
    else yield { path: absolute, error: notAFile(absolute, stat.isSymbolicLink()) };
  }
}

function notAFile(full: string, symlink: boolean): ReturnType<typeof coded> {
  return symlink ? coded('import.symlinkSkipped', { path: full }) : coded('import.notRegularFile', { path: full });
}

function* walkFolder(folder: string): Generator<WalkEntry> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    yield { path: folder, error: coded('import.folderUnreadable', { path: folder, detail: (err as NodeJS.ErrnoException).code ?? String(err) }) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walkFolder(full);
    else if (SYSTEM_JUNK.test(entry.name)) continue;
    else if (entry.isFile()) yield { path: full };
    else yield { path: full, error: notAFile(full, entry.isSymbolicLink()) };
  }
}

/** True when at least one of the paths exists. */
export function anyExists(paths: readonly string[]): boolean {
  return paths.some((p) => fs.existsSync(p));
}
