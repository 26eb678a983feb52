import { makeJoined, placedSeg, subSeg, type Seg } from './clean';
import { BODY_HEADS, isCapitals, startsWithWord } from './lexicon';
import { afterRecipientsLabel, isRecipientsLabel } from './recipients';
import { isAuthority, isPersonName, isSignedNote, isTitleLine, opensTitleCompound } from './signature';

/**
 * A reading that takes the footer's two columns row by row, line by line (an OCR pass, a text
 * layer), leaves the signature's cells among the recipients' lines:
 *
 *     Nơi nhận: GIÁM              ← a title a narrow cell wrapped, its first part beside the label
 *     ĐỐC
 *     - Như trên;
 *     (đã ký)                     ← the signed note on a line of its own
 *     - Phòng, ban Sở; Lê         ← the name's first word on a recipient's row
 *     Hồng Sơn
 *     - Lưu: VT. Nguyễn Văn An    ← the name on the last recipient's row
 *
 * Those cells are moved to the right column (`col` 1), where the recipients' reader leaves them and
 * the signature's reader finds them, the wrapped title joined. A text layer may also put each word
 * of a justified recipient's line in a cell of its own (`–` / `BGĐ` / `Sở` / `GD&ĐT;`): joined back.
 */

const BULLET_RE = /^[-–—+•·]/;
const BARE_BULLET_RE = /^[-–—+•·]$/;
/** A recipient's row ending in a capitalised word after the item's punctuation: `…; Lê`. */
const NAME_START_RE = /[,;.]\s+(\p{Lu}\p{Ll}{0,6})$/u;

function inColumn(seg: Seg, col: number): Seg {
  return placedSeg(seg, seg.line, col, 2, seg.blankBefore);
}

/** The title's first part beside the label and its rest on the next line, joined; null if not so. */
function wrappedTitle(part: Seg, next: Seg | undefined): Seg | null {
  if (!next || next.line <= part.line || next.ncols > 1 || BULLET_RE.test(next.text)) return null;
  const words = part.text.split(/\s+/);
  if (words.length > 3 || !isCapitals(part.text, 2) || !opensTitleCompound(words[words.length - 1]!)) return null;
  if (!isCapitals(next.text, 2) || next.text.split(/\s+/).length > 2 || /\d/.test(next.text) || isAuthority(next)) return null;
  const joined = makeJoined(part, next);
  return isTitleLine(joined) ? inColumn(joined, 1) : null;
}

/** The label's row with a wrapped title beside it: the label, the joined title; and how many segments they took. */
function labelRow(segs: readonly Seg[], i: number): { row: Seg[]; took: number } | null {
  const label = segs[i]!;
  const cut = afterRecipientsLabel(label);
  if (cut < label.text.length) {
    const title = wrappedTitle(subSeg(label, cut), segs[i + 1]);
    return title ? { row: [inColumn(subSeg(label, 0, cut), 0), title], took: 2 } : null;
  }
  const cell = segs[i + 1];
  if (!cell || cell.line !== label.line || cell.col !== 1) return null;
  const title = wrappedTitle(cell, segs[i + 2]);
  return title ? { row: [label, title], took: 3 } : null;
}

