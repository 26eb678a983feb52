/**
 * Where on the page a field was read: the parser gives each field's spans in the document's text,
 * OCR gives each word's range in that text and its box on the page; a span's boxes are those of
 * the words it covers. A field read from words the recogniser was unsure of waits for review.
 */
import type { ErrorMessage } from '../contract/errors';
import type { PlacedPage } from '../parser/layout';
import type { MetadataField, ParseResult, TextSpan } from '../parser/types';

/** A word's box on a page, in the page's units (see `PlacedPage`). */
export interface PageBox {
  /** 0-based page index. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** OCR confidence of the word, 0–100, when read by OCR. */
  confidence?: number;
}

/** Below this word confidence (0–100) a field read from the word is doubtful. */
export const LOW_OCR_CONFIDENCE = 70;

/** Why a field read from poorly recognised words waits for review (worded by `errors/importNotes.ts`). */
export function lowConfidenceReason(confidence: number): ErrorMessage {
  return { code: 'review.lowOcrConfidence', params: { percent: Math.round(confidence) } };
}

/** The boxes of the words whose ranges overlap a span. */
export function boxesOfSpan(pages: readonly PlacedPage[], span: TextSpan): PageBox[] {
  const out: PageBox[] = [];
  for (const page of pages) {
    for (const w of page.items) {
      if (w.start === undefined || w.end === undefined || w.end <= span.start || w.start >= span.end) continue;
      out.push({ page: page.index, x: w.x, y: w.y, width: w.width, height: w.height, ...(w.confidence !== undefined ? { confidence: w.confidence } : {}) });
    }
  }
  return out;
}

export interface FieldPlace {
  field: string;
  boxes: PageBox[];
  /** The lowest word confidence among the boxes (OCR only). */
  confidence: number | null;
}

/** Each field with spans, and the boxes where it was read. */
export function fieldPlaces(pages: readonly PlacedPage[], spans: Readonly<Record<string, readonly TextSpan[] | undefined>>): FieldPlace[] {
  const out: FieldPlace[] = [];
  for (const [field, list] of Object.entries(spans)) {
    if (!list || list.length === 0) continue;
    const boxes = list.flatMap((s) => boxesOfSpan(pages, s));
    const confidences = boxes.flatMap((b) => (b.confidence !== undefined ? [b.confidence] : []));
    out.push({ field, boxes, confidence: confidences.length > 0 ? Math.min(...confidences) : null });
  }
  return out;
}

/** Fields read (at least in part) from words below the confidence threshold, with the reason to store. */
export function lowConfidenceFields(
  pages: readonly PlacedPage[],
  spans: Readonly<Record<string, readonly TextSpan[] | undefined>>,
  threshold = LOW_OCR_CONFIDENCE,
): Record<string, ErrorMessage> {
  const reasons: Record<string, ErrorMessage> = {};
  for (const place of fieldPlaces(pages, spans)) {
    if (place.confidence !== null && place.confidence < threshold) reasons[place.field] = lowConfidenceReason(place.confidence);
  }
  return reasons;
}

/**
 * The parse of an OCR-read text with the fields read from doubtful words added to its review list;
 * returns the reasons to store with the document (`reviewReasons`).
 */
export function reviewOcrFields(parsed: ParseResult, pages: readonly PlacedPage[] | undefined): Record<string, ErrorMessage> {
  if (!pages || !pages.some((p) => p.source === 'ocr')) return {};
  const reasons = lowConfidenceFields(pages, parsed.spans);
  for (const field of Object.keys(reasons) as MetadataField[]) if (!parsed.review.includes(field)) parsed.review.push(field);
  return reasons;
}
