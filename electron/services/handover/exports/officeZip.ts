/**
 * Reading and packing the zip of an Office file (DOCX, XLSX) made by a library, to replace a part
 * of it. fflate unpacks it and lays out the zip; the parts are deflated by Node's zlib, several
 * times faster than fflate's JavaScript deflate on the megabytes of a large form's sheet.
 */
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import zlib from 'node:zlib';

export function officeParts(file: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(file);
}

/** The parts as a zip, in their order, each deflated. */
export function packOfficeParts(parts: Record<string, Uint8Array>): Buffer {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.push(chunk);
    if (final) finished = true;
  });
  for (const [filename, raw] of Object.entries(parts)) {
    const body = zlib.deflateRawSync(raw);
    const entry: ZipInputFile = { filename, size: raw.length, crc: zlib.crc32(raw), compression: 8 };
    zip.add(entry);
    entry.ondata!(null, new Uint8Array(body.buffer, body.byteOffset, body.length), true);
  }
  zip.end();
  // Every call above is synchronous: the zip is complete here, or failed.
  if (failure) throw failure;
  if (!finished) throw new Error('office zip: not finished');
  return Buffer.concat(out);
}
