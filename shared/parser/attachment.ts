import { fold } from '../text/fold';
import { buildSegments, lineStartBefore, type Seg } from './clean';
import { matchTypeName } from './lexicon';
import { isRecipientsLabel } from './recipients';
import { isAuthority, isPersonName, isTitleLine } from './signature';
import type { Citation } from './types';

/**
 * A text attached after a document: a Quy định, a list or a form printed after the signature of
 * the letter or decision that sends or issues it, under its own title and a caption naming that
 * document (`(Ban hành kèm theo Công văn số 66/NVĐP ngày … của Cục Lưu trữ Nhà nước)`).
 *
 * What tells it from a text that *is* the attachment (a Quy định saved from its title on, whose
 * caption names the decision that issued it, a document it cites) is what stands before it: the
 * document's end, its `Nơi nhận` or its signing authority. After that end, the caption names the
 * document itself (its number is no citation) and the attachment's title is not the document's.
 */

/** How far under a signer's title (past the `(đã ký)` note, a blank seal line) the name stands. */
const NAME_AFTER_TITLE = 4;

/**
 * The first of `list[0, to)` that ends a document: its `Nơi nhận` label, a signing authority
 * (`KT. CỤC TRƯỞNG`), or a signer's title with a person's name under it (`CỤC TRƯỞNG` / `(đã ký)` /
 * `Nguyễn Văn An`, a head of a body signing in its own name); -1 if none.
 */
export function documentEndIndex<T>(list: readonly T[], segOf: (t: T) => Seg, to = list.length): number {
  for (let i = 0; i < to && i < list.length; i++) {
    const seg = segOf(list[i]!);
    if (isRecipientsLabel(seg) || isAuthority(seg)) return i;
    if (!isTitleLine(seg)) continue;
    for (let j = i + 1; j <= i + NAME_AFTER_TITLE && j < list.length; j++) if (isPersonName(segOf(list[j]!).text)) return i;
  }
  return -1;
}

/** `(Ban hành kèm theo Công văn số ` up to a number: the caption's words, folded, from its line's start. */
const CAPTION_RE = /^[^a-z0-9]{0,3}(?:ban hanh\s)?kem theo\s(.{2,30}?)\s?(?:so)?\s?:?\s?$/;
/** How far before a caption the document's end is looked for. */
const END_WINDOW = 8000;
const END_SEGS = 300;

/** What a caption wrapped before its number leaves on the number's line: `số` at most. */
const WRAPPED_BEFORE_RE = /^[^\p{L}\p{N}]{0,3}(?:s[ốỐoO]\s?)?$/u;

/** The start of the caption whose number starts at `at`; -1 when `at` follows no caption. */
function captionLine(text: string, at: number): number {
  let ls = lineStartBefore(text, at);
  let before = text.slice(ls, at);
  // `(Ban hành kèm theo Công văn` / `số 66/NVĐP …`: a caption wrapped before its number.
  if (ls > 0 && WRAPPED_BEFORE_RE.test(before)) {
    const prev = lineStartBefore(text, ls - 1);
    before = `${text.slice(prev, ls - 1)} ${before}`;
    ls = prev;
  }
  if (before.length > 60) return -1;
  const m = CAPTION_RE.exec(fold(before));
  if (!m) return -1;
  const type = matchTypeName(m[1]!);
  return type && type.length >= m[1]!.trimEnd().length ? ls : -1;
}

/** Whether a document's end stands in `[from, to)`. */
function documentEndIn(text: string, from: number, to: number): boolean {
  return documentEndIndex(buildSegments(text, Math.max(from, to - END_WINDOW), to, END_SEGS), (s) => s) >= 0;
}

/**
 * Removes from `citations` (in place) a number first written in an attachment's caption after the
 * document's end: the document the attachment is attached to, not one it cites. One the body cited
 * before stays (the caption names a decision the letter sends on).
 */
export function dropHostCaptions(text: string, regionStart: number, citations: Citation[]): void {
  let w = 0;
  for (const c of citations) {
    const ls = captionLine(text, c.span.start);
    if (ls > regionStart && documentEndIn(text, regionStart, ls)) continue;
    citations[w++] = c;
  }
  citations.length = w;
}
