import { joinSplitCells } from './cells';
import { buildSegments, lineStartBefore, wrappedParagraphEnd, type Seg } from './clean';
import { splitMergedColumns } from './columns';
import { separateSignatureCells } from './footerRows';
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
  const segs = separateSignatureCells(splitMergedColumns(joinSplitCells(buildSegments(text, from, to, Infinity, midLine ? wrappedParagraphEnd(text, from, to) : -1))));
  const labelIdx = findRecipientsLabel(segs);
  const recipients = readRecipients(segs, labelIdx) ?? unlabeledRecipients(segs);
  return { recipients, signature: readSignature(segs, labelIdx), segs };
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
