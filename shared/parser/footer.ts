import { buildSegments, lineStartBefore, type Seg } from './clean';
import { splitMergedColumns } from './columns';
import type { ListRead } from './lists';
import { findRecipientsLabel, readRecipients } from './recipients';
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

function findLabel(text: string): number {
  const tailFrom = Math.max(0, text.length - NEAR_END);
  for (const word of COMMON) {
    // Fast path: plain search from the tail, then check the hit opens its line.
    for (let at = text.indexOf(word, tailFrom); at >= 0; at = text.indexOf(word, at + 1)) {
      const ls = atLineStart(text, at);
      if (ls >= 0) return ls;
    }
  }
  const tailStart = tailFrom === 0 ? 0 : lineStartBefore(text, tailFrom);
  const near = LABEL_RE.exec(text.slice(tailStart));
  if (near) return tailStart + near.index;
  if (tailStart === 0) return -1;
  const any = LABEL_RE.exec(text);
  return any ? any.index : -1;
}

export interface FooterRead {
  recipients: ListRead | null;
  signature: SignatureRead;
  segs: Seg[];
}

export function readFooter(text: string): FooterRead {
  const label = findLabel(text);
  const anchor = label >= 0 ? label - BEFORE_LABEL : text.length - TAIL;
  const from = lineStartBefore(text, Math.max(0, anchor));
  const to = label >= 0 ? Math.min(text.length, label + AFTER_LABEL) : text.length;
  const segs = splitMergedColumns(buildSegments(text, from, to));
  const labelIdx = findRecipientsLabel(segs);
  return { recipients: readRecipients(segs, labelIdx), signature: readSignature(segs, labelIdx), segs };
}
