/**
 * Reads a bag from a folder or a zip without trusting it. Every name is checked before use: a
 * zip entry with an absolute path, a `..` segment, a symlink or a name given twice is reported and
 * never opened or written (backslashes, which old Windows zip tools write as separators, are read
 * as `/` first, so `a\..\..\x` is caught as `..`); an entry unpacking to a hundred times its
 * packed size (a zip bomb) is reported and never unpacked; in a folder, symlinks and anything
 * that is not a regular file (a named pipe) are reported and never followed or opened.
 * Nothing is extracted: files are read as streams straight from the folder or the zip, and hashed
 * all at once (`hashFiles`) in the order that reads them fastest.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ApiError } from '../../../../shared/contract/errors';
import { BAGIT_TXT } from '../../../../shared/handover/bagit';
import { unsafeBagPath, type UnsafePathReason } from '../../../../shared/handover/bagPaths';
import { CHUNK } from './bagWriter';
import { hashFolderFiles, hashStream, type HashOptions } from './bagHashing';
import { hashStoredEntries, openZipFile, type StoredEntry } from './zipReading';

export interface BagEntry {
  /** Relative to the bag's root, `/`-separated. */
  path: string;
  size: number;
}

export interface BagSource {
  kind: 'folder' | 'zip';
  location: string;
  /** Regular files of the bag (safe names only), by path. */
  files: Map<string, BagEntry>;
  /** Entries refused by name. */
  unsafe: Array<{ path: string; reason: UnsafePathReason }>;
  /** Symbolic links (never followed). */
  symlinks: string[];
  /** Names present more than once (zip). */
  duplicates: string[];
  /** Entries outside the bag's root folder (zip wrapping one bag folder). */
  outside: string[];
  /** Zip entries that would unpack to far more than they hold (zip bombs): never opened. */
  bombs: Array<{ path: string; size: number; packed: number }>;
  open(bagPath: string): Promise<Readable>;
  readText(bagPath: string, maxBytes: number): Promise<string | null>;
  /**
   * The SHA-256 of each of `paths` (files of this bag), null for one that cannot be read (a damaged
   * zip entry, a file gone): read in whatever order is fastest, a zip from its start to its end.
   */
  hashFiles(paths: Iterable<string>, opts?: HashOptions): Promise<Map<string, string | null>>;
  close(): Promise<void>;
}

/**
 * A zip entry unpacking to more than this many times its packed size, and to more than a megabyte,
 * is a zip bomb: documents, scans and catalogue files pack at most a few tens to one; a run of
 * zeros packs a thousand to one. Kho Lưu's own packages store originals without compression.
 */
const MAX_RATIO = 100;
const RATIO_FROM_BYTES = 1024 * 1024;

/** S_IFMT / S_IFLNK in the high 16 bits of a zip entry's external attributes (Unix hosts). */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

