import type { Seg } from './clean';
import { makeJoined } from './clean';
import { readPlaceDate } from './dateLine';
import { BODY_HEADS, isCapitals, opensWithBody, startsWithWord } from './lexicon';
import { findMotto } from './motto';
import { readNumberLine } from './numberLine';

/**
 * Header and footer cells a copy split over two lines, joined back: a narrow table column in a
 * web page, or a PDF's line breaks, give
 *
 *     Số:                     Kon Tum, ngày 25        HỘI                  T/M
 *     06/2024/QĐ-UBND         tháng 01 năm 2024       ĐỒNG NHÂN DÂN …      BỘ CHÍNH TRỊ
 *
 * Two neighbouring segments are joined only when neither reads as what it should alone and the
 * two together do: a number line, a place-and-date line, a body's name, a signing authority.
 */

const LABEL_ONLY_RE = /^S[ốỐôÔoO]\s?[:.]?$/u;
const NUMBER_HEAD_RE = /^S[ốỐôÔoO]\s?[:.]?\s?\d{1,6}\s?[-/]?$/u;
const AUTHORITY_ONLY_RE = /^(?:T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\.|TUQ\.)$/u;
const NGAY_RE = /(?:^|\s)ngay(?:\s|$)/;
const MAX_PART = 60;
/** One word of a place name, title case (`Yên`, `Hà`, `Phan`). */
const PLACE_WORD_RE = /^\p{Lu}\p{Ll}{1,8}$/u;
const PLACE_THEN_DATE_RE = /^[a-z][a-z' -]{0,30},? ?ngay(?:\s|$)/;

function joinsAsNumber(a: Seg, b: Seg): boolean {
  if (!LABEL_ONLY_RE.test(a.text) && !NUMBER_HEAD_RE.test(a.text)) return false;
  return readNumberLine(a)?.numberSymbol == null && readNumberLine(makeJoined(a, b))?.numberSymbol != null;
}

/** `Kon Tum, ngày 25` / `tháng 01 năm 2024`, `…, ngày 21 tháng 6 năm` / `2019`. */
function joinsAsDate(a: Seg, b: Seg): boolean {
  if (!NGAY_RE.test(a.folded) || readPlaceDate(a)?.date || !/^(?:\d|thang|nam)/.test(b.folded)) return false;
  const joined = makeJoined(a, b);
  return !!readPlaceDate(joined)?.date || (joined.text.length <= MAX_PART && /nam$/.test(joined.folded));
}

/** `Yên` / `Bái, ngày 21 …`, `Hà` / `Nội, ngày …`: the first word of the place on a line of its own. */
function joinsAsPlace(a: Seg, b: Seg): boolean {
  if (PLACE_WORD_RE.test(a.text) && /^\p{Lu}/u.test(b.text) && PLACE_THEN_DATE_RE.test(b.folded)) return true;
  // `Quảng Bình,` / `ngày 25 tháng 5 năm 2015`: the place and its comma, the date on the next line.
  return PLACE_COMMA_RE.test(a.text) && /^ngay\s/.test(b.folded) && readPlaceDate(b) !== null && !!readPlaceDate(makeJoined(a, b))?.place;
}
/** A place in title case and its comma, alone on a line (`Quảng Bình,`, `TP. Hồ Chí Minh,`). */
const PLACE_COMMA_RE = /^\p{Lu}[\p{L}.'’ -]{1,30},$/u;

/**
 * `HỘI` / `ĐỒNG NHÂN DÂN QUẬN 2`, `BAN` / `CHẤP HÀNH TRUNG ƯƠNG`: a body's first word cut from the
 * rest of its name (the two together open a longer name than the word alone).
 */
function joinsAsBody(a: Seg, b: Seg): boolean {
  if (!isCapitals(a.text, 2) || !isCapitals(b.text, 2) || a.text.includes(' ')) return false;
  const joined = `${a.folded} ${b.folded}`;
  const head = BODY_HEADS.filter((h) => startsWithWord(joined, [h])).reduce((n, h) => Math.max(n, h.length), 0);
  if (head > a.folded.length) return true;
  // `BỘ` / `TÀI CHÍNH`, `SỞ` / `NỘI VỤ`: a kind of body that is never a name by itself, its name on
  // the next line (and that line no body of its own, no figures: `SỐ` / `15-BTC/TT` is a number).
  return NAMELESS_HEADS.has(a.folded) && !/\d/.test(b.text) && !opensWithBody(b) && !findMotto(b.folded, () => '');
}
/** Kinds of body printed before the name that makes them one. */
const NAMELESS_HEADS: ReadonlySet<string> = new Set(['bo', 'so', 'cuc', 'vu', 'vien', 'phong', 'truong', 'tong cuc', 'chi cuc']);

/** `ĐẢNG` / `CỘNG SẢN VIỆT NAM`: the motto's first word on a line of its own. */
function joinsAsMotto(a: Seg, b: Seg): boolean {
  if (a.text.includes(' ') || !isCapitals(a.text, 2)) return false;
  const joined = makeJoined(a, b);
  const m = findMotto(joined.folded, (x, y) => joined.text.slice(x, y));
  return m !== null && m.whole && m.start === 0;
}

/**
 * `ỦY BAN MẶT TRẬN TỔ QUỐC` / `VIỆT NAM TỈNH AN LẠC`: a name whose full form ends in `VIỆT NAM`,
 * wrapped before it by a narrow cell. The second line alone reads as the national name's tail;
 * after such a name it is the name's end (after any other line it stays the motto's).
 */
function joinsAsNameEnd(a: Seg, b: Seg): boolean {
  return VIET_NAM_AFTER_RE.test(a.folded) && /^viet nam(?:\s|$)/.test(b.folded) && isCapitals(a.text, 3) && isCapitals(b.text, 3);
}
/** Names printed with `VIỆT NAM` after them (`… MẶT TRẬN TỔ QUỐC VIỆT NAM`, `ỦY BAN MTTQ VIỆT NAM`). */
const VIET_NAM_AFTER_RE = /(?:^|\s)(?:mat tran to quoc|mttq|ubmttq)$/;

function joinsAsAuthority(a: Seg, b: Seg): boolean {
  return AUTHORITY_ONLY_RE.test(a.text) && isCapitals(b.text, 2);
}

/**
 * `Kính` / `gửi: Cục Hải quan …`, `Nơi` / `nhận:`: a label's first word at the end of a line, the
 * rest on the next (a narrow cell, or a copy that wrapped the text at its width). What follows the
 * label may be long: it is the label's first item.
 */
function joinsAsLabel(a: Seg, b: Seg): boolean {
  // Every pair of lines is asked: one that cannot open with a label's first word is answered
  // before the end of its line is searched for marks (a search from every place of the line).
  if (!SPLIT_LABEL_START_RE.test(a.folded)) return false;
  const rest = SPLIT_LABELS.get(a.folded.replace(/[*_\s]+$/, ''));
  return rest !== undefined && rest.test(b.folded);
}
const SPLIT_LABEL_START_RE = /^(?:kinh|noi)/;
const SPLIT_LABELS: ReadonlyMap<string, RegExp> = new Map([
  ['kinh', /^gui(?![a-z])/],
  ['noi', /^nhan(?![a-z])/],
]);

function joins(a: Seg, b: Seg): boolean {
  if (a.star || a.sep || b.star || b.sep) return false;
  if (joinsAsLabel(a, b)) return true;
  if (a.text.length > MAX_PART || b.text.length > MAX_PART) return false;
  return (
    joinsAsNumber(a, b) ||
    joinsAsDate(a, b) ||
    joinsAsPlace(a, b) ||
    joinsAsBody(a, b) ||
    joinsAsMotto(a, b) ||
    joinsAsNameEnd(a, b) ||
    joinsAsAuthority(a, b)
  );
}

/**
 * Joins split cells in `segs` (a new array; segments not joined are kept as they are). A cell may
 * be cut in three (`Yên` / `Bái, ngày 21 tháng 6 năm` / `2019`): joins chain.
 */
export function joinSplitCells(segs: readonly Seg[]): Seg[] {
  const out: Seg[] = [];
  for (let i = 0; i < segs.length; i++) {
    let cur = segs[i]!;
    for (let n = 0; n < 3 && i + 1 < segs.length && joins(cur, segs[i + 1]!); n++) {
      cur = makeJoined(cur, segs[i + 1]!);
      i++;
    }
    out.push(cur);
  }
  return out;
}
