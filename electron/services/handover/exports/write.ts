/** Where exports go, and writing one so that a half-written file never has the final name. */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/contract/errors';
import type { ExportResult } from '../../../../shared/contract/types/handover';
import type { RenderedExport } from './exporter';
import { makeDirs } from '../../../data/makeDirs';
import type { ServiceContext } from '../../context';
import { refuseReadableOutputInDataFolder } from '../../safety/dataFolder';

/** The exports folder beside a catalogue: `x.sqlite` → `x.exports/` (like `x.originals/`). */
export function exportsDirFor(cataloguePath: string): string {
  const dir = path.dirname(cataloguePath);
  const base = path.basename(cataloguePath).replace(/\.[^.]*$/, '');
  return path.join(dir, `${base}.exports`);
}

/**
 * Writes the export to `out` (a file, or an existing folder to put it in), else into the exports
 * folder; an existing file of the same name in the exports folder gets a numbered sibling. An
 * encrypted catalogue keeps no readable export in its data folder: without `out` the bytes are
 * only returned (a download), or the caller is asked where to save them.
 */
export function writeExport(ctx: ServiceContext, rendered: RenderedExport, out: string | undefined, download: boolean): ExportResult {
  let target: string;
  if (out !== undefined) {
    refuseReadableOutputInDataFolder(ctx, out);
    const resolved = path.resolve(out);
    target = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, rendered.fileName) : resolved;
  } else if (ctx.catalogue.encrypted) {
    if (!download) throw new ApiError('handover.outRequired');
    return { path: null, fileName: rendered.fileName, mediaType: rendered.mediaType, size: rendered.bytes.length, contentBase64: rendered.bytes.toString('base64') };
  } else {
    const dir = exportsDirFor(ctx.catalogue.path);
    target = path.join(dir, rendered.fileName);
    const ext = path.extname(rendered.fileName);
    for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${path.basename(rendered.fileName, ext)}-${n}${ext}`);
  }
  try {
    makeDirs(path.dirname(target));
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, rendered.bytes);
    fs.renameSync(temp, target);
  } catch (err) {
    console.error(`[kholuu] cannot write ${target}: ${String(err)}`);
    throw new ApiError('handover.writeFailed', { path: target });
  }
  return {
    path: target,
    fileName: path.basename(target),
    mediaType: rendered.mediaType,
    size: rendered.bytes.length,
    contentBase64: download ? rendered.bytes.toString('base64') : null,
  };
}
