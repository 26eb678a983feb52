/**
 * Diacritic folding for Vietnamese: `Đắk Lắk` → `dak lak`, `bàn giao` → `ban giao`.
 *
 * Unicode decomposition strips tones and vowel marks, but `đ`/`Đ` have no decomposition, so
 * they are mapped by hand. Folding works per character of NFC text, so a folded string has the
 * same length as its source when the source is NFC, and offsets can be mapped back (snippets).
 */

import { toNfc } from './normalize';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

const cache = new Map<string, string>();

function foldCharCached(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = foldChar(ch);
    cache.set(ch, folded);
  }
  return folded;
}

/**
 * Turns folded units into a string: for a line of more than a few units, decoding them as UTF-16
 * is about a third cheaper than `String.fromCharCode` over them, and the parser folds every line
 * it reads. Only where typed arrays are little-endian, as UTF-16LE reads them; `ignoreBOM` keeps a
 * leading U+FEFF, which the decoder would otherwise drop.
 */
const utf16Decoder = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
const DECODE_MIN = 16;

/** Folded units as a string; `plain` when every one took the table's path (then no surrogate is among them). */
function unitsToString(units: Uint16Array, k: number, plain: boolean): string {
  if (plain && utf16Decoder && k >= DECODE_MIN) return utf16Decoder.decode(units.subarray(0, k));
  let out = '';
  // fromCharCode takes arguments; chunk so a long run cannot overflow the call stack.
  for (let a = 0; a < k; a += 4096) out += String.fromCharCode.apply(null, units.subarray(a, Math.min(k, a + 4096)) as unknown as number[]);
  return out;
}

/** Units folded before they are turned into a string piece: long texts never grow one character at a time. */
const FOLD_CHUNK = 8192;
/** Room for a chunk plus the longest fold of one character. */
let foldBuffer = new Uint16Array(FOLD_CHUNK + 64);

/**
 * The last text {@link foldOneToOne} folded, with its fold: an import parses a document (which
 * folds it whole, {@link foldOneToOne}) and then folds it again for the search index; the second
 * fold is this one. Texts outside these bounds are not kept (a huge text stays no longer in memory).
 */
const REMEMBER_MIN = 2048;
const REMEMBER_MAX = 1_000_000;
let remembered: { source: string; folded: string } | null = null;

