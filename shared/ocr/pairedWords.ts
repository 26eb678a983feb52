/**
 * Unsure syllables that a word list vouches for. Tesseract gives a syllable read right a low
 * confidence often enough (`PHÂN` at 74 in `PHÂN CẤP`, `phổ` at 74 in `phổ thông`), and a subject
 * or a name holding it is left for review (shared/parser/ocrDoubt.ts). A syllable is vouched for
 * when, as read, it makes a two-syllable word of the list with a neighbour the recogniser was
 * sure of, and no other tone on the same letters makes a word with that neighbour: the word list
 * then admits exactly the reading the recogniser gave.
 *
 * Only the confidence changes, to the doubt threshold; nothing is re-spelt. A syllable far below
 * it ({@link PAIRED_FLOOR}) keeps its doubt: the recogniser saw little of it, and a pair read from
 * a smudge is as likely a misread that happens to make a word.
 */
import type { PlacedPage } from '../parser/layout';
import { OCR_TEXT_DOUBT } from '../parser/ocrDoubt';
import { type CapitalsResult, type Word, rewriteWords, wordsOf } from './capitals';
import { type WordPairs, isPair, toneVariants } from './wordPairs';

/**
 * Below this confidence a syllable is not vouched for by a word it makes. Between it and 60 the
 * recogniser often read a capital's marks right and doubted them (`TRIỂN@42 KHAI`); over the
 * real scans (JPEG and image-only PDF) vouching from 40 kept two more subjects and turned none wrong.
 */
export const PAIRED_FLOOR = 40;

/** A syllable of letters, all small or all capitals (a name in title case is not asked). */
function syllable(w: Word | undefined): w is Word {
  return w !== undefined && w.kind !== 'digits' && /^\p{L}+$/u.test(w.core) && (w.core === w.core.toLowerCase() || w.core === w.core.toUpperCase());
}

/** Whether `w` makes, with the sure `n` beside it, a word of the list that only its reading makes. */
function vouchedBy(pairs: WordPairs, w: Word, n: Word | undefined, side: 0 | 1): boolean {
  if (!syllable(n) || n.confidence < OCR_TEXT_DOUBT) return false;
  const [a, b] = side === 0 ? [w.core, n.core] : [n.core, w.core];
  return isPair(pairs, a, b) && toneVariants(pairs, a, b, side).length === 0;
}

/** The pages with every vouched-for syllable given the doubt threshold; letters and offsets unchanged. */
export function trustPairedWords(text: string, pages: readonly PlacedPage[], pairs: WordPairs): CapitalsResult {
  const words = wordsOf(text, pages);
  const changes = new Map<number, { core: string; confidence: number }>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!syllable(w) || w.confidence >= OCR_TEXT_DOUBT || w.confidence < PAIRED_FLOOR) continue;
    const left = w.joined ? words[i - 1] : undefined;
    const right = words[i + 1]?.joined ? words[i + 1] : undefined;
    if (vouchedBy(pairs, w, left, 1) || vouchedBy(pairs, w, right, 0)) changes.set(i, { core: w.core, confidence: OCR_TEXT_DOUBT });
  }
  return rewriteWords(text, pages, words, changes);
}
