/**
 * How a large upload is cut into the parts of one import run (pure: tested in plain Node). Parts
 * are small so that the import starts on the first while the next are read and sent.
 */

/** One request carries at most this many files (the contract takes 1,000)… */
export const MAX_FILES_PER_PART = 250;
/** …and this many bytes before base64 (the browser host takes 160 MB a request; one original may be 50 MB). */
export const MAX_BYTES_PER_PART = 24 * 1024 * 1024;

/** Consecutive parts of files within both limits (a single file larger than the byte limit goes alone). */
export function splitUploads<T>(files: T[], sizeOf: (f: T) => number, maxFiles = MAX_FILES_PER_PART, maxBytes = MAX_BYTES_PER_PART): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = sizeOf(f);
    if (current.length > 0 && (current.length >= maxFiles || bytes + size > maxBytes)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

