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
/** A one-word line that can only be a piece of a motto. */
const LONE_WORDS = new Set(['cong', 'viet', 'nam']);

/** A word of the folded line, by its place (`[start, end)`): no copy of its text is made. */
interface Word {
  start: number;
  end: number;
}

/** A word only a motto's piece can contain (`CỘNG`, `VIỆT NAM`, `Độc lập`, `Hạnh phúc`, `TNCS` …). */
const MOTTO_WORD_RE = /cong|viet|nam|doc|lap|hanh|phuc|nghia|xa ?hoi|dang|doan|tncs|minh|tu do|thanh nien/;
/** A word that opens a motto (its first word, `startsWith`), anywhere in the line. */
const MOTTO_HEAD_RE = new RegExp(`(?:^|[\\s\\-–—])(?:${[...new Set(MOTTOS.map((m) => m[0]!))].join('|')})`);
/** The line's first word opening one of a motto's later words. */
const MOTTO_TAIL_START_RE = new RegExp(`^[\\s\\-–—]*(?:${[...new Set(MOTTOS.flatMap((m) => m.slice(1)))].join('|')})`);

/** What parts words: a regex's `\s`, and the dashes between the motto's words. */
function isWordBreak(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0x2d ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The words of a folded line (at most 401: a longer line is prose, whatever it holds). */
function wordsOf(folded: string): Word[] {
  const out: Word[] = [];
  const n = folded.length;
  for (let i = 0; i < n; ) {
    while (i < n && isWordBreak(folded.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isWordBreak(folded.charCodeAt(i))) i++;
    out.push({ start, end: i });
    if (out.length > 400) break;
  }
  return out;
}

/** Whether the word at `word` begins with `prefix`. */
function wordStartsWith(folded: string, word: Word, prefix: string): boolean {
  return word.end - word.start >= prefix.length && folded.startsWith(prefix, word.start);
}

/**
 * Matches motto words from word `i` on, starting at motto word `k0`; a word may stand for several
 * motto words a copy ran together (`XàHỘI`, `CỘNGHÒA`). Returns the word index reached and the
 * motto words consumed.
 */
function matchFrom(folded: string, words: readonly Word[], i: number, motto: readonly string[], k0: number): { j: number; k: number } {
  let j = i;
  let k = k0;
  while (j < words.length && k < motto.length) {
    const { end } = words[j]!;
    let at = words[j]!.start;
    let kk = k;
    while (at < end && kk < motto.length && end - at >= motto[kk]!.length && folded.startsWith(motto[kk]!, at)) {
      at += motto[kk]!.length;
      kk++;
    }
    if (at < end) break;
    j++;
    k = kk;
  }
  return { j, k };
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
  // Most lines hold no motto word at all: a plain search rules them out before splitting words.
  if (!MOTTO_WORD_RE.test(folded)) return null;
  // Nor can most lines that do: every find below has a word opening a motto, or a first word
  // opening one of a motto's later words (a tail, a lone word).
  if (!MOTTO_HEAD_RE.test(folded) && !MOTTO_TAIL_START_RE.test(folded)) return null;
  const words = wordsOf(folded);
  if (words.length === 0) return null;
  const found = (i: number, j: number, m: number, whole: boolean): MottoFind | null => {
    const start = words[i]!.start;
    const end = words[j - 1]!.end;
    return looksLikeMotto(textOf(start, end), m) ? { start, end, whole } : null;
  };
  for (let i = 0; i < words.length; i++) {
    // Only a word opening with a motto's first letter can open a motto (most words of a line do not).
    if (!HEAD_LETTERS.has(folded.charCodeAt(words[i]!.start))) continue;
    for (let m = 0; m < MOTTOS.length; m++) {
      const motto = MOTTOS[m]!;
      if (!wordStartsWith(folded, words[i]!, motto[0]!)) continue;
      const { j, k } = matchFrom(folded, words, i, motto, 0);
      if (k === motto.length) {
        const f = found(i, j, m, true);
        if (f) return f;
      }
    }
  }
  for (let m = 0; m < MOTTOS.length; m++) {
    const motto = MOTTOS[m]!;
    // A head at the end of the line (`… ĐẢNG CỘNG SẢN`), longest first.
    for (let i = Math.max(0, words.length - motto.length + 1); i < words.length; i++) {
      const { j, k } = matchFrom(folded, words, i, motto, 0);
      if (j !== words.length || k === 0 || k === motto.length) continue;
      if (!pieceAllowed(words.length, j - i, k, motto[0]!)) continue;
      const f = found(i, j, m, false);
      if (f) return f;
    }
    // A tail at the start of the line (`HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM …`), longest first.
    for (let k0 = 1; k0 < motto.length; k0++) {
      const { j, k } = matchFrom(folded, words, 0, motto, k0);
      if (k !== motto.length || j === 0) continue;
      if (!pieceAllowed(words.length, j, k - k0, motto[k0]!)) continue;
      const f = found(0, j, m, false);
      if (f) return f;
    }
  }
  // A lone word from the middle (`ĐẢNG CỘNG SẢN` / `VIỆT` / …).
  if (words.length === 1 && LONE_WORDS.has(folded.slice(words[0]!.start, words[0]!.end))) return found(0, 1, 0, false);
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
