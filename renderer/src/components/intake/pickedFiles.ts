/**
 * Files and folders the user hands over without typing a path: dropped on the window, or chosen
 * with a folder picker. A folder is read through the browser's entries (every level), each file
 * kept with its path inside the folder, which the import's report then shows.
 */
import { desktopShell } from '../../api/shell';

export interface PickedFile {
  file: File;
  /** Its path inside what was dropped or picked, e.g. `Hồ sơ 2024/hop-01/vb-0001.pdf`. */
  path: string;
}

export interface Picked {
  /** Files read by the browser, to be uploaded. */
  files: PickedFile[];
  /** Files or folders on this machine (the desktop app knows their paths): imported where they are. */
  paths: string[];
  /** Files left out because the import cannot read their kind (shown, not silently dropped). */
  skipped: string[];
}

/** What the import reads; anything else is left out of an upload and counted. */
const READABLE = /\.(txt|md|docx|pdf|jpe?g|png|tiff?)$/i;
/** Folders of a few hundred thousand files are not walked by the browser: the folder mode is for them. */
export const MAX_PICKED_FILES = 50_000;

export function sortPicked(files: File[], pathOf: (f: File) => string): Picked {
  const picked: Picked = { files: [], paths: [], skipped: [] };
  for (const file of files) {
    const path = pathOf(file);
    const name = path.split('/').pop() ?? path;
    if (name.startsWith('.')) continue; // .DS_Store, ~$ lock files' siblings, hidden files
    if (READABLE.test(name)) picked.files.push({ file, path });
    else picked.skipped.push(path);
  }
  return picked;
}

/** Files chosen in an `<input type=file>` (with `webkitdirectory`, each carries its path in the folder). */
export function fromInput(list: FileList | null): Picked {
  return sortPicked(Array.from(list ?? []), (f) => f.webkitRelativePath || f.name);
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[], paths: Map<File, string>): Promise<void> {
  if (out.length >= MAX_PICKED_FILES) return;
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    out.push(file);
    paths.set(file, entry.fullPath.replace(/^\//, ''));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, out, paths);
  }
}

/**
 * What was dropped on the window. The desktop app imports dropped files and folders where they
 * are (by path); the browser reads them, folders included, to upload them.
 */
export async function fromDrop(data: DataTransfer): Promise<Picked> {
  const items = Array.from(data.items).filter((i) => i.kind === 'file');
  if (desktopShell) {
    const paths = items.map((i) => i.getAsFile()).filter((f): f is File => f !== null).map((f) => desktopShell!.pathForFile(f)).filter(Boolean);
    if (paths.length > 0) return { files: [], paths, skipped: [] };
  }
  const files: File[] = [];
  const paths = new Map<File, string>();
  for (const item of items) {
    // Folders come as entries; a file handed over without one (some sources) as itself.
    const entry = item.webkitGetAsEntry();
    if (entry) await walk(entry, files, paths);
    else {
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  return sortPicked(files, (f) => paths.get(f) ?? f.name);
}

/** A few words on what was picked: "3.000 tệp trong “hop-01”…". */
export function pickedRoots(picked: Picked): string[] {
  const roots = new Set<string>();
  for (const f of picked.files) roots.add(f.path.split('/')[0]!);
  for (const p of picked.paths) roots.add(p.split(/[\\/]/).filter(Boolean).pop() ?? p);
  return [...roots];
}
