/**
 * Tones chosen by the words they make. Tesseract's Vietnamese model misreads a tone at high
 * confidence (`PHỐ BIẾN` for `PHỔ BIẾN`, `tố chức` for `tổ chức`), in words a document may write
 * only once, so the document's own spellings (capitals.ts) cannot confirm them. A word list can:
 * a syllable read so that it makes a word with neither neighbour, while exactly one other tone on
 * the same letters makes a word with one of them, was printed with that tone.
 *
 * The rule, for each word read in small letters or in capitals, and for a sentence's first word in
 * title case read with the small-letter word after it (`Tố chức thực hiện`); never for a word in
 * title case beside another (a name: `Tố Hữu`), nor with one as the neighbour that makes the word:
 * - read so, it makes a word of the list with a neighbour on its line: it stays as read;
 * - otherwise, when it carries a sắc over a circumflex vowel (`ố ấ ế`, the misreading the
 *   recogniser is known to make) and the same letters with a hỏi (`ổ ẩ ể`) make a word of the
 *   list with a neighbour kept as read, it takes the hỏi (letters and length kept; its confidence
 *   as read);
 * - anything else stays as read. Most neighbours are two words, not one: a pair missing from the
 *   list says nothing by itself, and no other tone is ever proposed.
 */
import type { PlacedPage } from '../parser/layout';
import { type CapitalsResult, rewriteWords, spellingKey, type Word, wordsOf } from './capitals';
import { isPair, toneVariants, type WordPairs } from './wordPairs';

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/** Whether the word is one the rule may read: letters only, all small or all capitals. */
function readable(w: Word | undefined): w is Word {
  return w !== undefined && w.kind !== 'digits' && w.core !== '' && /^\p{L}+$/u.test(w.core) && !TITLE_CASE.test(w.core);
}

/** A word in title case followed, on its line, by a word in small letters: a sentence's first word. */
function opensSentence(w: Word, next: Word | undefined): boolean {
  return TITLE_CASE.test(w.core) && /^\p{L}+$/u.test(w.core) && next !== undefined && next.joined && readable(next) && next.core === next.core.toLowerCase();
}

/** A neighbour the pair is read with: a word of letters on the same line or paragraph, not a name. */
function neighbour(w: Word | undefined): w is Word {
  return readable(w);
}

/**
 * Whether the recogniser is known to read `variant` as `read`: a hỏi over a circumflex vowel
 * (`ổ ẩ ể`) read as a sắc (`ố ấ ế`). On the seen scans it did so 48 times in 328 such words
 * and never the other way (capitals.ts, `hoiOverSac`); other tones it misreads far less than it
 * reads them right, and a word list cannot tell those apart from two words side by side.
 */
function knownMisreading(read: string, variant: string): boolean {
  const r = read.normalize('NFD').toLowerCase();
  const v = variant.normalize('NFD').toLowerCase();
  return /\u0302\u0301/u.test(r) && /\u0302\u0309/u.test(v);
}

/**
 * `read` with the tone of `variant` (same letters): the tone goes where the reading put its tone,
 * so the document's tone placement is kept; a reading with no tone takes the variant's spelling.
 * In the letter case of `read`.
 */
export function retone(read: string, variant: string): string {
  const tone = spellingKey(variant).split('|')[1] ?? '';
  const nfd = read.normalize('NFD');
  const at = nfd.search(TONE);
  const out = at >= 0 ? (nfd.slice(0, at) + tone + nfd.slice(at + 1)).normalize('NFC') : variant.normalize('NFC');
  if (read === read.toUpperCase()) return out.toUpperCase();
  const lower = out.toLowerCase();
  return TITLE_CASE.test(read) ? lower[0]!.toUpperCase() + lower.slice(1) : lower;
}

/**
 * The pages with tones chosen as above; `corrected` counts the words whose tone changed. Letters
 * keep their number, so every offset into the text holds. Pages not read by OCR are left alone.
 */
export function chooseTones(text: string, pages: readonly PlacedPage[], pairs: WordPairs): CapitalsResult {
  const words = wordsOf(text, pages);
  const changes = new Map<number, { core: string; confidence: number }>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const opens = opensSentence(w, words[i + 1]);
    if (!readable(w) && !opens) continue;
    // A sentence's first word goes with the word after it, not with the sentence before.
    const left = !opens && w.joined && neighbour(words[i - 1]) ? words[i - 1]! : null;
    const right = words[i + 1]?.joined && neighbour(words[i + 1]) ? words[i + 1]! : null;
    if (!left && !right) continue;
    if ((left && isPair(pairs, left.core, w.core)) || (right && isPair(pairs, w.core, right.core))) continue;
    const variants = new Map<string, string>();
    for (const v of left ? toneVariants(pairs, left.core, w.core, 1) : []) if (knownMisreading(w.core, v)) variants.set(spellingKey(v), v);
    for (const v of right ? toneVariants(pairs, w.core, right.core, 0) : []) if (knownMisreading(w.core, v)) variants.set(spellingKey(v), v);
    // Only one tone is ever proposed (the hỏi), so there is one variant or none.
    if (variants.size !== 1) continue;
    const core = retone(w.core, [...variants.values()][0]!);
    if (core.length !== w.core.length) continue;
    changes.set(i, { core, confidence: w.confidence });
  }
  return rewriteWords(text, pages, words, changes);
}
