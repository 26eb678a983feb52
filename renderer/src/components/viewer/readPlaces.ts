/**
 * What to draw over a scanned page (pure: tested in plain Node). A scan has no text in the page to
 * mark, so the words OCR read are marked by their boxes instead: the words a field was read from,
 * and the words of the search that led here. Boxes are in the page's own units (image pixels, PDF
 * points at scale 1); the viewer multiplies them by its scale.
 *
 * The boxes belong to the original whose text the record holds: the first one attached (a later
 * original of the same document keeps the record's text). Over any other original nothing is drawn.
 */
import type { DocumentPages, OcrPage } from '@shared/contract/types/ocr';
import { fold } from '@shared/text/fold';

export interface DrawnBox {
  kind: 'read' | 'search';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Word confidence 0–100 (null when unknown). */
  confidence: number | null;
  /** Read from words below the review threshold. */
  low: boolean;
}

/** The original the OCR pages were read from: the first attached. */
export function pagesBelongTo(attachments: readonly { id: number }[]): number | null {
  let first: number | null = null;
  for (const a of attachments) if (first === null || a.id < first) first = a.id;
  return first;
}

const ocrPage = (pages: DocumentPages, index: number): OcrPage | undefined => pages.pages.find((p) => p.index === index && p.source === 'ocr');

/** A word as search compares it: folded, without the punctuation around it (`Số:`, `1485-KL/TU,`). */
const bare = (word: string): string => fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The 1-based page where a field was first read by OCR, or null. */
export function pageOfField(pages: DocumentPages | null, field: string | null): number | null {
  if (!pages || !field) return null;
  const place = pages.fields.find((f) => f.field === field);
  for (const box of place?.boxes ?? []) if (ocrPage(pages, box.page)) return box.page + 1;
  return null;
}

/** The boxes on page `page` (1-based): where `field` was read, and the words matching `searchTerms`. */
export function boxesOnPage(pages: DocumentPages | null, page: number, field: string | null, searchTerms: readonly string[]): DrawnBox[] {
  if (!pages) return [];
  const index = page - 1;
  const shown = ocrPage(pages, index);
  if (!shown) return [];
  const out: DrawnBox[] = [];
  const place = field ? pages.fields.find((f) => f.field === field) : undefined;
  for (const b of place?.boxes ?? []) {
    if (b.page !== index) continue;
    out.push({ kind: 'read', x: b.x, y: b.y, width: b.width, height: b.height, confidence: b.confidence, low: b.confidence !== null && b.confidence < pages.threshold });
  }
  // Each word of the search on its own, as the text view marks them; one letter would mark half the page.
  const wanted = new Set(searchTerms.flatMap((t) => t.split(/\s+/)).map(bare).filter((w) => w.length >= 2));
  if (wanted.size > 0) {
    for (const w of shown.words) {
      if (!wanted.has(bare(w.text))) continue;
      out.push({ kind: 'search', x: w.x, y: w.y, width: w.width, height: w.height, confidence: w.confidence, low: false });
    }
  }
  return out;
}
