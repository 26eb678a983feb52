import type { DocTypeInfo } from '../domain/docTypes';
import { subSeg, textIndex, type Seg } from './clean';
import { readPlaceDate, type PlaceDate } from './dateLine';
import { kinhGuiLabel } from './kinhGuiLabel';
import { isCapitals, matchBrokenTypeName, matchTypeName, opensWithBody } from './lexicon';
import { findMotto } from './motto';
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

const NUMBERED_RE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\s?[.)/-]|[IVX]{1,5}\s?[.\-/]|\(\d{1,2}\)|[a-zđ]\)|[A-ZĐ][.)])\s/u;
const LIST_MARK_RE = /^\d{1,2}\.\s/;
/** A short run of marks with a few lone letters or digits among them: a rule or the `***` under an issuer as OCR reads it (`x%›k*%`, `®%*2R3*`). */
export function isMarkNoise(text: string): boolean {
  const t = text.replace(/\s/g, '');
  if (t.length === 0 || t.length > 10) return false;
  const alnum = (t.match(/[\p{L}\p{N}]/gu) ?? []).length;
  const marks = t.length - alnum;
  // No two letters together: no word is in it.
  return alnum <= 3 && marks >= 2 && !/\p{L}{2}/u.test(t);
}

/** `Số: 14NQ-HĐND`: a number line whose symbol a copy damaged (an OCR pass lost the `/`). */
export const DAMAGED_NUMBER_RE = /^[Ss][ốỐ]\s?[:.]?\s?\d\S{0,30}$/u;
const DAMAGED_NUMBER_LEAD_RE = /^[Ss][ốỐ]\s?[:.]?\s?\d\S{0,30}(?=\s)/u;
/** A body paragraph is longer than any header cell or title line. */
const PROSE_MIN = 150;

/**
 * `SỐ 164-KH/TU NGÀY 24 THÁNG 8 NĂM 2022 CỦA …`: a capitals subject line citing a document, not
 * the number line (whose date, when on the same line, is a place-and-date).
 */
function citedInCapitals(seg: Seg, end: number): boolean {
  const rest = seg.text.slice(end).trim();
  return /^NGÀY\s/u.test(rest) && isCapitals(seg.text, 3);
}

/** Text index just after folded index `fi - 1` (the end of a folded range). */
function endIndex(seg: Seg, fi: number): number {
  return fi >= seg.folded.length ? seg.text.length : textIndex(seg, fi);
}

function typeLine(seg: Seg): TypeLine | null {
  const m = matchTypeName(seg.folded);
  if (!m) {
    const broken = seg.text.length <= 40 && isCapitals(seg.text, 3) ? matchBrokenTypeName(seg.folded) : null;
    return broken ? { info: broken, word: seg, rest: null } : null;
  }
  const end = textIndex(seg, m.length);
  // The type is printed in capitals; `Kết luận số 44-KL/TU …` in a sentence is a citation.
  if (!isCapitals(seg.text.slice(0, end), 3) || seg.text.length > 200) return null;
  const rest = end < seg.text.length ? subSeg(seg, end) : null;
  // `QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:` closing the legal basis is the enacting word, not a title.
  if (rest && /^[:.]$/.test(rest.text)) return null;
  return { info: m.info, word: subSeg(seg, 0, end), rest: rest && rest.text.length > 0 && !isRecogniserMarks(rest.text) ? rest : null };
}

/**
 * `TỜ TRÌNH ~`, `TỜ TRÌNH —_ .`, `TỜ TRÌNH ễ2 =`: what a recogniser read from the rule or the
 * specks beside a type word. A few characters with no two letters together and no number of two
 * digits hold no word of a subject (`KẾ HOẠCH 2025` keeps its year).
 */
function isRecogniserMarks(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return t.length > 0 && t.length <= 10 && !/\p{L}{2}/u.test(t) && !/\d{2}/.test(t);
}

