import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract/errors';

/**
 * Creating a folder and its missing parents. Node's own `mkdir(…, { recursive: true })` (sync and
 * async, Node 20) never returns for a path under a pseudo file system that refuses new entries
 * with ENOENT (`/proc/nonexistent/x`): it creates the parent, retries the child, gets ENOENT again
 * and loops at full CPU, so one bad output path stopped the whole host. Here each missing folder is
 * made once, top down, and the first refusal is thrown as it is.
 */

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/** The folders of `dir` that do not exist yet, outermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      fs.statSync(current);
      // It exists (a file where a folder is wanted fails at mkdir below with ENOTDIR/EEXIST).
      break;
    } catch (err) {
      if (errno(err) !== 'ENOENT') throw err;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing.reverse();
}

function existsAsFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Like `mkdir -p`: makes `dir` and any missing parent (with `mode`, e.g. 0o700 for a private
 * folder); an existing folder is fine. Throws the first refusal.
 */
export function makeDirs(dir: string, mode?: number): void {
  for (const folder of missingFolders(dir)) {
    try {
      fs.mkdirSync(folder, mode === undefined ? undefined : { mode });
    } catch (err) {
      // Another process may have made it in between.
      if (errno(err) === 'EEXIST' && existsAsFolder(folder)) continue;
      throw err;
    }
  }
  if (!existsAsFolder(dir)) {
    const err = new Error(`ENOTDIR: not a directory, mkdir '${dir}'`) as NodeJS.ErrnoException;
    err.code = 'ENOTDIR';
    throw err;
  }
}

/** `makeDirs` for a folder the user chose (an output path): a refusal becomes a clear message. */
export function makeChosenDirs(dir: string): void {
  try {
    makeDirs(dir);
  } catch (err) {
    const code = errno(err) ?? 'error';
    throw new ApiError('folder.cannotCreate', { path: dir, reason: code });
  }
}
