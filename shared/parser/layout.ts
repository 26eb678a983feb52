/**
 * Positioned text: what a page looks like when the reader knows where each word sits.
 *
 * A party or State header is a two-column table (issuer and number on the left, the party line or
 * national motto and the place-date on the right). Read in reading order, the columns interleave;
 * read from positions, they never do. Every reader that knows positions produces this one shape:
 * OCR (word boxes), PDF text layers (pdf.js text items with their x/y) and Word files (table
 * cells, placed on a grid). Pure data: no platform API, so it crosses worker boundaries as is.
 */

/** One word or text run on a page. Page units, origin at the top left, y growing downwards. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** OCR only: the recogniser's confidence for this word, 0–100. */
  confidence?: number;
  /**
   * Where this text sits in the document's text (half-open UTF-16 offsets), when the reader built
   * that text from these items (OCR does): lets a field's span be mapped back to boxes on the page.
   */
  start?: number;
  end?: number;
}

/** Where a page's positions came from. */
export type PlacedSource = 'ocr' | 'pdf' | 'docx';

/** One page of positioned text. */
export interface PlacedPage {
  /** 0-based page index in the original. */
  index: number;
  width: number;
  height: number;
  source: PlacedSource;
  /** In reading order as the reader produced it. */
  items: PlacedText[];
  /** OCR only: mean word confidence of the page, 0–100. */
  confidence?: number;
}
