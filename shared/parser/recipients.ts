import { subSeg, textIndex, type Seg } from './clean';
import { isCapitals, startsWithWord, TITLE_HEADS } from './lexicon';
import { readList, type ListRead } from './lists';
import { spanOf } from './piece';
import { isAuthority } from './signature';
import { isVietnameseSyllable } from '../text/syllables';

/**
 * Nơi nhận: the distribution list at the bottom left, one recipient per line, the last usually
 * `Lưu Văn phòng …`. The signature block stands at its right; when a converter keeps the two
 * columns on one line, only the first column is read here.
 */

const LABEL_RE = /^noi nhan\s?:?\s?/;

/** Whether `s` is the `Nơi nhận:` label (with the list's first item after it, or not). */
export function isRecipientsLabel(s: Seg): boolean {
  return s.col === 0 && LABEL_RE.test(s.folded) && s.text.length < 200;
}

/** Where the text after the `Nơi nhận:` label starts in its segment (its length when none follows). */
export function afterRecipientsLabel(s: Seg): number {
  const m = LABEL_RE.exec(s.folded);
  return !m || m[0].length >= s.folded.length ? s.text.length : textIndex(s, m[0].length);
}

/** Index of the `Nơi nhận:` segment, or -1. */
export function findRecipientsLabel(segs: readonly Seg[]): number {
  return segs.findIndex(isRecipientsLabel);
}

export function endsRecipientList(seg: Seg): boolean {
  // The signature (authority, title, a name in capitals) and any new heading end the list.
  return (isCapitals(seg.text, 2) && !/^[-–+•]/.test(seg.text)) || /^(kinh gui|noi nhan)/.test(seg.folded);
}

/** The signature's authority or title, which a reading order may put between the recipients. */
function isSignatureLine(seg: Seg): boolean {
  return isAuthority(seg) || (isCapitals(seg.text, 2) && seg.text.length <= 60 && startsWithWord(seg.folded, TITLE_HEADS));
}

/**
 * A heading over part of the list: `Bản giấy:` and `Bản điện tử:` split the copies sent on paper
 * from those sent electronically. A few words ending in a colon, no bullet, not in capitals.
 */
const SUB_HEADING_MAX = 24;
function isListHeading(seg: Seg): boolean {
  return seg.text.length <= SUB_HEADING_MAX && /^\p{Lu}[^:]*:$/u.test(seg.text) && !isCapitals(seg.text, 2);
}

export function readRecipients(segs: readonly Seg[], labelIdx: number): ListRead | null {
  if (labelIdx < 0) return null;
  const label = segs[labelIdx]!;
  const m = LABEL_RE.exec(label.folded)!;
  const inline = subSeg(label, textIndex(label, m[0].length));
  // `Nơi nhận: CHỦ TỊCH`: the signature's cell on the label's row, no recipient.
  const first = isSignatureLine(inline) && !/^[-–+•]/.test(inline.text) ? null : inline;
  const list = readList(segs, labelIdx + 1, first, { stop: endsRecipientList, firstColumnOnly: true, interleaved: isSignatureLine, subHeading: isListHeading });
  return withoutCutLastItem(segs, list);
}

/**
 * A last item the copy's end cuts inside a word (`- Các đơn vị trường h`, the page saved no
 * further) is what is left of a recipient, not one: it is left out and the list, incomplete, goes
 * to review. Only an item that ends the text, with no list punctuation, whose last word is in lower
 * case and no syllable (a lone consonant, `ph`, `trườ`); an abbreviation (`VT`, `TH`) is whole.
 */
function withoutCutLastItem(segs: readonly Seg[], list: ListRead): ListRead {
  const last = list.items[list.items.length - 1];
  const end = last ? spanOf(last)?.end : undefined;
  const lastSeg = segs[segs.length - 1];
  if (!last || end === undefined || !lastSeg || spanOf(lastSeg)?.end !== end) return list;
  const word = /(\p{L}+)$/u.exec(last.text)?.[1] ?? '';
  if (!/^\p{Ll}+$/u.test(word) || isVietnameseSyllable(word)) return list;
  return { items: list.items.slice(0, -1), doubtful: true };
}
