/**
 * Exports, packages and forms made before the catalogue was encrypted lie readable in its exports
 * folder (`x.exports/`): deliverables the user may not have handed on yet, so encrypting never
 * deletes them on its own. It refuses, naming them, until the user says where to move them (a
 * folder outside the data folder) or confirms they may be removed. A quarantine folder of a
 * destruction decision placed inside the data folder holds originals as imported: it is named
 * too, and only moved (Kho Lưu never deletes quarantined originals), with the decision and its
 * originals recording the new place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, fieldError } from '../../../shared/contract/errors';
import { RECEIPT_FORMAT } from '../../../shared/handover/receipt';
import { fsyncFolder, fsyncPath } from '../../data/fsync';
import { makeChosenDirs } from '../../data/makeDirs';
import { type ServiceContext, audit } from '../context';
import { exportsDirFor } from '../handover/exports/write';
import { insideDataFolder } from './dataFolder';
import { processRunning } from './processes';

/** A destruction decision's quarantine folder lying inside the data folder. */
interface QuarantineInside {
  decisionId: number;
  path: string;
}

export interface ReadableDeliverables {
  folder: string;
  /** Entries of the exports folder. */
  names: string[];
  quarantines: QuarantineInside[];
}

/** What to do with readable exports when encrypting. */
export type ExportsDisposal = { moveTo: string } | { remove: true } | null;

export interface ExportsOutcome {
  folder: string;
  /** Entries moved (with where they went) or removed; empty when the folder held none. */
  moved: Array<{ name: string; to: string }>;
  removed: string[];
  /** Quarantine folders moved out of the data folder. */
  quarantinesMoved: Array<{ decisionId: number; from: string; to: string }>;
  /** Leftovers of dead processes (half-written exports and packages), removed without asking. */
  leftovers: string[];
}

/** A writer's temporary name: `x.<pid>.tmp`, `x.partial-<pid>` (a package being built). */
const LEFTOVER = /(?:\.(\d+)\.tmp|\.partial-(\d+)(?:-replaced)?)$/;

/**
 * A receipt this catalogue wrote for a package it received: batch code, digest and counts, no
 * record of the catalogue. It stays: the sender may still ask for it.
 */
function isReceipt(file: string): boolean {
  if (!/^bien-nhan-.*\.json$/.test(path.basename(file))) return false;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 64 * 1024) return false;
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown }).format === RECEIPT_FORMAT;
  } catch {
    return false;
  }
}

function entriesOf(folder: string): string[] {
  try {
    return fs.readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/**
 * The readable deliverables in the data folder: the entries of the exports folder (receipts and
 * leftovers aside), and the quarantine folders placed inside it.
 */
export function readableDeliverables(ctx: ServiceContext): ReadableDeliverables {
  const folder = exportsDirFor(ctx.catalogue.path);
  const names = entriesOf(folder).filter((n) => !LEFTOVER.test(n) && !isReceipt(path.join(folder, n)));
  const quarantines = ctx.catalogue.repos.destruction
    .list()
    .filter((d) => d.quarantinePath !== null && fs.existsSync(d.quarantinePath) && insideDataFolder(ctx, d.quarantinePath))
    .map((d) => ({ decisionId: d.id, path: d.quarantinePath! }));
  return { folder, names, quarantines };
}

function freeName(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  let target = path.join(dir, name);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${stem}-${n}${ext}`);
  return target;
}

function flushTree(p: string): void {
  const st = fs.lstatSync(p);
  if (st.isDirectory()) {
    for (const n of fs.readdirSync(p)) flushTree(path.join(p, n));
    fsyncFolder(p);
  } else if (st.isFile()) fsyncPath(p);
}

/**
 * Moves one entry: renamed when on the same disk, else copied under a temporary name, flushed,
 * renamed into place, and only then removed from the exports folder — a crash leaves it in at
 * least one of the two places.
 */
function moveEntry(source: string, target: string): void {
  try {
    fs.renameSync(source, target);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
  }
  const temp = `${target}.${process.pid}.tmp`;
  fs.cpSync(source, temp, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
  flushTree(temp);
  fs.renameSync(temp, target);
  fsyncFolder(path.dirname(target));
  fs.rmSync(source, { recursive: true, force: true });
}

/**
 * Checks the exports folder before anything is encrypted: refuses (nothing changed) when it holds
 * deliverables and the caller said nothing about them, or named a destination inside the data
 * folder. Returns what to do, to be done by `disposeExports`.
 */
export function checkExportsDisposal(ctx: ServiceContext, disposal: ExportsDisposal): ReadableDeliverables {
  const found = readableDeliverables(ctx);
  const all = [...found.names, ...found.quarantines.map((q) => q.path)];
  if (all.length === 0) return found;
  if (disposal === null) {
    throw new ApiError('passphrase.exportsInDataFolder', { folder: found.folder, count: all.length, names: all.slice(0, 5) });
  }
  if (!('moveTo' in disposal) && found.quarantines.length > 0) {
    throw new ApiError('passphrase.quarantineInDataFolder', { paths: found.quarantines.map((q) => q.path) }, { removeExports: fieldError('field.folderNotAllowed') });
  }
  if ('moveTo' in disposal) {
    if (!path.isAbsolute(disposal.moveTo) || insideDataFolder(ctx, disposal.moveTo)) {
      throw new ApiError('passphrase.exportsMoveTarget', { path: disposal.moveTo }, { moveExportsTo: fieldError('field.folderNotAllowed') });
    }
  }
  return found;
}

/** Moves or removes the deliverables `checkExportsDisposal` found, and sweeps dead writers' leftovers. */
export function disposeExports(ctx: ServiceContext, found: ReadableDeliverables, disposal: ExportsDisposal): ExportsOutcome {
  const outcome: ExportsOutcome = { folder: found.folder, moved: [], removed: [], quarantinesMoved: [], leftovers: [] };
  for (const name of entriesOf(found.folder)) {
    const m = LEFTOVER.exec(name);
    if (m && !processRunning(Number(m[1] ?? m[2]))) {
      fs.rmSync(path.join(found.folder, name), { recursive: true, force: true });
      outcome.leftovers.push(name);
    }
  }
  if ((found.names.length === 0 && found.quarantines.length === 0) || disposal === null) return outcome;
  if ('moveTo' in disposal) {
    const dir = path.resolve(disposal.moveTo);
    makeChosenDirs(dir);
    const move = (source: string, name: string): string => {
      const target = freeName(dir, name);
      try {
        moveEntry(source, target);
      } catch (err) {
        throw new ApiError('passphrase.exportsMoveFailed', { path: dir, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
      }
      return target;
    };
    for (const name of found.names) outcome.moved.push({ name, to: move(path.join(found.folder, name), name) });
    for (const q of found.quarantines) {
      const to = move(q.path, path.basename(q.path));
      // Recorded at once: the decision must name where its originals are, whatever comes next.
      ctx.catalogue.transaction(() => {
        ctx.catalogue.repos.destruction.relocateQuarantine(q.decisionId, q.path, to);
        audit(ctx, 'destruction.moveOriginals', 'destruction_decision', q.decisionId, { quarantinePath: q.path }, { quarantinePath: to, relocatedBeforeEncryption: true });
      });
      outcome.quarantinesMoved.push({ decisionId: q.decisionId, from: q.path, to });
    }
  } else {
    for (const name of found.names) {
      fs.rmSync(path.join(found.folder, name), { recursive: true, force: true });
      outcome.removed.push(name);
    }
  }
  return outcome;
}
