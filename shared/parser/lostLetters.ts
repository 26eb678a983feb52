import { fold } from '../text/fold';

/**
 * A text layer that lost every letter carrying a diacritic (`UBND TNH PH TH`, `Thc hin Ngh quyt
 * s`, `Hà N i`): the consonants and plain vowels around them, and the digits, remain. Every
 * Vietnamese syllable has a vowel, so words left without one tell such a layer from a sound one
 * (in sound prose they are a few abbreviations at most). In such a text a name or a subject with a
 * word that lost its vowels is not legible: it is left empty and goes to review, never read as
 * written; numbers and dates, in digits, still read.
 */

/** Looked at from the document's start: enough words to judge, bounded. */
const SAMPLE = 20000;
const MIN_WORDS = 30;
/** Sound prose has well under one such word in a hundred; a layer that lost letters, one in five or more. */
const MIN_SHARE = 0.1;

/**
 * Letters that fold to a vowel (every Vietnamese vowel, with or without its marks, in either case):
 * a word holding one has a vowel without being folded. Most words do, and folding each word of the
 * sample took a third of the parser's time; the rest (no such letter) are folded as before.
 */
const VOWEL_LETTER = /[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

function hasNoVowel(word: string): boolean {
  if (VOWEL_LETTER.test(word)) return false;
  return !/[aeiouy]/.test(fold(word));
}

const LETTER = 1;
const LOWER = 2;
const VOWEL = 4;
const KNOWN = 8;

/** What a code point is, for the scan below: the same classes as `\p{L}`, `\p{Ll}` and {@link VOWEL_LETTER}. */
function classOf(ch: string): number {
  return KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0) | (VOWEL_LETTER.test(ch) ? VOWEL : 0);
}

/** Classes of the code points below 0x10000, filled as they are met; the others in a map. */
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

/** The class of the code point at `i` (a surrogate pair's when one starts there). */
function flagsAt(text: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    const cp = text.codePointAt(i)!;
    let flags = ASTRAL.get(cp);
    if (flags === undefined) ASTRAL.set(cp, (flags = classOf(String.fromCodePoint(cp))));
    return flags;
  }
  let flags = BMP[c]!;
  if (flags === 0) BMP[c] = flags = classOf(String.fromCharCode(c));
  return flags;
}

/**
 * Whether the text in `[from, to)` lost its accented letters. Its words (runs of letters, `\p{L}+`)
 * are found by one scan over classes of code points kept from one document to the next: a regular
 * expression's match and a test per word cost more than the parser's reading of the header. The
 * scan makes no object per character or word: it runs over every document's first 20,000 characters.
 */
export function lostAccentedLetters(text: string, from = 0, to = text.length): boolean {
  const sample = text.slice(from, Math.min(to, from + SAMPLE));
  const n = sample.length;
  let words = 0;
  let voweless = 0;
  let start = -1;
  let lower = false;
  let vowel = false;
  // One step past the end closes the last word.
  for (let i = 0; i <= n; ) {
    const c = i < n ? sample.charCodeAt(i) : -1;
    const flags = c < 0 ? 0 : flagsAt(sample, i, c);
    if (flags & LETTER) {
      if (start < 0) {
        start = i;
        lower = false;
        vowel = false;
      }
      if (flags & LOWER) lower = true;
      if (flags & VOWEL) vowel = true;
    } else if (start >= 0) {
      // Words in lower or title case only: capitals are often abbreviations (UBND, HĐND, TW).
      if (lower) {
        words++;
        if (!vowel && hasNoVowel(sample.slice(start, i))) voweless++;
      }
      start = -1;
    }
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (sample.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return words >= MIN_WORDS && voweless / words >= MIN_SHARE;
}

/** A value with a word that lost its vowels (`TNH`, `Ph`, `S NI V`): not legible in such a text. */
export function illegibleInLostText(value: string): boolean {
  for (const m of value.matchAll(/\p{L}+/gu)) if (hasNoVowel(m[0])) return true;
  return false;
}

/**
 * Codes that print a `Đ` (`QĐ`, `NĐ`, `HĐND`, `ĐU`) as such a layer leaves them (`Q`, `N`, `HND`,
 * `U`): no symbol has one of these as a group of its own.
 */
const LOST_D_CODES: ReadonlySet<string> = new Set(['Q', 'N', 'HND', 'U']);

/** A number-symbol whose code lost its `Đ` with the text (`12/Q-UBND`, `45/2019/N-CP`): damaged. */
export function symbolLostLetters(symbol: string): boolean {
  return symbol.split(/[-/]/).some((g) => LOST_D_CODES.has(g.trim()));
}

/**
 * Codes printed with a `Đ` (`QĐ`, `NĐ`, `HĐND`, `ĐU`, `ĐUK`) as a recogniser or a converter without
 * Vietnamese leaves them, the stroke lost in a text that kept its other letters (`27-KH/DU`). No
 * symbol spells one of these with a plain `D` (`BDVTU`, `SGDĐT` print one, and keep it).
 */
const STROKE_LOST_CODES: ReadonlySet<string> = new Set(['QD', 'ND', 'HDND', 'DU', 'DUK']);

/** A number-symbol with a code whose `Đ` lost its stroke: not legible as written. */
export function symbolLostStroke(symbol: string): boolean {
  return symbol.split(/[-/]/).some((g) => STROKE_LOST_CODES.has(g.trim()));
}
