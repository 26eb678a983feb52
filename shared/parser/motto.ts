import { codeTable } from '../text/codeTable';
import { isCapitals, startsLowercase } from './lexicon';

/**
 * The lines a header prints at the top right, which name no body: the party line (`ĐẢNG CỘNG SẢN
 * VIỆT NAM`), the State's national name and motto (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập -
 * Tự do - Hạnh phúc`), and the Youth Union's (`ĐOÀN TNCS HỒ CHÍ MINH`).
 *
 * Copies break them anywhere: cut over lines (`CỘNG` / `HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `ĐẢNG CỘNG
 * SẢN` / `VIỆT`), run into the other column (`TỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc`), without
 * their dashes or spaces (`Độc lập  Tự do  Hạnh phúc`, `XàHỘI`). They are matched word by word on
 * folded text; a piece must look like the motto (capitals, or title case for `Độc lập …`), so a
 * sentence ending in `độc lập` or a subject wrapped before `Việt Nam …` is not taken for one.
 */

const MOTTOS: readonly (readonly string[])[] = [
  'dang cong san viet nam',
  'cong hoa xa hoi chu nghia viet nam',
  'doc lap tu do hanh phuc',
  'doan tncs ho chi minh',
  'doan thanh nien cong san ho chi minh',
].map((m) => m.split(' '));

/** The first letters of the mottos' first words. */
const HEAD_LETTERS: ReadonlySet<number> = new Set(MOTTOS.map((m) => m[0]!.charCodeAt(0)));

/** Words of the national name and party line printed in capitals. */
const TITLE_CASE_MOTTO = 2;
/** Words split of one line at most (see {@link wordsOf}). */
const MAX_WORDS_HELD = 401;
/** A one-word line that can only be a piece of a motto. */
const LONE_WORDS = new Set(['cong', 'viet', 'nam']);

/**
 * The words of the folded line being matched, by their places (`[starts[w], ends[w])`): kept in
 * two arrays reused from line to line, so splitting a line makes no object per word (most lines
 * the matcher looks at are body paragraphs of a hundred words).
 */
const starts = new Int32Array(MAX_WORDS_HELD);
const ends = new Int32Array(MAX_WORDS_HELD);

/** A word that opens a motto (its first word, `startsWith`), anywhere in the line. */
const MOTTO_HEAD_RE = new RegExp(`(?:^|[\\s\\-–—])(?:${[...new Set(MOTTOS.map((m) => m[0]!))].join('|')})`);
/** The line's first word opening one of a motto's later words. */
const MOTTO_TAIL_START_RE = new RegExp(`^[\\s\\-–—]*(?:${[...new Set(MOTTOS.flatMap((m) => m.slice(1)))].join('|')})`);
/**
 * A whole motto: its words in order, parted only by what parts words (a copy may run them
 * together). Only a line this matches can hold one whole.
 */
const MOTTO_WHOLE_RE = new RegExp(MOTTOS.map((m) => m.join('[\\s\\-–—]*')).join('|'));
/** Every word a motto is made of: a piece at the end of a line ends with one of them. */
const MOTTO_WORDS: readonly string[] = [...new Set(MOTTOS.flat())];
/** A line this long holds more words than {@link wordsOf} splits: its last word is not the line's. */
const ALL_WORDS_SPLIT_MAX = 2 * MAX_WORDS_HELD - 1;

/** Whether the line's last word ends with a motto word (as a head cut at the line's end must). */
function endsWithMottoWord(folded: string): boolean {
  let end = folded.length;
  while (end > 0 && isWordBreak(folded.charCodeAt(end - 1))) end--;
  for (const w of MOTTO_WORDS) if (end >= w.length && folded.startsWith(w, end - w.length)) return true;
  return false;
}

/** What parts words: a regex's `\s`, and the dashes between the motto's words. */
const WORD_BREAKS = codeTable([
  [9, 13],
  [32, 32],
  [0x2d, 0x2d],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2013, 0x2014],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);

function isWordBreak(c: number): boolean {
  return WORD_BREAKS[c] === 1;
}

