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

function hasNoVowel(word: string): boolean {
  return !/[aeiouy]/.test(fold(word));
}

/** Whether the text in `[from, to)` lost its accented letters. */
export function lostAccentedLetters(text: string, from = 0, to = text.length): boolean {
  const sample = text.slice(from, Math.min(to, from + SAMPLE));
  let words = 0;
  let voweless = 0;
  for (const m of sample.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    // Words in lower or title case only: capitals are often abbreviations (UBND, HĐND, TW).
    if (!/\p{Ll}/u.test(w)) continue;
    words++;
    if (hasNoVowel(w)) voweless++;
  }
  return words >= MIN_WORDS && voweless / words >= MIN_SHARE;
}

/** A value with a word that lost its vowels (`TNH`, `Ph`, `S NI V`): not legible in such a text. */
export function illegibleInLostText(value: string): boolean {
  for (const m of value.matchAll(/\p{L}+/gu)) if (hasNoVowel(m[0])) return true;
  return false;
}