const ANNIVERSARY_AFTER_RE = /^\s?\(\s?\d/;
/** `… NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT` / `NAM …`: the party's founding, named in a title. */
const FOUNDING_BEFORE_RE = /(?:^|\s)thanh lap\s$/;

const NO_EXTRA: Partial<Item> = {};

/**
 * An item, every one with the same fields in the same order (those a kind does not have undefined):
 * items of one shape let the code reading them be optimised once, where items of five shapes
 * (the fields added by spreading) had it thrown away at each shape it had not met yet.
 */
export function makeItem(kind: Kind, seg: Seg, segIndex: number, extra: Partial<Item> = NO_EXTRA): Item {
  // Every field of Item named: one added to Item later fails to compile here rather than be dropped.
  return { kind, seg, segIndex, number: extra.number, placeDate: extra.placeDate, mark: extra.mark, type: extra.type } satisfies Record<keyof Item, unknown>;
}

/** Adds one item (a top-level function, not a closure made for every segment). */
function pushItem(out: Item[], seg: Seg, segIndex: number, kind: Kind, extra?: Partial<Item>): void {
  out.push(makeItem(kind, seg, segIndex, extra));
}

/** A chapter's, part's or section's heading on its own line: `Chương I`, `PHẦN THỨ HAI`, `Mục 2`. */
const CHAPTER_RE = /^(?:chuong|phan|muc)\s(?:[ivxlc]{1,6}|\d{1,3}|thu\s[a-z]{2,5})\.?$/;

function classifyOne(seg: Seg, segIndex: number, out: Item[]): void {
  if (seg.text.length === 0 && !seg.star && !seg.sep) return;
  if (seg.star) return pushItem(out, seg, segIndex, 'star');
  if (seg.sep) return pushItem(out, seg, segIndex, 'sep');
  // The party line, the national name and motto, whole or cut by a line break: never names.
  const motto = findMotto(seg.folded, (x, y) => seg.text.slice(textIndex(seg, x), endIndex(seg, y)));
  // `… THÀNH LẬP` / `ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 – 3/2/2020), …`: the party named in a title
  // with the years of an anniversary, or after `THÀNH LẬP`, is text, not the party line.
  if (motto && !ANNIVERSARY_AFTER_RE.test(seg.text.slice(endIndex(seg, motto.end))) && !FOUNDING_BEFORE_RE.test(seg.folded.slice(0, motto.start))) {
    // Dashes and stray marks around it belong to it (`Độc lập – Tự do –` / `Hạnh phúc`).
    let a = textIndex(seg, motto.start);
    let b = endIndex(seg, motto.end);
    if (!/[\p{L}\p{N}]/u.test(seg.text.slice(0, a))) a = 0;
    if (!/[\p{L}\p{N}]/u.test(seg.text.slice(b))) b = seg.text.length;
    if (a > 0) classifyOne(subSeg(seg, 0, a), segIndex, out);
    pushItem(out, subSeg(seg, a, b), segIndex, 'motto');
    if (b < seg.text.length) classifyOne(subSeg(seg, b), segIndex, out);
    return;
  }
  const num = readNumberLine(seg);
  if (num && (num.end === seg.text.length || !num.bare) && !citedInCapitals(seg, num.end)) {
    pushItem(out, subSeg(seg, 0, num.end), segIndex, 'number', { number: num });
    if (num.end < seg.text.length) classifyOne(subSeg(seg, num.end), segIndex, out);
    return;
  }
  const pd = readPlaceDate(seg);
  if (pd) return pushItem(out, seg, segIndex, 'placeDate', { placeDate: pd });
  // `Số: 14NQ-HĐND Yên Bái, ngày …`: a number the copy damaged (no symbol can be read from it),
  // then the other column's dateline on the same line.
  const damaged = DAMAGED_NUMBER_LEAD_RE.exec(seg.text);
  if (damaged) {
    const rest = subSeg(seg, damaged[0].length);
    const restPd = readPlaceDate(rest);
    if (restPd) {
      pushItem(out, subSeg(seg, 0, damaged[0].length), segIndex, 'text');
      pushItem(out, rest, segIndex, 'placeDate', { placeDate: restPd });
      return;
    }
  }
  const mark = readMark(seg);
  if (mark) return pushItem(out, seg, segIndex, 'mark', { mark });
  if (kinhGuiLabel(seg.folded)) return pushItem(out, seg, segIndex, 'kinhGui');
  // `Chương I` / `QUY ĐỊNH CHUNG`: the line under a chapter's or part's heading is its title, never
  // the document's type line.
  const prev = out[out.length - 1];
  const type = prev && CHAPTER_RE.test(prev.seg.folded) ? null : typeLine(seg);
  if (type) return pushItem(out, seg, segIndex, 'type', { type });
  // `1. UBND TỈNH …`: a web page's list number before the first header line.
  const listed = LIST_MARK_RE.exec(seg.text);
  if (listed && seg.text.length <= 120) {
    const rest = subSeg(seg, listed[0].length);
    if (isCapitals(rest.text, 3) && opensWithBody(rest)) return classifyOne(rest, segIndex, out);
  }
  if (seg.text.length <= 120 && isCapitals(seg.text, 3)) {
    return pushItem(out, seg, segIndex, opensWithBody(seg) ? 'body' : 'caps');
  }
  if (seg.text.length > PROSE_MIN || NUMBERED_RE.test(seg.text)) return pushItem(out, seg, segIndex, 'prose');
  pushItem(out, seg, segIndex, 'text');
}

/** Classifies `segs` (those in `skip` belong to the incoming stamp and are left out). */
export function classifySegments(segs: readonly Seg[], skip: ReadonlySet<number>): Item[] {
  const out: Item[] = [];
  segs.forEach((seg, i) => {
    if (!skip.has(i)) classifyOne(seg, i, out);
  });
  return out;
}