/** Splits a folded line into {@link starts} and {@link ends} (at most 401 words: a longer line is prose, whatever it holds); returns how many. */
function wordsOf(folded: string): number {
  let count = 0;
  const n = folded.length;
  for (let i = 0; i < n; ) {
    while (i < n && isWordBreak(folded.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isWordBreak(folded.charCodeAt(i))) i++;
    starts[count] = start;
    ends[count] = i;
    count++;
    if (count > 400) break;
  }
  return count;
}

/** Whether word `w` begins with `prefix`. */
function wordStartsWith(folded: string, w: number, prefix: string): boolean {
  return ends[w]! - starts[w]! >= prefix.length && folded.startsWith(prefix, starts[w]!);
}

/** What {@link matchFrom} reached: the word index and the motto words consumed (read at once, before the next match). */
let reachedWord = 0;
let reachedMottoWord = 0;

/**
 * Matches motto words from word `i` on, starting at motto word `k0`; a word may stand for several
 * motto words a copy ran together (`XàHỘI`, `CỘNGHÒA`). Sets the word index reached and the motto
 * words consumed ({@link reachedWord}, {@link reachedMottoWord}).
 */
function matchFrom(folded: string, count: number, i: number, motto: readonly string[], k0: number): void {
  let j = i;
  let k = k0;
  while (j < count && k < motto.length) {
    const end = ends[j]!;
    let at = starts[j]!;
    let kk = k;
    while (at < end && kk < motto.length && end - at >= motto[kk]!.length && folded.startsWith(motto[kk]!, at)) {
      at += motto[kk]!.length;
      kk++;
    }
    if (at < end) break;
    j++;
    k = kk;
  }
  reachedWord = j;
  reachedMottoWord = k;
}

/**
 * Words `[i, j)` as a find of motto `m`, if their text looks like one. A function of the module, not
 * a closure made per line: a closure made on each call is a new call target each time, and the
 * optimised matcher was thrown away for it.
 */
function found(textOf: (start: number, end: number) => string, i: number, j: number, m: number, whole: boolean): MottoFind | null {
  const start = starts[i]!;
  const end = ends[j - 1]!;
  return looksLikeMotto(textOf(start, end), m) ? { start, end, whole } : null;
}

function looksLikeMotto(text: string, mottoIdx: number): boolean {
  if (isCapitals(text, 2)) return true;
  return mottoIdx === TITLE_CASE_MOTTO && !startsLowercase(text);
}

export interface MottoFind {
  /** Folded index where the motto (or its piece) starts and ends. */
  start: number;
  end: number;
  /** Whole motto, or a piece of one cut by a line break. */
  whole: boolean;
}

/**
 * The first motto in a segment's folded text, or else a piece of one at its end or its start.
 * `textOf` gives the segment's text between two folded indices (to check the letter case).
 */
export function findMotto(folded: string, textOf: (start: number, end: number) => string): MottoFind | null {
  // Most lines hold no motto, and are ruled out before their words are split. Every find below is
  // a tail (the first word opens one of a motto's later words: a tail, a lone word), or starts at a
  // word opening a motto and is whole (one search finds its words in order) or cut at the line's end
  // (the line's last word ends with a motto word; checked first, as it looks at the end only).
  const possible =
    MOTTO_TAIL_START_RE.test(folded) ||
    ((folded.length > ALL_WORDS_SPLIT_MAX || endsWithMottoWord(folded)) && MOTTO_HEAD_RE.test(folded)) ||
    MOTTO_WHOLE_RE.test(folded);
  if (!possible) return null;
  const count = wordsOf(folded);
  if (count === 0) return null;
  for (let i = 0; i < count; i++) {
    // Only a word opening with a motto's first letter can open a motto (most words of a line do not).
    if (!HEAD_LETTERS.has(folded.charCodeAt(starts[i]!))) continue;
    for (let m = 0; m < MOTTOS.length; m++) {
      const motto = MOTTOS[m]!;
      if (!wordStartsWith(folded, i, motto[0]!)) continue;
      matchFrom(folded, count, i, motto, 0);
      if (reachedMottoWord === motto.length) {
        const f = found(textOf, i, reachedWord, m, true);
        if (f) return f;
      }
    }
  }
  for (let m = 0; m < MOTTOS.length; m++) {
    const motto = MOTTOS[m]!;
    // A head at the end of the line (`… ĐẢNG CỘNG SẢN`), longest first.
    for (let i = Math.max(0, count - motto.length + 1); i < count; i++) {
      matchFrom(folded, count, i, motto, 0);
      const j = reachedWord;
      const k = reachedMottoWord;
      if (j !== count || k === 0 || k === motto.length) continue;
      if (!pieceAllowed(count, j - i, k, motto[0]!)) continue;
      const f = found(textOf, i, j, m, false);
      if (f) return f;
    }
    // A tail at the start of the line (`HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM …`), longest first.
    for (let k0 = 1; k0 < motto.length; k0++) {
      matchFrom(folded, count, 0, motto, k0);
      const j = reachedWord;
      const k = reachedMottoWord;
      if (k !== motto.length || j === 0) continue;
      if (!pieceAllowed(count, j, k - k0, motto[k0]!)) continue;
      const f = found(textOf, 0, j, m, false);
      if (f) return f;
    }
  }
  // A lone word from the middle (`ĐẢNG CỘNG SẢN` / `VIỆT` / …).
  if (count === 1 && LONE_WORDS.has(folded.slice(starts[0]!, ends[0]!))) return found(textOf, 0, 1, 0, false);
  return null;
}

/**
 * A piece of one motto word is taken only when it is the whole line and a word no name or subject
 * line consists of (`CỘNG`, `VIỆT`, `NAM`); a piece sharing its line with other text must hold two
 * motto words at least.
 */
function pieceAllowed(lineWords: number, pieceWords: number, mottoWords: number, first: string): boolean {
  if (pieceWords < lineWords) return mottoWords >= 2;
  return mottoWords >= 2 || LONE_WORDS.has(first);
}

/**
 * One line down each of {@link findMotto}'s paths: a whole motto, a head cut at the line's end, a
 * tail at its start, a lone word, a line that might hold one but does not, and one ruled out at once.
 * The matcher runs on every line and is optimised within the first documents, before its rarer paths
 * have run; optimised code knows nothing of a path that has not run, so the first line to take one
 * throws it away to be compiled again (five times over an import's first thousands of documents, each
 * compile costing as much as parsing dozens of documents). Running every path here first, ten times
 * as the engine records what a function does only once it has run a while, lets the first optimised
 * code cover them all. Nothing is kept: results are dropped and the word arrays are refilled per line.
 */
const PRIMING_LINES = [
  'cong hoa xa hoi chu nghia viet nam',
  'uy ban nhan dan dang cong san',
  'hoa xa hoi chu nghia viet nam so 12',
  'viet',
  'nam nay',
  've viec cap phep',
];
for (let round = 0; round < 10; round++) {
  for (const line of PRIMING_LINES) findMotto(line, (start, end) => line.slice(start, end).toUpperCase());
}
