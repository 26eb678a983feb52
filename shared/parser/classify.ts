import type { DocTypeInfo } from '../domain/docTypes';
import { subSeg, textIndex, type Seg } from './clean';
import { readPlaceDate, type PlaceDate } from './dateLine';
import { fold } from '../text/fold';
import { BODY_HEADS, firstLetter, isCapitals, matchTypeName, startsLowercase, startsWithWord } from './lexicon';
import { readMark, type Mark } from './marks';
import { readNumberLine, type NumberRead } from './numberLine';

/**
 * Sorts the segments at the top of a document into the parts of the party layout (domain.md):
 * motto, issuer lines, `*`, number, place-and-date, marks, type word, `Kính gửi`, title text, body.
 *
 * Converters sometimes put two header cells on one line (`TỈNH ỦY ĐẮK LẮK ĐẢNG CỘNG SẢN VIỆT NAM`,
 * `Số 12-KL/TU Đắk Lắk, ngày …`); such a segment is split and each part classified.
 */

export type Kind =
  | 'motto'
  | 'star'
  | 'sep'
  | 'number'
  | 'placeDate'
  | 'mark'
  | 'type'
  | 'kinhGui'
  /** Capitals opening with a party body word (`TỈNH ỦY …`, `BAN TỔ CHỨC`). */
  | 'body'
  /** Other capitals (`CỦA BAN THƯỜNG VỤ TỈNH ỦY`, a wrapped `TỈNH ĐẮK LẮK`). */
  | 'caps'
  /** A body paragraph: long, or numbered (`1.`, `II-`, `(3)`). */
  | 'prose'
  | 'text';

export interface TypeLine {
  info: DocTypeInfo;
  /** The type word as printed. */
  word: Seg;
  /** What follows the type word on the same line (`CỦA BAN THƯỜNG VỤ TỈNH ỦY`), if anything. */
  rest: Seg | null;
}

export interface Item {
  kind: Kind;
  seg: Seg;
  /** Index of the source segment (several items may share one). */
  segIndex: number;
  number?: NumberRead;
  placeDate?: PlaceDate;
  mark?: Mark;
  type?: TypeLine;
}

/**
 * The party line and the State's national name and motto (folded). Copies lose the dashes or the
 * spaces (`Độc lập  Tự do  Hạnh phúc`, `XàHỘI`) or print en dashes; the words are what count.
 */
const MOTTO_RE = /dang cong san viet nam|cong hoa ?xa ?hoi ?chu ?nghia ?viet ?nam|doc ?lap ?[-–—]? ?tu ?do ?[-–—]? ?hanh ?phuc/;
/** A motto cut by a hard line break: its head at the end of a line … */
const MOTTO_HEAD_RE = /(?:^|\s)(?:dang cong san(?: viet)?|cong hoa(?: xa hoi(?: chu(?: nghia)?)?)?|doc lap ?[-–—]?(?: ?tu do ?[-–—]?)?)$/;
/** … and its tail at the start of the next. */
const MOTTO_TAIL_RE = /^(?:(?:(?:(?:xa hoi )?chu )?nghia )?viet nam|(?:[-–—] ?)?(?:tu do ?[-–—]? ?)?hanh phuc)(?=\s|$)/;
const NUMBERED_RE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\s?[.)/-]|[IVX]{1,5}\s?[.\-/]|\(\d{1,2}\)|[a-zđ]\))\s/u;
const KINH_GUI_RE = /^[-–+•\s]{0,4}kinh gui(?![a-z])/;
/** A body paragraph is longer than any header cell or title line. */
const PROSE_MIN = 150;

/**
 * A piece of a motto cut by a line break: the national name in capitals (`NGHĨA VIỆT NAM`), the
 * motto in title case (`Độc lập -`, `Hạnh phúc`). A sentence ending in `độc lập` or a wrapped
 * subject opening with `Việt Nam …` is not one.
 */
function isMottoPiece(text: string): boolean {
  if (isCapitals(text, 2)) return true;
  const f = fold(text);
  return !/viet nam|dang cong san|cong hoa/.test(f) && firstLetter(text) !== null && !startsLowercase(text);
}

