/**
 * The text of a scanned document, built from the words OCR found on its pages: lines as the
 * recogniser grouped them, a blank line between paragraphs, blocks and pages. Every word keeps
 * where it sits in that text (`start`/`end`), so a field the parser reads from the text can be
 * shown on the page where it was read.
 */
import type { PlacedPage, PlacedText } from '../parser/layout';

/** A word as recognised, in page units, with the recogniser's layout numbers. */
export interface RecognisedWord {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  confidence: number;
  block: number;
  paragraph: number;
  line: number;
}

export interface RecognisedPage {
  index: number;
  width: number;
  height: number;
  words: RecognisedWord[];
}

/** Mean word confidence weighted by the words' lengths (a stray mark counts less than a word). */
export function pageConfidence(words: readonly { text: string; confidence: number }[]): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    sum += w.confidence * w.text.length;
    weight += w.text.length;
  }
  return weight > 0 ? Math.round((sum / weight) * 10) / 10 : undefined;
}

/** A line of words as the recogniser grouped them. */
interface LineBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
  capitals: boolean;
}

function lineBox(words: readonly RecognisedWord[]): LineBox {
  const letters = words.map((w) => w.text).join('').replace(/[^\p{L}]/gu, '');
  return {
    top: Math.min(...words.map((w) => w.y)),
    bottom: Math.max(...words.map((w) => w.y + w.height)),
    left: Math.min(...words.map((w) => w.x)),
    right: Math.max(...words.map((w) => w.x + w.width)),
    capitals: letters.length >= 2 && !/\p{Ll}/u.test(letters),
  };
}

/**
 * Whether a line in capitals goes on the line in capitals just above it, though the recogniser
 * put it in a block or paragraph of its own: a title wrapped over lines printed a little apart
 * (`BAN HÀNH QUY CHẾ … THỦ TỤC HÀNH CHÍNH` / `THEO CƠ CHẾ` / `MỘT CỬA, …`) is one title, as a
 * saved text writes it. It stands below the line above, no further than a line's height, under
 * it (their widths overlap); a cell beside it (the header's other column) starts higher up.
 */
function continuesAbove(above: LineBox, below: LineBox): boolean {
  if (!above.capitals || !below.capitals) return false;
  const height = above.bottom - above.top;
  const gap = below.top - above.bottom;
  return gap >= -0.25 * height && gap <= height && Math.min(above.right, below.right) > Math.max(above.left, below.left);
}

/** Joins the pages' words into one text and the pages' positioned words with their ranges in it. */
export function ocrText(pages: readonly RecognisedPage[]): { text: string; pages: PlacedPage[] } {
  let text = '';
  const placed: PlacedPage[] = [];
  for (const page of pages) {
    const items: PlacedText[] = [];
    // The page's lines, so a paragraph break can look at the lines on both sides of it.
    const lineOf: number[] = [];
    const lines: RecognisedWord[][] = [];
    for (const [i, w] of page.words.entries()) {
      const p = page.words[i - 1];
      if (!p || w.block !== p.block || w.paragraph !== p.paragraph || w.line !== p.line) lines.push([]);
      lines[lines.length - 1]!.push(w);
      lineOf.push(lines.length - 1);
    }
    const boxes = lines.map(lineBox);
    let prev: RecognisedWord | null = null;
    for (const [i, w] of page.words.entries()) {
      if (prev === null) {
        if (text !== '') text += '\n\n';
      } else if (w.block !== prev.block || w.paragraph !== prev.paragraph) text += continuesAbove(boxes[lineOf[i]! - 1]!, boxes[lineOf[i]!]!) ? '\n' : '\n\n';
      else if (w.line !== prev.line) text += '\n';
      else text += ' ';
      const start = text.length;
      text += w.text;
      items.push({ text: w.text, x: w.x, y: w.y, width: w.width, height: w.height, confidence: w.confidence, start, end: text.length });
      prev = w;
    }
    const confidence = pageConfidence(page.words);
    placed.push({ index: page.index, width: page.width, height: page.height, source: 'ocr', items, ...(confidence !== undefined ? { confidence } : {}) });
  }
  return { text, pages: placed };
}