/** Lower-cases and removes Vietnamese diacritics. Linear in time and memory, however long the text. */
export function fold(text: string): string {
  const nfc = toNfc(text);
  if (remembered !== null && nfc.length === remembered.source.length && nfc === remembered.source) return remembered.folded;
  const n = nfc.length;
  // Made only for a text of several chunks: most folds are of a line or a word, one chunk.
  let parts: string[] | null = null;
  const buf = foldBuffer;
  let k = 0;
  // The chunk holds units of a general fold (possibly surrogates).
  let general = false;
  for (let i = 0; i < n; i++) {
    if (k >= FOLD_CHUNK) {
      (parts ??= []).push(unitsToString(buf, k, !general));
      k = 0;
      general = false;
    }
    const c = nfc.charCodeAt(i);
    // One look-up for every unit that folds to one (surrogates never do).
    const f = unitFold(c);
    if (f !== 0xffff) {
      buf[k++] = f;
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (nfc.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const folded = foldCharCached(pair ? nfc.slice(i, i + 2) : nfc[i]!);
    if (k + folded.length > buf.length) {
      (parts ??= []).push(unitsToString(buf, k, !general), folded);
      k = 0;
      general = false;
    } else {
      for (let j = 0; j < folded.length; j++) buf[k++] = folded.charCodeAt(j);
      general = true;
    }
    if (pair) i++;
  }
  const last = k > 0 ? unitsToString(buf, k, !general) : '';
  foldBuffer = buf;
  if (parts === null) return last;
  if (k > 0) parts.push(last);
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** True when the text carries any Vietnamese diacritic (or `đ`). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== toNfc(text).toLowerCase();
}

// Per-code-unit fold table for the BMP: the parser folds every header line, and a typed-array
// lookup is several times faster than iterating code points through a Map. 0 = not yet known,
// 0xffff = folds to other than one unit (taken through the general path).
const UNIT_FOLD = new Uint16Array(0x10000);
// Known from the start: ASCII, and the surrogates (half a character: never one unit's fold). Then
// every unit of a text is one look-up, the same for all: a branch on ASCII or a surrogate, taken
// or not from one unit to the next, made the folding loops twice as slow.
for (let c = 1; c < 0x80; c++) UNIT_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;
UNIT_FOLD.fill(0xffff, 0xd800, 0xe000);

function unitFold(code: number): number {
  let f = UNIT_FOLD[code]!;
  if (f === 0) {
    const s = foldCharCached(String.fromCharCode(code));
    f = s.length === 1 ? s.charCodeAt(0) : 0xffff;
    UNIT_FOLD[code] = f;
  }
  return f;
}

/** The fold of one BMP code unit that is not a surrogate, exactly as {@link fold} folds it in NFC text. */
export function foldUnit(code: number): string {
  if (code < 0x80) return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  const f = unitFold(code);
  return f !== 0xffff ? String.fromCharCode(f) : foldCharCached(String.fromCharCode(code));
}

/** {@link foldUnit} as one code unit, or 0xffff when the fold is not one unit (then ask {@link foldUnit}). */
export function foldUnitCode(code: number): number {
  return code < 0x80 ? (code >= 65 && code <= 90 ? code + 32 : code) : unitFold(code);
}

let scratch = new Uint16Array(1024);

/**
 * `[0, 1, …, n]`, shared and frozen: the offsets of a text whose every unit folds to one unit (any
 * text of precomposed Vietnamese), for lines up to {@link SHARED_OFFSETS_MAX} long. The parser
 * folds every line it reads, and building this list for each was a tenth of its time.
 */
const sharedOffsets: Array<readonly number[] | undefined> = [];
const SHARED_OFFSETS_MAX = 2048;

function identityOffsets(n: number): number[] {
  let offsets = sharedOffsets[n];
  if (offsets === undefined) {
    offsets = Object.freeze(Array.from({ length: n + 1 }, (_, i) => i));
    sharedOffsets[n] = offsets;
  }
  return offsets as number[];
}

/**
 * The fold of `text` (NFC) when each of its units folds to exactly one unit (any text of
 * precomposed Vietnamese), else null: then the fold of any range of the text is the same range of
 * this string, and {@link foldedRange} gives it without folding again. The parser folds every line
 * it reads; slicing one fold of the whole text costs a fraction of folding each line.
 */
export function foldOneToOne(text: string): string | null {
  const n = text.length;
  if (scratch.length < n + 2) scratch = new Uint16Array(Math.max(n + 2, scratch.length * 2));
  const codes = scratch;
  for (let i = 0; i < n; i++) {
    const f = unitFold(text.charCodeAt(i));
    if (f === 0xffff) return null;
    codes[i] = f;
  }
  const folded = unitsToString(codes, n, true);
  if (n >= REMEMBER_MIN && n <= REMEMBER_MAX) remembered = { source: text, folded };
  return folded;
}

/** `foldWithOffsets(text.slice(from, to))` when `folded` is {@link foldOneToOne}`(text)`. */
export function foldedRange(folded: string, from: number, to: number): { folded: string; offsets: number[] } {
  const n = to - from;
  return { folded: folded.slice(from, to), offsets: n <= SHARED_OFFSETS_MAX ? identityOffsets(n) : Array.from({ length: n + 1 }, (_, i) => i) };
}

/**
 * Folds `text` (assumed NFC) and returns, for each UTF-16 unit of the folded string, the offset
 * of the source character it came from, plus one final entry for the end of the text. One pass
 * over UTF-16 units with a table; astral characters and the rare multi-unit folds go through the
 * general path. The offsets may be a shared list: read them, never change them.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  const n = text.length;
  if (scratch.length < n * 2 + 2) scratch = new Uint16Array(Math.max(n * 2 + 2, scratch.length * 2));
  const codes = scratch;
  let k = 0;
  // Offsets are listed only once a unit folds to other than one unit: until then they are `i`.
  let offsets: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = unitFold(c);
    if (f !== 0xffff) {
      codes[k++] = f;
      offsets?.push(i);
      continue;
    }
    offsets ??= Array.from({ length: k }, (_, j) => j);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
    const s = foldCharCached(pair ? text.slice(i, i + 2) : text[i]!);
    for (let j = 0; j < s.length && k < codes.length - 1; j++) {
      codes[k++] = s.charCodeAt(j);
      offsets.push(i);
    }
    if (pair) i++;
  }
  if (offsets) offsets.push(n);
  else {
    offsets = n <= SHARED_OFFSETS_MAX ? identityOffsets(n) : Array.from({ length: n + 1 }, (_, i) => i);
    // Every unit took the table's path: no surrogate among them, so the decoder reads them as they are.
    return { folded: unitsToString(codes, k, true), offsets };
  }
  return { folded: unitsToString(codes, k, false), offsets };
}
