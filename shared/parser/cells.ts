import type { Seg } from './clean';
import { makeJoined } from './clean';
import { readPlaceDate } from './dateLine';
import { BODY_HEADS, isCapitals, startsWithWord } from './lexicon';
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

function joinsAsNumber(a: Seg, b: Seg): boolean {
  if (!LABEL_ONLY_RE.test(a.text) && !NUMBER_HEAD_RE.test(a.text)) return false;
  return readNumberLine(a)?.numberSymbol == null && readNumberLine(makeJoined(a, b))?.numberSymbol != null;
}

function joinsAsDate(a: Seg, b: Seg): boolean {
  if (!NGAY_RE.test(a.folded) || readPlaceDate(a)?.date || !/^(?:\d|thang|nam)/.test(b.folded)) return false;
  return !!readPlaceDate(makeJoined(a, b))?.date;
}

/** `HỘI` / `ĐỒNG NHÂN DÂN QUẬN 2`: a body's head word cut from the rest of its name. */
function joinsAsBody(a: Seg, b: Seg): boolean {
  if (!isCapitals(a.text, 2) || !isCapitals(b.text, 2) || a.text.includes(' ')) return false;
  if (startsWithWord(a.folded, BODY_HEADS)) return false;
  return startsWithWord(`${a.folded} ${b.folded}`, BODY_HEADS);
}

function joinsAsAuthority(a: Seg, b: Seg): boolean {
  return AUTHORITY_ONLY_RE.test(a.text) && isCapitals(b.text, 2);
}

/** Joins split cells in `segs` (a new array; segments not joined are kept as they are). */
export function joinSplitCells(segs: readonly Seg[]): Seg[] {
  const out: Seg[] = [];
  for (let i = 0; i < segs.length; i++) {
    const a = segs[i]!;
    const b = segs[i + 1];
    if (b && !a.star && !a.sep && !b.star && !b.sep && a.text.length <= MAX_PART && b.text.length <= MAX_PART) {
      if (joinsAsNumber(a, b) || joinsAsDate(a, b) || joinsAsBody(a, b) || joinsAsAuthority(a, b)) {
        out.push(makeJoined(a, b));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
