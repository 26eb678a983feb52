/**
 * The data folder: the folder holding the catalogue file, with its originals, backups, exports
 * and witness file beside it. In an encrypted catalogue nothing under it may be readable without
 * the passphrase, so what the product writes in plain text (exports, packages, quarantined
 * originals) must go somewhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { ServiceContext } from '../context';

/** The path with its existing part resolved through symbolic links (what the disk really holds). */
function realPathOf(p: string): string {
  let existing = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(p);
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

export function dataFolderOf(ctx: ServiceContext): string {
  return path.dirname(path.resolve(ctx.catalogue.path));
}

/** Whether `p` lies in the data folder (or is it), links resolved. */
export function insideDataFolder(ctx: ServiceContext, p: string): boolean {
  const child = realPathOf(p);
  const parent = realPathOf(dataFolderOf(ctx));
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/**
 * Where a readable export of an encrypted catalogue may go: anywhere the user chooses but the data
 * folder. A plain catalogue keeps its exports where it always did.
 */
export function refuseReadableOutputInDataFolder(ctx: ServiceContext, out: string): void {
  if (ctx.catalogue.encrypted && insideDataFolder(ctx, out)) throw new ApiError('handover.outInsideDataFolder', { path: path.resolve(out) });
}