function typeLine(seg: Seg): TypeLine | null {
  const m = matchTypeName(seg.folded);
  if (!m) return null;
  const end = textIndex(seg, m.length);
  // The type is printed in capitals; `Kết luận số 44-KL/TU …` in a sentence is a citation.
  if (!isCapitals(seg.text.slice(0, end), 3) || seg.text.length > 200) return null;
  const rest = end < seg.text.length ? subSeg(seg, end) : null;
  return { info: m.info, word: subSeg(seg, 0, end), rest: rest && rest.text.length > 0 ? rest : null };
}

function classifyOne(seg: Seg, segIndex: number, out: Item[]): void {
  if (seg.text.length === 0 && !seg.star && !seg.sep) return;
  const item = (kind: Kind, extra: Partial<Item> = {}): void => {
    out.push({ kind, seg, segIndex, ...extra });
  };
  if (seg.star) return item('star');
  if (seg.sep) return item('sep');
  const motto = MOTTO_RE.exec(seg.folded);
  if (motto) {
    const a = textIndex(seg, motto.index);
    const end = motto.index + motto[0].length;
    const b = end >= seg.folded.length ? seg.text.length : textIndex(seg, end);
    if (a > 0) classifyOne(subSeg(seg, 0, a), segIndex, out);
    out.push({ kind: 'motto', seg: subSeg(seg, a, b), segIndex });
    if (b < seg.text.length) classifyOne(subSeg(seg, b), segIndex, out);
    return;
  }
  // The motto cut by a hard line break (`… ĐẢNG CỘNG SẢN` / `VIỆT NAM`, `CỘNG HÒA XÃ HỘI CHỦ` /
  // `NGHĨA VIỆT NAM`): its pieces are not names.
  const cut = MOTTO_HEAD_RE.exec(seg.folded);
  const a = cut ? (cut.index === 0 ? 0 : textIndex(seg, cut.index + 1)) : 0;
  if (cut && isMottoPiece(seg.text.slice(a))) {
    if (a > 0) classifyOne(subSeg(seg, 0, a), segIndex, out);
    out.push({ kind: 'motto', seg: subSeg(seg, a), segIndex });
    return;
  }
  const tail = MOTTO_TAIL_RE.exec(seg.folded);
  const b = tail ? (tail[0].length >= seg.folded.length ? seg.text.length : textIndex(seg, tail[0].length)) : 0;
  if (tail && isMottoPiece(seg.text.slice(0, b))) {
    out.push({ kind: 'motto', seg: subSeg(seg, 0, b), segIndex });
    if (b < seg.text.length) classifyOne(subSeg(seg, b), segIndex, out);
    return;
  }
  if (seg.folded === 'nam' && isCapitals(seg.text)) return item('motto');
  const num = readNumberLine(seg);
  if (num && (num.end === seg.text.length || !num.bare)) {
    out.push({ kind: 'number', seg: subSeg(seg, 0, num.end), segIndex, number: num });
    if (num.end < seg.text.length) classifyOne(subSeg(seg, num.end), segIndex, out);
    return;
  }
  const pd = readPlaceDate(seg);
  if (pd) return item('placeDate', { placeDate: pd });
  const mark = readMark(seg);
  if (mark) return item('mark', { mark });
  if (KINH_GUI_RE.test(seg.folded)) return item('kinhGui');
  const type = typeLine(seg);
  if (type) return item('type', { type });
  if (seg.text.length <= 120 && isCapitals(seg.text, 3)) {
    return item(startsWithWord(seg.folded, BODY_HEADS) ? 'body' : 'caps');
  }
  if (seg.text.length > PROSE_MIN || NUMBERED_RE.test(seg.text)) return item('prose');
  item('text');
}

/** Classifies `segs` (those in `skip` belong to the incoming stamp and are left out). */
export function classifySegments(segs: readonly Seg[], skip: ReadonlySet<number>): Item[] {
  const out: Item[] = [];
  segs.forEach((seg, i) => {
    if (!skip.has(i)) classifyOne(seg, i, out);
  });
  return out;
}
