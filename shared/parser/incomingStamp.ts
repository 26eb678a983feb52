import { subSeg, textIndex, type Seg } from './clean';
import { readPlaceDate } from './dateLine';
import { isCapitals } from './lexicon';
import { readNumberLine } from './numberLine';
import { spanOf, type Piece } from './piece';
import type { IncomingStamp, TextSpan } from './types';

/**
 * Dấu "ĐẾN": the receiving body stamps its name, `ĐẾN`, and fills `Số:`, `Ngày:`, `Chuyển:`,
 * `Lưu hồ sơ số:`. A converter gives it either as one line per field (the receiver's name above
 * `ĐẾN`) or as one line (`SỞ NỘI VỤ ĐẾN Số: 77 Ngày: 5/4`). The stamp sits on the header, so its
 * receiver line must never be taken for the issuer: the header reader skips the segments used here.
 */

const HEAD_RE = /^(?:CÔNG VĂN |VĂN BẢN )?ĐẾN\s?:?$/u;
const INLINE_RE = /^(\P{Ll}{0,120}?)\s?ĐẾN\s?:?\s?(Số\s?[:.].{0,200})$/u;
const FIELD_RE = /^(so|ngay|chuyen|luu ho so(?: so)?|gio|nguoi nhan|ky nhan)\s?[:.]/;
const NUMBER_RE = /(?:^|\s)so\s?[:.]\s?(\d{1,7})(?!\d)/;
const DATE_RE = /(?:^|\s)ngay\s?[:.]\s?(\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?\d{2,4})?)/;

export interface StampRead {
  stamp: IncomingStamp;
  /** The receiver's name may continue on the line above. */
  doubtful: boolean;
  span: TextSpan;
  /** Indices of the segments the stamp occupies. */
  used: Set<number>;
}

function isReceiverLine(seg: Seg): boolean {
  return (
    !seg.star &&
    !seg.sep &&
    seg.text.length <= 100 &&
    isCapitals(seg.text, 3) &&
    !seg.folded.includes('dang cong san viet nam') &&
    readNumberLine(seg) === null &&
    readPlaceDate(seg) === null
  );
}

/** A field value of the stamp in `seg`, as a piece of it. */
function field(seg: Seg, re: RegExp): Piece | null {
  const m = re.exec(seg.folded);
  if (!m) return null;
  const start = m.index + m[0].length - m[1]!.length;
  const p = subSeg(seg, textIndex(seg, start), textIndex(seg, start + m[1]!.length));
  return { text: p.text.replace(/\s+/g, ''), map: p.map };
}

/** A line of the stamp: its head (`ĐẾN`, or the whole stamp on one line) or one of its fields. */
export function isStampLine(seg: Seg): boolean {
  return HEAD_RE.test(seg.text) || INLINE_RE.test(seg.text) || FIELD_RE.test(seg.folded);
}

export function findIncomingStamp(segs: readonly Seg[], limit: number): StampRead | null {
  const n = Math.min(segs.length, limit);
  for (let i = 0; i < n; i++) {
    const seg = segs[i]!;
    const head = HEAD_RE.test(seg.text);
    const inline = head ? null : INLINE_RE.exec(seg.text);
    // Nearly every line is neither: nothing is made for it.
    if (!head && !inline) continue;
    const used = new Set<number>([i]);
    let receiver: Piece | null = null;
    const fieldSegs: Seg[] = [];
    if (inline && inline[1]!.trim().length > 0) {
      receiver = subSeg(seg, 0, inline[1]!.length);
    } else if (i > 0 && isReceiverLine(segs[i - 1]!)) {
      receiver = segs[i - 1]!;
      used.add(i - 1);
    }
    // A receiver's name may wrap onto two lines, but the line above could as well be the issuer:
    // only one line is taken, and the stamp is flagged.
    const wrapped =
      receiver !== null && !inline && i > 1 && segs[i - 1]!.blankBefore === 0 && isReceiverLine(segs[i - 2]!);
    if (inline) fieldSegs.push(subSeg(seg, inline.index + inline[0].length - inline[2]!.length));
    // The stamp's own fields follow the head, a handful at most.
    for (let k = i + 1; k < n && k <= i + 6 && FIELD_RE.test(segs[k]!.folded); k++) {
      fieldSegs.push(segs[k]!);
      used.add(k);
    }
    let number: Piece | null = null;
    let date: Piece | null = null;
    for (const f of fieldSegs) {
      number ??= field(f, NUMBER_RE);
      date ??= field(f, DATE_RE);
    }
    if (!receiver && !number && !date) continue;
    const pieces = [receiver ?? seg, seg, ...fieldSegs].filter((p) => p.text.length > 0);
    const spans = pieces.map((p) => spanOf(p)!);
    const span = {
      start: Math.min(...spans.map((s) => s.start)),
      end: Math.max(...spans.map((s) => s.end)),
    };
    return {
      stamp: { receiver: receiver?.text ?? null, number: number?.text ?? null, date: date?.text ?? null },
      span,
      used,
      doubtful: wrapped,
    };
  }
  return null;
}
