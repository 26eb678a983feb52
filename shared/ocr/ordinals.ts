/**
 * Roman numerals after `THỨ` and `KHÓA` (`LẦN THỨ XIII`, `KHÓA XVI`): Tesseract reads a run of
 * capital I as `IH`, `HI`, `Il`, `I1` and is often sure of it, so a title read through such a word
 * would be taken as read (`… LẦN THỨ XIH CỦA ĐẢNG`). In that place only a numeral (Roman, or in
 * digits) is written: a word there made of the numeral letters and their usual misreadings that
 * is no Roman numeral is marked doubtful, and a field read from it waits for review.
 */
import { fold } from '../text/fold';
import type { RecognisedPage } from './ocrText';

/** The confidence such a word is given: below every doubt threshold of the parser. */
export const MISREAD_NUMERAL_CONFIDENCE = 40;

const ORDINAL_WORDS = new Set(['thu', 'khoa']);
/** Roman numeral letters and what a scan makes of `I` (`H`, `l`, `1`, `|`, `!`). */
const NUMERAL_LIKE = /^[IVXLCDMHl1|!]+$/u;
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

function core(text: string): string {
  return text.replace(/^[^\p{L}\p{N}|!]+|[^\p{L}\p{N}|!]+$/gu, '');
}

/** Whether a word standing after `THỨ`/`KHÓA` looks like a numeral and is not one. */
export function isMisreadNumeral(word: string): boolean {
  const c = core(word);
  return c !== '' && NUMERAL_LIKE.test(c) && /[IVXLCDM]/u.test(c) && !ROMAN.test(c);
}

/** The pages with every misread numeral after `THỨ`/`KHÓA` marked doubtful (the same pages when none is). */
export function doubtMisreadNumerals(pages: readonly RecognisedPage[]): RecognisedPage[] {
  return pages.map((p) => {
    let changed = false;
    const words = p.words.map((w, i) => {
      const prev = p.words[i - 1];
      if (!prev || !ORDINAL_WORDS.has(fold(core(prev.text))) || !isMisreadNumeral(w.text) || w.confidence <= MISREAD_NUMERAL_CONFIDENCE) return w;
      changed = true;
      return { ...w, confidence: MISREAD_NUMERAL_CONFIDENCE };
    });
    return changed ? { ...p, words } : p;
  });
}