async function readAll(stream: Readable, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The bag's root inside a listing: the top when `bagit.txt` is there, else the one folder that
 * holds everything and has `bagit.txt` (a zip of a bag folder).
 */
function findRoot(names: string[]): string {
  if (names.includes(BAGIT_TXT)) return '';
  const tops = new Set(names.map((n) => n.split('/')[0]));
  for (const top of tops) if (names.includes(`${top}/${BAGIT_TXT}`)) return `${top}/`;
  return '';
}

/** A bag folder on disk. */
export async function openFolder(dir: string): Promise<BagSource> {
  const root = path.resolve(dir);
  const all: Array<{ path: string; size: number }> = [];
  const symlinks: string[] = [];
  // A folder's entries are looked at together (their sizes asked at once), then listed in name order.
  const walk = async (abs: string, rel: string): Promise<void> => {
    const entries = await fs.promises.readdir(abs, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        const childAbs = path.join(abs, entry.name);
        if (entry.isSymbolicLink()) symlinks.push(childRel);
        else if (entry.isDirectory()) await walk(childAbs, childRel);
        else if (entry.isFile()) all.push({ path: childRel, size: (await fs.promises.lstat(childAbs)).size });
        else symlinks.push(childRel);
      }),
    );
  };
  await walk(root, '');
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  symlinks.sort();
  const prefix = findRoot(all.map((f) => f.path));
  const files = new Map<string, BagEntry>();
  const outside: string[] = [];
  for (const f of all) {
    if (!f.path.startsWith(prefix)) outside.push(f.path);
    else files.set(f.path.slice(prefix.length), { path: f.path.slice(prefix.length), size: f.size });
  }
  const absolute = (bagPath: string) => {
    if (unsafeBagPath(bagPath) || !files.has(bagPath)) throw new Error(`Not a file of this bag: ${bagPath}`);
    return path.join(root, ...`${prefix}${bagPath}`.split('/'));
  };
  return {
    kind: 'folder',
    location: root,
    files,
    unsafe: [],
    symlinks: symlinks.map((s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
    duplicates: [],
    outside,
    bombs: [],
    open: async (bagPath) => fs.createReadStream(absolute(bagPath), { highWaterMark: CHUNK }),
    readText: async (bagPath, maxBytes) => (files.has(bagPath) ? readAll(fs.createReadStream(absolute(bagPath)), maxBytes) : null),
    hashFiles: (paths, opts) => hashFolderFiles([...paths].filter((p) => files.has(p)).map((p) => ({ key: p, file: absolute(p), size: files.get(p)!.size })), opts),
    close: async () => undefined,
  };
}

/** A bag in a zip file, read through its central directory (yauzl), names decoded and checked here. */
export async function openZip(file: string): Promise<BagSource> {
  let zip: yauzl.ZipFile;
  let reader: Awaited<ReturnType<typeof openZipFile>>['reader'];
  try {
    ({ zip, reader } = await openZipFile(file, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true, strictFileNames: false }));
  } catch (err) {
    throw new ApiError('package.zipUnreadable', { path: file });
  }
  const entries = new Map<string, yauzl.Entry>();
  const unsafe: BagSource['unsafe'] = [];
  const symlinks: string[] = [];
  const duplicates: string[] = [];
  const bombs: BagSource['bombs'] = [];
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer);
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
      if (name.endsWith('/')) {
        const reason = unsafeBagPath(name.slice(0, -1));
        if (reason) unsafe.push({ path: name, reason });
        continue;
      }
      const reason = unsafeBagPath(name) ?? (yauzl.validateFileName(name) ? 'parent' : null);
      if (reason) {
        unsafe.push({ path: name, reason });
        continue;
      }
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        symlinks.push(name);
        continue;
      }
      if (entries.has(name)) {
        duplicates.push(name);
        continue;
      }
      if (entry.compressionMethod !== 0 && entry.uncompressedSize > RATIO_FROM_BYTES && entry.uncompressedSize > MAX_RATIO * entry.compressedSize) {
        bombs.push({ path: name, size: entry.uncompressedSize, packed: entry.compressedSize });
        continue;
      }
      entries.set(name, entry);
      names.push(name);
    }
  } catch (err) {
    zip.close();
    reader.dispose();
    throw new ApiError('package.zipCorrupt', { path: file });
  }
  const prefix = findRoot(names);
  const files = new Map<string, BagEntry>();
  const outside: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) outside.push(name);
    else files.set(name.slice(prefix.length), { path: name.slice(prefix.length), size: entries.get(name)!.uncompressedSize });
  }
  const strip = (list: string[]) => list.map((s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s));
  const entryOf = (bagPath: string) => (files.has(bagPath) ? entries.get(`${prefix}${bagPath}`) : undefined);
  const open = async (bagPath: string) => {
    const entry = entryOf(bagPath);
    if (!entry) throw new Error(`Not a file of this bag: ${bagPath}`);
    return zip.openReadStreamPromise(entry);
  };
  /** Stored entries (the originals, the full texts) read in one pass in zip order; the few deflated ones opened one by one. */
  const hashFiles = async (paths: Iterable<string>, opts: HashOptions = {}) => {
    const stored: StoredEntry[] = [];
    const others: string[] = [];
    for (const p of paths) {
      const entry = entryOf(p);
      if (!entry) continue;
      if (entry.compressionMethod === 0 && !entry.isEncrypted() && entry.compressedSize === entry.uncompressedSize) {
        stored.push({ key: p, offset: entry.relativeOffsetOfLocalHeader, size: entry.uncompressedSize });
      } else others.push(p);
    }
    const out = await hashStoredEntries(reader.fd, reader.size, stored, opts);
    for (const p of others) {
      opts.checkCancel?.();
      out.set(p, await open(p).then((s) => hashStream(s, opts.onBytes)).catch(() => null));
      opts.onFile?.();
    }
    return out;
  };
  return {
    kind: 'zip',
    location: path.resolve(file),
    files,
    unsafe: unsafe.map((u) => ({ ...u, path: u.path })),
    symlinks: strip(symlinks),
    duplicates: strip(duplicates),
    outside,
    bombs: bombs.map((b) => ({ ...b, path: b.path.startsWith(prefix) ? b.path.slice(prefix.length) : b.path })),
    open,
    readText: async (bagPath, maxBytes) => (files.has(bagPath) ? readAll(await open(bagPath), maxBytes) : null),
    hashFiles,
    close: async () => {
      zip.close();
      reader.dispose();
    },
  };
}

/** A folder, or a `.zip` file. */
export async function openBag(location: string): Promise<BagSource> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(location);
  } catch {
    throw new ApiError('package.notFound', { path: location });
  }
  if (stat.isDirectory()) return openFolder(location);
  if (stat.isFile()) return openZip(location);
  throw new ApiError('package.notFolderOrZip', { path: location });
}
