/**
 * Path safety inside a bag, and the names Kho Lưu gives the files it writes into one.
 *
 * A package comes from another machine: any path it names (manifest line, zip entry) is checked
 * before anything is read or written with it. Only plain relative paths with `/` separators stay
 * inside the bag; everything else is refused and reported.
 */
import { fold } from '../text/fold';

export type UnsafePathReason =
  | 'empty'
  | 'absolute'
  | 'drive'
  | 'backslash'
  | 'parent'
  | 'dot_segment'
  | 'empty_segment'
  | 'control_char'
  | 'outside_payload';

/** Why a path may not be used inside a bag, or null when it is a plain relative path. */
export function unsafeBagPath(path: string): UnsafePathReason | null {
  if (path.length === 0) return 'empty';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control_char';
  if (path.includes('\\')) return 'backslash';
  if (path.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(path)) return 'drive';
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '..') return 'parent';
    if (segment === '.') return 'dot_segment';
    if (segment === '') return 'empty_segment';
  }
  return null;
}

/**
 * One path segment Kho Lưu may write: diacritics folded (a bag copied through a file system that
 * decomposes Unicode, such as macOS's, must keep byte-identical names), anything but letters,
 * digits, `.`, `-` and `_` turned into `_`, no leading dot, at most `max` characters.
 */
export function safeSegment(name: string, max = 80, fallback = 'tep'): string {
  const cleaned = fold(name)
    .replace(/[^a-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/[_.-]+$/, '');
  return (cleaned.slice(0, max).replace(/[_.-]+$/, '') || fallback).toLowerCase();
}

/** `Quyết định số 5.PDF` → `quyet_dinh_so_5.pdf`: the stem made safe, the extension kept (lower case). */
export function safeFileName(name: string, max = 80): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  const safeExt = /^[A-Za-z0-9]{1,10}$/.test(ext) ? `.${ext.toLowerCase()}` : '';
  const stem = dot > 0 && safeExt ? base.slice(0, dot) : base;
  return `${safeSegment(stem, Math.max(8, max - safeExt.length))}${safeExt}`;
}

/**
 * Hands out names that never collide (case-insensitively, for file systems that ignore case):
 * the second `a.pdf` becomes `a-2.pdf`.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(path: string): string {
    let candidate = path;
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    const hasExt = dot > slash + 1;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) {
      candidate = hasExt ? `${path.slice(0, dot)}-${n}${path.slice(dot)}` : `${path}-${n}`;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
