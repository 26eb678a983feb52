import { subSeg, type Seg } from './clean';
import { isCapitals, startsWithWord, TITLE_HEADS } from './lexicon';
import { isPersonName } from './signature';

/**
 * Some converters (pdf.js, copy-paste from a viewer) put the two bottom columns on one line with
 * a single space between them: `Nơi nhận: T/M BAN THƯỜNG VỤ`, `- Như trên, PHÓ BÍ THƯ`. Without a
 * wide gap to split on, the right column is recognised by what it is — an authority (`T/M …`) or a
 * known title in capitals after the recipient's punctuation — and cut off into its own cell.
 */

const AUTHORITY_IN_LINE_RE = /\s(?=(?:T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\.)\s?\p{Lu})/u;
/**
 * The authorities' marks alone, as plain text: every footer line is asked, and most hold none, which
 * this search (no look-ahead from every space) says at once.
 */
const AUTHORITY_MARK_RE = /T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\./;
/** A recipient ends with `,` `;` `.` or `)`; a title may follow it on the same line. */
const AFTER_ITEM_RE = /[,;.)]\s(?=\p{Lu})/gu;

function asColumns(left: Seg, right: Seg): Seg[] {
  left.col = 0;
  right.col = 1;
  left.ncols = right.ncols = 2;
  return [left, right];
}

/** A title in capitals glued to the signer's name: `CHÁNH VĂN PHÒNGThái Hữu Phép`. */
const GLUED_NAME_RE = /(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/u;
const SURROGATE_RE = /[\ud800-\udfff]/;
const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;

/** `\p{Lu}` (1), `\p{Ll}` (2) or neither (3) per BMP unit, filled as units are met (0: not yet asked). */
const LETTER_CASE = new Uint8Array(0x10000);

function letterCase(c: number): number {
  let k = LETTER_CASE[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LU.test(ch) ? 1 : LL.test(ch) ? 2 : 3;
    LETTER_CASE[c] = k;
  }
  return k;
}

/**
 * Where {@link GLUED_NAME_RE} first matches in `text` (after two capitals, a capital then a small
 * letter), or -1. Every line of a footer's window is asked, body paragraphs included, and the
 * expression's look-behind at every place cost four fifths of the footer's column splitting; a
 * scan over a table of letter cases answers the same. A text with a surrogate is left to it.
 */
export function gluedNameAt(text: string): number {
  if (SURROGATE_RE.test(text)) return GLUED_NAME_RE.exec(text)?.index ?? -1;
  let capitalsBefore = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    if (letterCase(text.charCodeAt(i)) !== 1) {
      capitalsBefore = 0;
      continue;
    }
    if (capitalsBefore >= 2 && letterCase(text.charCodeAt(i + 1)) === 2) return i;
    capitalsBefore++;
  }
  return -1;
}

function splitOne(seg: Seg): Seg[] {
  const glued = gluedNameAt(seg.text);
  if (glued >= 0 && isCapitals(seg.text.slice(0, glued), 2) && isPersonName(seg.text.slice(glued))) {
    return [subSeg(seg, 0, glued), subSeg(seg, glued)];
  }
  if (seg.ncols > 1 || seg.text.length < 6) return [seg];
  const auth = AUTHORITY_MARK_RE.test(seg.text) ? AUTHORITY_IN_LINE_RE.exec(seg.text) : null;
  if (auth && auth.index > 0 && isCapitals(seg.text.slice(auth.index + 1), 2)) {
    return asColumns(subSeg(seg, 0, auth.index), subSeg(seg, auth.index + 1));
  }
  if (!/^[-–—+•]/.test(seg.text)) return [seg];
  let cut = -1;
  AFTER_ITEM_RE.lastIndex = 0;
  for (let m = AFTER_ITEM_RE.exec(seg.text); m; m = AFTER_ITEM_RE.exec(seg.text)) cut = m.index + m[0].length;
  if (cut < 0) return [seg];
  const tail = subSeg(seg, cut);
  if (!isCapitals(tail.text, 3) || !startsWithWord(tail.folded, TITLE_HEADS)) return [seg];
  return asColumns(subSeg(seg, 0, cut), tail);
}

/** Splits single-spaced two-column lines of the footer; other segments are returned as they are. */
export function splitMergedColumns(segs: readonly Seg[]): Seg[] {
  const out: Seg[] = [];
  for (const seg of segs) for (const s of splitOne(seg)) out.push(s);
  return out;
}