/** A recipient's row whose right part is a name's first word, the rest of the name on the next line. */
function nameRow(segs: readonly Seg[], i: number): { row: Seg[]; took: number } | null {
  const seg = segs[i]!;
  if (seg.col !== 0 || !BULLET_RE.test(seg.text)) return null;
  let rowEnd = i + 1;
  while (rowEnd < segs.length && segs[rowEnd]!.line === seg.line) rowEnd++;
  const rest = segs[rowEnd];
  if (!rest || rest.ncols > 1 || BULLET_RE.test(rest.text)) return null;
  // A body's word (`Sở`, `Ban`) opens no name: `- Như trên; Sở` / `Nội vụ;` is one recipient.
  const isName = (first: Seg): boolean => {
    const name = `${first.text} ${rest.text}`;
    return !startsWithWord(first.folded, BODY_HEADS) && isPersonName(name) && name.split(/\s+/).length >= 3;
  };
  // The name's first word in a cell of its own beside the recipient (`– Phòng, ban Sở;` | `Lê`).
  if (rowEnd === i + 2 && segs[i + 1]!.col === 1 && isName(segs[i + 1]!)) {
    return { row: [seg, segs[i + 1]!, inColumn(rest, 1)], took: 3 };
  }
  const m = rowEnd === i + 1 ? NAME_START_RE.exec(seg.text) : null;
  if (!m) return null;
  const at = seg.text.length - m[1]!.length;
  const first = subSeg(seg, at);
  return isName(first) ? { row: [inColumn(subSeg(seg, 0, at), 0), inColumn(first, 1), inColumn(rest, 1)], took: 2 } : null;
}

/** Where a name may follow a recipient on its row: after the item's punctuation and one space. */
const AFTER_ITEM_RE = /[,;.]\s(?=\p{Lu})/gu;

/**
 * The list's last row with the signer's name after the item (`- Lưu: VT. Nguyễn Văn An`): a copy
 * kept the bottom row of both columns on one line with one space. Only the last row (no bullet
 * after it), and only a person's name (no body's word, not `Như …`) to the row's end.
 */
function lastRowName(segs: readonly Seg[], i: number): { row: Seg[]; took: number } | null {
  const seg = segs[i]!;
  if (seg.col !== 0 || seg.ncols > 1 || !BULLET_RE.test(seg.text)) return null;
  const next = segs[i + 1];
  if (next && BULLET_RE.test(next.text)) return null;
  let cut = -1;
  AFTER_ITEM_RE.lastIndex = 0;
  for (let m = AFTER_ITEM_RE.exec(seg.text); m; m = AFTER_ITEM_RE.exec(seg.text)) cut = m.index + m[0].length;
  if (cut < 0) return null;
  const name = subSeg(seg, cut);
  if (!isPersonName(name.text) || startsWithWord(name.folded, [...BODY_HEADS, 'nhu'])) return null;
  return { row: [inColumn(subSeg(seg, 0, cut), 0), inColumn(name, 1)], took: 1 };
}

/** A bare bullet's row whose words a text layer put in cells: the cells up to the item's punctuation joined. */
function bulletCells(segs: readonly Seg[], i: number): { row: Seg[]; took: number } | null {
  const seg = segs[i]!;
  if (seg.col !== 0 || seg.ncols < 2 || !BARE_BULLET_RE.test(seg.text)) return null;
  let joined = seg;
  let k = i + 1;
  while (k < segs.length && segs[k]!.line === seg.line) {
    joined = makeJoined(joined, segs[k]!);
    if (/[,;.]$/.test(segs[k++]!.text)) break;
  }
  let rowEnd = k;
  while (rowEnd < segs.length && segs[rowEnd]!.line === seg.line) rowEnd++;
  return { row: [placedSeg(joined, joined.line, joined.col, 1 + rowEnd - k, joined.blankBefore), ...segs.slice(k, rowEnd)], took: rowEnd - i };
}

/** The footer's segments with the signature's cells on recipients' rows moved to the right column. */
export function separateSignatureCells(segs: readonly Seg[]): Seg[] {
  const label = segs.findIndex(isRecipientsLabel);
  if (label < 0) return segs as Seg[];
  const out = segs.slice(0, label);
  for (let i = label; i < segs.length; ) {
    const seg = segs[i]!;
    const read = (i === label ? labelRow(segs, i) : null) ?? nameRow(segs, i) ?? lastRowName(segs, i) ?? bulletCells(segs, i);
    if (read) {
      out.push(...read.row);
      i += read.took;
      continue;
    }
    out.push(seg.ncols === 1 && isSignedNote(seg) ? inColumn(seg, 1) : seg);
    i++;
  }
  return out;
}
