import { subSeg, textIndex, type Seg } from './clean';
import { isoDate } from './dateLine';
import { isCapitals } from './lexicon';
import { readNumberLine, type NumberRead } from './numberLine';

/**
 * The identification line a copy prints under (or after) the type word when it has no header —
 * a news page or a gazette giving the document whole: `HƯỚNG DẪN` / `SỐ 38-HD/BTCTW NGÀY 31/01/2016
 * CỦA BAN TỔ CHỨC TRUNG ƯƠNG` / `về …`. It states the number, the date and, in capitals after
 * `CỦA`, the issuing body; the subject follows it (on the next line, or after `VỀ` on the same one).
 */
export interface IdentRead {
  number: NumberRead;
  date: string | null;
  datePiece: Seg | null;
  /** The body after `CỦA`, when printed in capitals. */
  issuer: Seg | null;
  /** Subject text left on the line (`VỀ …`). */
  after: Seg | null;
}

const DATE_RE = /^,?\s?ngay\s?(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})|^,?\s?ngay\s(\d{1,2})\sthang\s(\d{1,2})\snam\s(\d{4})/;
const CUA_RE = /^,?\s?cua\s/;
const VE_RE = /\sve(?:\s|$)/;

export function readIdentLine(seg: Seg): IdentRead | null {
  if (!/^S[ốỐ]\s/u.test(seg.text)) return null;
  const number = readNumberLine(seg);
  if (!number?.numberSymbol || number.bare) return null;
  const rest = subSeg(seg, number.end);
  const d = DATE_RE.exec(rest.folded);
  if (!d) return null;
  const date = d[1] ? isoDate(+d[1], +d[2]!, +d[3]!) : isoDate(+d[4]!, +d[5]!, +d[6]!);
  const dateFrom = rest.folded.indexOf('ngay');
  const datePiece = subSeg(rest, textIndex(rest, dateFrom), textIndex(rest, d[0].length - 1) + 1);
  const tail = d[0].length < rest.folded.length ? subSeg(rest, textIndex(rest, d[0].length)) : null;
  let issuer: Seg | null = null;
  let after: Seg | null = null;
  if (tail && tail.text.length > 0) {
    const cua = CUA_RE.exec(tail.folded);
    const body = cua ? subSeg(tail, textIndex(tail, cua[0].length)) : tail;
    const ve = VE_RE.exec(body.folded);
    const name = ve ? subSeg(body, 0, textIndex(body, ve.index)) : body;
    if (ve) after = subSeg(body, textIndex(body, ve.index));
    // A lower-case `của Bộ …` is the subject's wording, not a body's name.
    if (cua && isCapitals(name.text, 3)) issuer = name;
    else if (!ve) after = tail;
  }
  return { number, date, datePiece, issuer, after };
}
