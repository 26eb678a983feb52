import { codeTable } from './codeTable';

/**
 * Unicode normalization in time linear in the text's length, whatever the text holds.
 *
 * Normalizing reorders each run of combining marks by their combining class, and the engines
 * (ICU in V8) sort a run by insertion: a run of n marks costs n². A document is no such run —
 * Vietnamese puts at most two marks on a letter — but a hostile file of a megabyte of marks took
 * half a minute, two megabytes two. Unicode's Stream-Safe Text Format (UAX #15, section 13) bounds
 * every run at 30 marks by inserting U+034F COMBINING GRAPHEME JOINER, which blocks reordering and
 * changes nothing else; no language needs more than 30 in a row, so real text is never touched.
 */

/** UAX #15: at most this many non-starters in a row. */
export const MAX_MARK_RUN = 30;
const CGJ = 0x034f;
const MARK = /\p{M}/u;

/**
 * Whether each BMP code unit is a combining mark (Mn, Mc, Me): 0 not yet asked, 1 a mark, 2 not.
 * Filled as characters are met, so a text of a few scripts asks the engine about a few hundred.
 */
const bmpMarks = new Uint8Array(0x10000);

function isBmpMark(c: number): boolean {
  let known = bmpMarks[c]!;
  if (known === 0) {
    // The joiner is a mark of combining class 0: it ends a run (which is why it is inserted).
    known = c !== CGJ && MARK.test(String.fromCharCode(c)) ? 1 : 2;
    bmpMarks[c] = known;
  }
  return known === 1;
}

/** Width (1 or 2 code units) of the combining mark at `i`, or 0 when none is there. */
function markAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x300) return 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && MARK.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return isBmpMark(c) ? 1 : 0;
}

/** True when the text holds a run of more than {@link MAX_MARK_RUN} combining marks. */
export function hasLongMarkRun(text: string): boolean {
  return firstLongRun(text) >= 0;
}

/**
 * Where the first mark beyond the 30th of a run is, or -1. One pass over the code units from the
 * first one outside {@link isStableUnit}'s ranges (none of which is a mark), found by the engine's
 * compiled search: most documents have none, and the loop over every unit cost three times as much.
 */
function firstLongRun(text: string): number {
  const n = text.length;
  const first = text.search(UNSTABLE_UNIT);
  if (first < 0) return -1;
  let run = 0;
  for (let i = first; i < n; i++) {
    if (text.charCodeAt(i) < 0x300) {
      run = 0;
      continue;
    }
    const w = markAt(text, i);
    if (w === 0) {
      run = 0;
      continue;
    }
    if (++run > MAX_MARK_RUN) return i;
    i += w - 1;
  }
  return -1;
}

/** How many combining marks stand beyond the 30th of their run: none in any real text. */
export function excessMarks(text: string): number {
  const first = firstLongRun(text);
  if (first < 0) return 0;
  let excess = 0;
  let run = MAX_MARK_RUN;
  for (let i = first; i < text.length; i++) {
    const w = markAt(text, i);
    if (w === 0) {
      run = 0;
      continue;
    }
    if (++run > MAX_MARK_RUN) excess++;
    i += w - 1;
  }
  return excess;
}

/** The text with every run of combining marks cut into runs of at most 30, joined by U+034F (stream-safe). */
export function streamSafe(text: string): string {
  const first = firstLongRun(text);
  if (first < 0) return text;
  const parts: string[] = [text.slice(0, first), String.fromCharCode(CGJ)];
  let run = 1;
  let from = first;
  for (let i = first + markAt(text, first); i < text.length; i++) {
    const w = markAt(text, i);
    if (w === 0) {
      run = 0;
      continue;
    }
    if (++run > MAX_MARK_RUN) {
      parts.push(text.slice(from, i), String.fromCharCode(CGJ));
      from = i;
      run = 1;
    }
    i += w - 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Whether a code unit is one that no normalization touches in any company: none of these has a
 * canonical decomposition, none is a combining mark, and none composes with what stands before it
 * (Unicode's NFC_Quick_Check is Yes for each). ASCII and Latin-1 to the IPA block (with `đ`, `ơ`,
 * `ư`), the precomposed Vietnamese letters of Latin Extended Additional, and the dashes, quotes,
 * bullet and ellipsis of General Punctuation: nearly every character of a Vietnamese document.
 * tests/unit/normalize.test.ts checks every pair of them against `normalize('NFC')`.
 */
export function isStableUnit(c: number): boolean {
  return STABLE_UNITS[c] === 1;
}

const STABLE_UNITS = codeTable([
  [0, 0x2ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
]);

/**
 * A unit outside {@link isStableUnit}'s ranges. The engine's compiled search for one class of
 * units is about four times faster than a loop over `charCodeAt`, and every imported text is
 * checked once when it is decoded.
 */
const UNSTABLE_UNIT = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027]/;

/** A text of stable units only ({@link isStableUnit}): NFC and stream-safe as it is. */
export function isPlainNfc(text: string): boolean {
  return !UNSTABLE_UNIT.test(text);
}

/**
 * The last text of at least this many characters {@link toNfc} produced: the import normalizes a
 * document's text when it decodes it, again when the parser and the index's folding receive it,
 * and the same text comes back NFC with no work. Texts above the upper bound are not kept (a
 * reference would hold a huge text in memory after its import).
 */
const REMEMBER_MIN = 2048;
const REMEMBER_MAX = 1_000_000;
let lastNfc: string | null = null;

/** NFC in linear time (stream-safe first). Text already NFC and stream-safe comes back unchanged. */
export function toNfc(text: string): string {
  if (text.length >= REMEMBER_MIN && text === lastNfc) return text;
  const nfc = isPlainNfc(text) ? text : streamSafe(text).normalize('NFC');
  if (nfc.length >= REMEMBER_MIN && nfc.length <= REMEMBER_MAX) lastNfc = nfc;
  return nfc;
}

/** NFD in linear time (stream-safe first). */
export function toNfd(text: string): string {
  return streamSafe(text).normalize('NFD');
}
