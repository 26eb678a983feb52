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

/** Joins the pages' words into one text and the pages' positioned words with their ranges in it. */
export function ocrText(pages: readonly RecognisedPage[]): { text: string; pages: PlacedPage[] } {
  let text = '';
  const placed: PlacedPage[] = [];
  for (const page of pages) {
    const items: PlacedText[] = [];
    let prev: RecognisedWord | null = null;
    for (const w of page.words) {
      if (prev === null) {
        if (text !== '') text += '\n\n';
      } else if (w.block !== prev.block || w.paragraph !== prev.paragraph) text += '\n\n';
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
