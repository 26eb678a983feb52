import type { PlacedPage } from './layout';

/**
 * Positioned words tied to the document's text. A reader that knows positions (OCR, a PDF's text
 * layer, a Word table) gives items in its reading order, and the document's text is made from the
 * same items; each item's words are found in the text in that order, so whatever is read from
 * positions can still be pointed at in the text. A word the text does not have where expected is
 * left out (and counted, so a page whose items do not match its text is not used at all).
 */

export interface PlacedWord {
  text: string;
  /** Offset of the word in the document's text. */
  start: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AlignedPage {
  words: PlacedWord[];
  /** Words of the items looked at, and how many were found in the text. */
  looked: number;
  found: number;
  width: number;
  height: number;
}

/** How far ahead of the last word found the next one may be (a line break, a stray mark). */
const WINDOW = 400;
/** Items looked at: a header is within the first few hundred words of its page. */
const MAX_WORDS = 600;

const WORD_RE = /\S+/g;

/** Aligns the words of `page` with `text`, from offset `from` on. */
export function alignPage(text: string, page: PlacedPage, from = 0): AlignedPage {
  const words: PlacedWord[] = [];
  let looked = 0;
  let cursor = from;
  for (const item of page.items) {
    if (looked >= MAX_WORDS) break;
    const t = item.text.normalize('NFC');
    if (t.length === 0) continue;
    // A reader that built the text from its items says where each one is (OCR does).
    const base = item.start !== undefined && text.startsWith(t, item.start) ? item.start : -1;
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(t); m && looked < MAX_WORDS; m = WORD_RE.exec(t)) {
      looked++;
      const w = m[0];
      const at = base >= 0 ? base + m.index : text.indexOf(w, cursor);
      if (at < 0 || (base < 0 && at - cursor > WINDOW)) continue;
      // The item's box shared by its characters: a PDF item may hold several words.
      const share = item.width / t.length;
      words.push({
        text: w,
        start: at,
        x: item.x + m.index * share,
        y: item.y,
        width: Math.max(share * w.length, 1e-6),
        height: item.height,
      });
      cursor = at + w.length;
    }
  }
  return { words, looked, found: words.length, width: page.width, height: page.height };
}
