/**
 * Number-symbols the recogniser was unsure of, read again alone to confirm them. A number-symbol
 * is in no dictionary, so read as part of a page one printed cleanly is often given a low
 * confidence (`59/QĐ-UBND` at 47%, `66-QĐ/TW` at 20%), and the number or the citations holding it
 * are left for review (shared/parser/ocrDoubt.ts). Cut out on its own line and read again, such a
 * symbol comes back the same and sure.
 *
 * A second reading at the same scale is no proof: a glyph the model misreads it misreads again
 * (`UBTUMTTQVN` read `UBTUMTTQYVN` twice). Read smaller as well, the misread changes while a
 * sound symbol stays the same. So a symbol is confirmed only when both readings, at its own scale
 * and smaller, give its very characters surely; it then takes the lower of their confidences.
 * Nothing is ever re-spelt: a reading that differs by a character confirms nothing.
 *
 * Only number-symbols: the doubt on a word of a name, a subject or a list often stands for a
 * trouble of the layout rather than of the letters (a list run on into the body, a name joined
 * with the wrong line), and confirming the word's letters let such a value through wrong.
 */

import { OCR_SYMBOL_DOUBT } from '../parser/ocrDoubt';
import type { ReadWord } from './headerBand';

/** A word read on a page, in the pixels of the image read, with the recogniser's confidence. */
export type UnsureWord = Pick<ReadWord, 'text' | 'left' | 'top' | 'width' | 'height' | 'confidence'>;

/** Symbols below this confidence are read again (in a subject a symbol is doubted below it). */
export const CONFIRM_BELOW = 75;
/**
 * Each reading again must give the symbol's characters at least this surely: the symbol's own
 * doubt threshold. A symbol is cut out without the words that give it context, so a sound one
 * read again alone often comes back at 60–75 (`66-QĐ/TW` at 63 and 76); a misread changes its
 * characters between the scales rather than staying and gaining confidence.
 */
export const SURE_AGAIN_AT = OCR_SYMBOL_DOUBT;
/** At most this many words of one page are read again: a page of noise is not read twice over. */
export const MAX_CONFIRMED_PER_PAGE = 30;
/** The scales a word is read again at: its own, and smaller (where a repeated misread changes). */
export const CONFIRM_SCALES = [0.75, 1] as const;

/** A word's letters and digits with what stands around them (quotes, dashes, stops) left off. */
export function wordCore(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** A number-symbol's shape: digits and capitals joined by `/` or `-` (`59/QĐ-UBND`, `66-QĐ/TW`). */
const SYMBOL_RE = /^(?=.*\d)(?=.*\p{Lu})[\p{Lu}\d]+(?:[/-][\p{Lu}\p{Ll}\d&.]+)+$/u;

/** Whether a word is one to read again: an unsure number-symbol. */
export function needsConfirming(w: Pick<UnsureWord, 'text' | 'confidence'>): boolean {
  return w.confidence < CONFIRM_BELOW && SYMBOL_RE.test(wordCore(w.text));
}

/** The words of a page to read again, in reading order, at most {@link MAX_CONFIRMED_PER_PAGE}. */
export function wordsToConfirm<W extends UnsureWord>(words: readonly W[]): W[] {
  return words.filter(needsConfirming).slice(0, MAX_CONFIRMED_PER_PAGE);
}

/**
 * The rectangle a word is cut out at: the word with some white around it (a line's height of
 * margin across, a third of it above and below, so its letters are whole but the lines above and
 * below stay out), within a page `width`×`height`.
 */
export function confirmBox(w: UnsureWord, width: number, height: number): { left: number; top: number; width: number; height: number } {
  const left = Math.max(0, Math.round(w.left - 0.6 * w.height));
  const top = Math.max(0, Math.round(w.top - 0.35 * w.height));
  const right = Math.min(width, Math.round(w.left + w.width + 0.6 * w.height));
  const bottom = Math.min(height, Math.round(w.top + w.height * 1.35));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/**
 * What one reading again says of a word: the confidence of the word it read with the same letters
 * (its surroundings aside), or null when it read none so.
 */
export function agreeingConfidence(word: string, again: readonly { text: string; confidence: number }[]): number | null {
  const core = wordCore(word);
  const same = again.filter((a) => wordCore(a.text) === core);
  return same.length === 1 ? same[0]!.confidence : null;
}

/**
 * Whether one reading again backs the word: it gave the word's characters at least at
 * {@link SURE_AGAIN_AT}. A reading that does not ends the word's readings.
 */
export function backsWord(reading: number | null): reading is number {
  return reading !== null && reading >= SURE_AGAIN_AT;
}

/**
 * The word's confidence once read again: the lower of the readings' confidences when every
 * reading backs it ({@link backsWord}); otherwise its first confidence.
 */
export function confirmedConfidence(first: number, readings: readonly (number | null)[]): number {
  if (readings.length === 0 || !readings.every(backsWord)) return first;
  return Math.max(first, Math.min(...(readings as number[])));
}
