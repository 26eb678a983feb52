/**
 * How the review queue shows a flagged field: its value, why it waits, and the text around the place
 * the parser found it (spans are offsets into the document's full text, as stored at import).
 */
import type { ReviewExcerpt, ReviewField, ReviewReason } from '../contract/types/importing';
import type { TextSpan } from '../parser/types';
import { readStoredText } from '../contract/errors/stored';

const CONTEXT_CHARS = 80;
const MAX_MATCH_CHARS = 400;

function isSpan(v: unknown): v is TextSpan {
  const s = v as TextSpan;
  return typeof v === 'object' && v !== null && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start;
}

/** The stored spans of a field, dropping anything malformed or outside the text. */
export function spansOf(parseInfo: Record<string, unknown> | null, field: string, textLength: number): TextSpan[] {
  const all = parseInfo?.['spans'];
  if (typeof all !== 'object' || all === null) return [];
  const list = (all as Record<string, unknown>)[field];
  if (!Array.isArray(list)) return [];
  return list.filter(isSpan).filter((s) => s.end <= textLength);
}

/** The text around a span, cut at spaces, with the found part itself (shortened if very long). */
export function excerptAt(text: string, span: TextSpan): ReviewExcerpt {
  let from = Math.max(0, span.start - CONTEXT_CHARS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < span.start) from = space + 1;
  }
  let to = Math.min(text.length, span.end + CONTEXT_CHARS);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  const match = text.slice(span.start, span.end);
  // Blank lines between header lines would make a tall, mostly empty excerpt: keep one break.
  const tidy = (s: string) => s.replace(/[ \t]*\n\s*/g, '\n');
  return {
    before: (from > 0 ? '…' : '') + tidy(text.slice(from, span.start)).replace(/^\n+/, ''),
    match: match.length > MAX_MATCH_CHARS ? `${match.slice(0, MAX_MATCH_CHARS)}…` : match,
    after: tidy(text.slice(span.end, to)).replace(/\n+$/, '') + (to < text.length ? '…' : ''),
  };
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && v.trim() === '');
}

/**
 * One flagged field of a document. `reasons` are the stored reasons (`parse_info.reviewReasons`,
 * e.g. a scan waiting for OCR, a probable duplicate of a document already held); otherwise an empty
 * field is `empty` and a filled one `doubtful`.
 */
export function reviewField(field: string, value: unknown, text: string, parseInfo: Record<string, unknown> | null): ReviewField {
  const reasons = parseInfo?.['reviewReasons'];
  const stored = typeof reasons === 'object' && reasons !== null ? (reasons as Record<string, unknown>)[field] : undefined;
  // The importer stores which document a probable duplicate may be, beside the number-symbol's reason.
  const duplicate = field === 'numberSymbol' && typeof parseInfo?.['probableDuplicateOf'] === 'number';
  const reason: ReviewReason = duplicate ? 'duplicate' : stored !== undefined ? 'ocr' : isEmptyValue(value) ? 'empty' : 'doubtful';
  const spans = spansOf(parseInfo, field, text.length);
  const note = readStoredText(stored);
  return {
    field,
    value: value ?? null,
    reason,
    ...(note.message !== null ? { note: note.message } : {}),
    ...(note.text ? { noteText: note.text } : {}),
    spans,
    excerpt: spans.length > 0 ? excerptAt(text, spans[0]!) : null,
  };
}
