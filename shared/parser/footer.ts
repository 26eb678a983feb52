import { joinSplitCells } from './cells';
import { buildSegments, lineStartBefore, type Seg } from './clean';
import { splitMergedColumns } from './columns';
import { readList, type ListRead } from './lists';
import { endsRecipientList, findRecipientsLabel, readRecipients } from './recipients';
import { isAuthority } from './signature';
import type { DocRegion } from './region';
import { readSignature, type SignatureRead } from './signature';

/**
 * The bottom of a document: `Nơi nhận` and the signature. Only a window around them is cleaned,
 * so the cost does not grow with the body. The window is placed on the first `Nơi nhận` line
 * (looked for near the end first, where it nearly always is); without one, on the last lines.
 */

const BEFORE_LABEL = 1500;
const AFTER_LABEL = 5000;
const TAIL = 5000;
const NEAR_END = 40000;
const LABEL_RE = /^[ \t#*>_|-]{0,8}n[ơo]i[ \t]{1,4}nh[ậa]n(?=[\s:*]|$)/imu;

/** The label as usually spelt; the regex handles the rest (capitals, missing accents). */
const COMMON = ['Nơi nhận', 'NƠI NHẬN'];

function atLineStart(text: string, at: number): number {
  const ls = lineStartBefore(text, at);
  LABEL_RE.lastIndex = 0;
  const m = LABEL_RE.exec(text.slice(ls, Math.min(text.length, at + 20)));
  return m && m.index === 0 ? ls : -1;
}

/** `Nơi nhận:` inside a line: a footer a copy ran together (`… thi hành./. Nơi nhận: - Như điều 4; …`). */
const INLINE_LABEL_RE = /N[ơo]i nh[ậa]n ?:/g;

/** The first `Nơi nhận` line in `[from, to)`, looked for near the end first; -1 if none. */
function findLabel(text: string, from: number, to: number): number {
  const tailFrom = Math.max(from, to - NEAR_END);
  for (const word of COMMON) {
    // Fast path: plain search from the tail, then check the hit opens its line.
    for (let at = text.indexOf(word, tailFrom); at >= 0 && at < to; at = text.indexOf(word, at + 1)) {
      const ls = atLineStart(text, at);
      if (ls >= 0) return ls;
    }
  }
  const tailStart = tailFrom === from ? from : lineStartBefore(text, tailFrom);
  const near = LABEL_RE.exec(text.slice(tailStart, to));
  if (near) return tailStart + near.index;
  if (tailStart > from) {
    const any = LABEL_RE.exec(text.slice(from, to));
    if (any) return from + any.index;
  }
  INLINE_LABEL_RE.lastIndex = from;
  const inline = INLINE_LABEL_RE.exec(text);
  return inline && inline.index < to ? inline.index : -1;
}

export interface FooterRead {
  recipients: ListRead | null;
  signature: SignatureRead;
  segs: Seg[];
}

/** Reads the footer of the document in `region` (the whole text unless a page surrounds it). */
export function readFooter(text: string, region: DocRegion = { start: 0, end: text.length }): FooterRead {
  const label = findLabel(text, region.start, region.end);
  const midLine = label >= 0 && lineStartBefore(text, label) < label;
  const anchor = label >= 0 ? label - BEFORE_LABEL : region.end - TAIL;
  // A label inside a run-together line: the footer is read from it (the line before it is body).
  const from = midLine ? label : Math.max(region.start, lineStartBefore(text, Math.max(region.start, anchor)));
  const to = label >= 0 ? Math.min(region.end, label + AFTER_LABEL) : region.end;
  const segs = splitMergedColumns(joinSplitCells(buildSegments(text, from, to, Infinity, midLine ? wrappedParagraphEnd(text, from, to) : -1)));
  const labelIdx = findRecipientsLabel(segs);
  const recipients = readRecipients(segs, labelIdx) ?? unlabeledRecipients(segs);
  return { recipients, signature: readSignature(segs, labelIdx), segs };
}

/** Wrapped lines are nearly as long as the longest one before them; the paragraph's last is shorter. */
const WRAPPED_SHARE = 0.6;
const MIN_WRAPPED = 40;
const MAX_PARAGRAPH = 6000;

/**
 * `… thi hành./. Nơi nhận: - Như điều 4; - VP: …; - Lưu` / `TH-TĐ10b, VT-LT. TM. BAN BÍ THƯ …`: a
 * footer run together on one line, then wrapped by the PDF or scan it was printed to. From the
 * label's line, the following lines belong to the same paragraph while each line before them was
 * wrapped (about as long as the longest so far) and no blank line parts them: where that paragraph
 * ends, or -1 when the label's line is not a wrapped one.
 */
function wrappedParagraphEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + MAX_PARAGRAPH);
  let lineStart = lineStartBefore(text, from);
  let longest = 0;
  let end = -1;
  while (lineStart < limit) {
    let eol = text.indexOf('\n', lineStart);
    if (eol < 0 || eol > limit) eol = limit;
    const length = text.slice(lineStart, eol).trim().length;
    if (length === 0) break;
    if (end >= 0 && length < Math.max(MIN_WRAPPED, longest * WRAPPED_SHARE) && eol < limit) {
      // The paragraph's last line: shorter, and ends it.
      end = eol;
      break;
    }
    longest = Math.max(longest, length);
    if (longest < MIN_WRAPPED) return -1;
    end = eol;
    lineStart = eol + 1;
  }
  // A label line that is the whole paragraph needs no joining.
  return end > text.indexOf('\n', from) && text.indexOf('\n', from) >= 0 ? end : -1;
}

/**
 * A copy that lost the `Nơi nhận` label keeps its list in the left column beside the signing
 * authority (`- Như Điều 3; | TM. ỦY BAN NHÂN DÂN |`): read from the first such dash, and flagged.
 */
function unlabeledRecipients(segs: readonly Seg[]): ListRead | null {
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    const right = segs[i + 1]!;
    if (s.col === 0 && s.ncols > 1 && right.line === s.line && /^[-–+•]\s?\p{L}/u.test(s.text) && isAuthority(right)) {
      const list = readList(segs, i, null, { stop: endsRecipientList, firstColumnOnly: true });
      return list.items.length > 0 ? { items: list.items, doubtful: true } : null;
    }
  }
  return null;
}
