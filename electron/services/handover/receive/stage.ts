/**
 * Brings a verified package's bytes into the catalogue's folder before any record is written: the
 * originals into the content-addressed originals store (`ab/abcd….ext`, the importer's layout),
 * the full texts into a staging file. Each byte is hashed again on the way in and must match the
 * manifest, so a package changed after it was verified is caught here, before the catalogue
 * changes. A file the store already holds is left as it is. In an encrypted catalogue both are
 * written sealed (OriginalFiles).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../../shared/contract/errors';
import type { BagSource } from '../bag/bagSource';
import { CHUNK, HashingStream } from '../bag/bagWriter';
import { makeDirs } from '../../../data/makeDirs';
import { type OriginalFiles, SealTransform } from '../../../data/originals/originalFiles';

/** Where an original with this hash lives in the store (relative), and its extension. */
export function storeRelativePath(sha256: string, fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  const safeExt = /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
  return path.join(sha256.slice(0, 2), `${sha256}${safeExt}`);
}

function mismatch(bagPath: string, expected: string, actual: string): ApiError {
  console.error(`[kholuu] ${bagPath} changed after verification: expected ${expected}, got ${actual}`);
  return new ApiError('package.changedAfterVerification', { path: bagPath });
}

/**
 * Copies one file of the bag to `target` (temporary name, then renamed), checking its hash.
 * Returns false when `target` already held exactly these bytes' size (content-addressed: the same
 * name means the same bytes).
 */
export async function stageFile(
  source: BagSource,
  bagPath: string,
  expectedSha256: string,
  target: string,
  files: OriginalFiles,
  onBytes?: (n: number) => void,
): Promise<boolean> {
  const size = source.files.get(bagPath)?.size;
  if (size !== undefined && fs.existsSync(target) && fs.statSync(target).size === files.storedSize(size) && files.stateOf(target) === (files.sealing ? 'sealed' : 'plain')) {
    // Still read it from the package: the package's bytes must be what the manifest says.
    const check = new HashingStream(onBytes);
    await pipeline(await source.open(bagPath), check, new Writable({ write: (_c, _e, cb) => cb() }));
    const actual = check.digest();
    if (actual !== expectedSha256) throw mismatch(bagPath, expectedSha256, actual);
    return false;
  }
  makeDirs(path.dirname(target));
  const temp = `${target}.${process.pid}.receiving`;
  const hasher = new HashingStream(onBytes);
  try {
    const write = fs.createWriteStream(temp, { highWaterMark: CHUNK });
    // Sealed on the way in when the catalogue is encrypted (hashed before: the SHA-256 is the plaintext's).
    if (files.key) await pipeline(await source.open(bagPath), hasher, new SealTransform(files.key), write);
    else await pipeline(await source.open(bagPath), hasher, write);
    const actual = hasher.digest();
    if (actual !== expectedSha256) throw mismatch(bagPath, expectedSha256, actual);
    // Flushed to disk in batches by the caller (before the records that name it are committed).
    fs.renameSync(temp, target);
    return true;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** SHA-256 of a file in the bag, read to the end (for the catalogue, read again before use). */
export async function readVerified(source: BagSource, bagPath: string, expectedSha256: string, maxBytes: number): Promise<string> {
  const text = await source.readText(bagPath, maxBytes);
  if (text === null) throw new ApiError('package.entryUnreadable', { path: bagPath });
  const actual = createHash('sha256').update(text, 'utf8').digest('hex');
  if (actual !== expectedSha256) throw mismatch(bagPath, expectedSha256, actual);
  return text;
}
