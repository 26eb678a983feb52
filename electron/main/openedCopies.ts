/**
 * Copies of originals handed to the system's program ("open in another program"). They are plain
 * files outside the data folder — for an encrypted catalogue the only readable copies of originals
 * there are — so they live in one folder that is the user's own, read-only, and are removed when the
 * app closes and, after a session that ended without closing, when it starts. A copy still open in
 * another program may refuse removal (Windows): it is left and removed at a later sweep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { makeDirs } from '../data/makeDirs';

/** What the system is, for the choices below; the running one unless a test says otherwise. */
export interface SystemFacts {
  platform: NodeJS.Platform;
  tmpdir: string;
  /** The user's id on POSIX systems (the shared /tmp needs a folder per user); null on Windows. */
  uid: number | null;
}

export function thisSystem(): SystemFacts {
  return { platform: process.platform, tmpdir: os.tmpdir(), uid: typeof process.getuid === 'function' ? process.getuid() : null };
}

/**
 * The folder for opened copies. Windows gives each user a temporary folder of their own; macOS and
 * Linux may share one (/tmp), so the folder's name carries the user's id there.
 */
export function openedCopiesFolder(system: SystemFacts = thisSystem()): string {
  const p = system.platform === 'win32' ? path.win32 : path.posix;
  return p.join(system.tmpdir, system.platform === 'win32' || system.uid === null ? 'kho-luu-ban-goc' : `kho-luu-ban-goc-${system.uid}`);
}

/** A name safe to write in a temporary folder on every system. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').replace(/^\.+/, '').trim();
  return (cleaned || 'ban-goc').slice(0, 150);
}

/** Makes the folder (owner only) or checks that the one there is a real folder of this user's. */
function ownFolder(folder: string, uid: number | null): void {
  makeDirs(folder, 0o700);
  const st = fs.lstatSync(folder);
  if (st.isSymbolicLink() || !st.isDirectory() || (uid !== null && st.uid !== uid)) throw new ApiError('shell.copyFolderUnsafe', { path: folder });
  if (uid !== null && (st.mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
}

/** Writes a read-only copy of an original for another program and returns its path. */
export function writeOpenedCopy(folder: string, original: { sha256: string; fileName: string }, bytes: Uint8Array, uid: number | null = thisSystem().uid): string {
  ownFolder(folder, uid);
  const file = path.join(folder, `${original.sha256.slice(0, 12)}-${safeFileName(original.fileName)}`);
  // Read-only, so that an edit in the other program cannot be taken for the original.
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  fs.writeFileSync(file, bytes, { mode: 0o400 });
  fs.chmodSync(file, 0o400);
  return file;
}

/** Removes the opened copies; those another program still holds are left and named. */
export function sweepOpenedCopies(folder: string): { removed: number; left: string[] } {
  let entries: fs.Dirent[];
  try {
    const st = fs.lstatSync(folder);
    if (st.isSymbolicLink() || !st.isDirectory()) return { removed: 0, left: [] };
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return { removed: 0, left: [] };
  }
  let removed = 0;
  const left: string[] = [];
  for (const e of entries) {
    const file = path.join(folder, e.name);
    try {
      // Read-only files cannot be deleted on Windows until they are writable again.
      if (e.isFile()) fs.chmodSync(file, 0o600);
      fs.rmSync(file, { force: true, recursive: e.isDirectory() });
      removed++;
    } catch {
      left.push(e.name);
    }
  }
  if (left.length === 0) fs.rmSync(folder, { recursive: true, force: true });
  return { removed, left };
}
