import fs from 'node:fs';
import path from 'node:path';

/**
 * Managed originals: each file is stored once under its SHA-256 (`ab/abcd….ext`), written to a
 * temporary name, flushed and renamed, so a crash never leaves a half-written original under
 * its final name.
 */
export function storeOriginal(originalsDir: string, sha256: string, extension: string, bytes: Uint8Array): string {
  const ext = /^\.[a-z0-9]{1,10}$/i.test(extension) ? extension.toLowerCase() : '';
  const relative = path.join(sha256.slice(0, 2), `${sha256}${ext}`);
  const target = path.join(originalsDir, relative);
  if (fs.existsSync(target) && fs.statSync(target).size === bytes.byteLength) return relative;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  return relative;
}

const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
};

export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
