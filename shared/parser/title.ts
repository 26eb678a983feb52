import type { DocTypeInfo } from '../domain/docTypes';
import { subSeg, textIndex, type Seg } from './clean';
import type { Item } from './classify';
import { isCapitals, startsWithWord } from './lexicon';
import { fold } from '../text/fold';
import { joinPieces, type Piece } from './piece';
import { readIdentLine, type IdentRead } from './identLine';

/**
 * The centred title block: the type word (`KẾT LUẬN`), optionally the body that issues it
 * (`CỦA BAN THƯỜNG VỤ TỈNH ỦY`, on the same line or the next), then the subject.
 *
 * When a document has no header, the `CỦA …` line is the only place the text names its issuer,
 * so it is read as the issuer (seeds 001 and 004). It is printed in capitals; a lower-case
 * `của Bộ Chính trị` is part of the subject, never an issuer.
 */

export interface TitleRead {
  info: DocTypeInfo;
  typePiece: Piece;
  /** `BAN THƯỜNG VỤ TỈNH ỦY` from `CỦA BAN THƯỜNG VỤ TỈNH ỦY`. */
  issuer: Piece | null;
  /** Subject text that shares a line with the title (`… TỈNH ỦY VỀ CÔNG TÁC …`). */
  leading: Seg | null;
  /** Index of the first item after the title lines. */
  next: number;
  /** `SỐ … NGÀY … CỦA …` under the type word: the number, date and body a headerless copy states there. */
  ident: IdentRead | null;
}

/** Words a `THÔNG BÁO` title may carry before `CỦA` (`THÔNG BÁO KẾT LUẬN CỦA …`). */
const QUALIFIERS = ['ket luan', 'y kien chi dao', 'y kien ket luan', 'y kien'];
const CUA_RE = /^cua\s/;
const VE_RE = /\sve(?:\s|$)/;

function stripQualifier(seg: Seg, info: DocTypeInfo): Seg | null {
  if (info.abbr !== 'TB') return seg;
  for (const q of QUALIFIERS) {
    if (startsWithWord(seg.folded, [q])) {
      const end = textIndex(seg, q.length);
      return end < seg.text.length ? subSeg(seg, end) : null;
    }
  }
  return seg;
}

/**
 * A capitals tail of the type word that names a kind of that type (`CHƯƠNG TRÌNH HÀNH ĐỘNG`,
 * `NGHỊ QUYẾT LIÊN TỊCH`): the subject then follows on the next lines. Any other tail is the
 * subject's first words (`QUY CHẾ LÀM` / `VIỆC CỦA …`, a subject wrapped right after the type).
 */
function isTypeQualifier(rest: Seg): boolean {
  return isCapitals(rest.text, 2) && QUALIFIER_RE.test(rest.folded);
}

/** Kinds of a type printed after its word (`CHƯƠNG TRÌNH HÀNH ĐỘNG`, `NGHỊ QUYẾT LIÊN TỊCH`). */
const QUALIFIER_RE = /^(?:hanh dong|lien tich|lien nganh|phoi hop|cong tac|kiem tra|giam sat)$/;

/**
 * `TỜ TRÌNH Ẻ ke —`, `TỜ TRÌNH (Dự thảo)` over `Về việc đề nghị …`: a few characters beside the
 * type word, not in capitals, while the trích yếu opens on the next line (`Về …`, `về …`, `V/v …`
 * in ordinary case): what a recogniser read from specks or a stamp beside the title, or a draft's
 * mark, never the subject's first words. A subject run on from the type word is printed in
 * capitals (`… HỘI NGHỊ LẦN THỨ HAI` / `về công tác …`), and a year stays (`KẾ HOẠCH 2025`).
 */
function strayBesideType(rest: Seg, next: Item | undefined): boolean {
  if (!next || rest.text.length > STRAY_MAX || isCapitals(rest.text, 3) || /\d{2}/.test(rest.text) || isCapitals(next.seg.text, 3)) return false;
  return TRICH_YEU_OPENS_RE.test(next.seg.text);
}

const STRAY_MAX = 20;
const TRICH_YEU_OPENS_RE = /^(?:[Vv]ề|V\/v)\s/u;

/** Splits `CỦA <body> VỀ <subject…>` into the body and what follows. */
function splitCua(seg: Seg): { body: Seg; after: Seg | null } | null {
  if (!CUA_RE.test(seg.folded) || !isCapitals(seg.text.slice(0, 3), 2)) return null;
  const start = textIndex(seg, 4);
  const ve = VE_RE.exec(seg.folded);
  if (ve && ve.index > 4) {
    const cut = textIndex(seg, ve.index);
    return { body: subSeg(seg, start, cut), after: subSeg(seg, cut) };
  }
  return { body: subSeg(seg, start), after: null };
}

export function readTitle(items: readonly Item[], typeIdx: number): TitleRead {
  const t = items[typeIdx]!.type!;
  let next = typeIdx + 1;
  let rest: Seg | null = t.rest ? stripQualifier(t.rest, t.info) : null;
  // The title's text after the type word, qualifier included, and where it ends.
  let whole: Seg | null = t.rest;
  let wholeNext = next;
  // `THÔNG BÁO` / `KẾT LUẬN CỦA …`: the qualifier on its own line reads as a type word too. The
  // notice's subject is every line under its type word, that line included (see the README).
  let conclusionLine = false;
  if (!t.rest && t.info.abbr === 'TB' && next < items.length) {
    const n = items[next]!;
    if (n.kind === 'type' && n.type!.info.abbr === 'KL') {
      rest = n.type!.rest;
      whole = n.seg;
      next++;
      wholeNext = next;
      conclusionLine = true;
    }
  }
  // `HƯỚNG DẪN SỐ 38-HD/BTCTW NGÀY … CỦA …` (or that line under the type word).
  let ident: IdentRead | null = null;
  if (rest) {
    ident = readIdentLine(rest);
  } else if (next < items.length && items[next]!.kind !== 'prose') {
    ident = readIdentLine(items[next]!.seg);
    if (ident) next++;
  }
  if (ident) {
    let { issuer, after } = ident;
    // `SỐ 38-HD/BTCTW NGÀY 31/01/2016` / `CỦA BAN TỔ CHỨC TRUNG ƯƠNG` / `về …`: the body on its own line.
    const n = items[next];
    if (!issuer && !after && n && n.kind !== 'prose' && isCapitals(n.seg.text, 3)) {
      const cua = splitCua(n.seg);
      if (cua) {
        issuer = cua.body;
        after = cua.after;
        next++;
      }
    }
    return { info: t.info, typePiece: t.word, issuer, leading: after, next, ident };
  }
  const bodyParts: Seg[] = [];
  let leading: Seg | null = null;
  let cua = rest ? splitCua(rest) : null;
  if (rest && !cua) leading = isTypeQualifier(rest) || strayBesideType(rest, items[next]) ? null : rest;
  // `CỦA HỘI ĐỒNG BỘ TRƯỞNG SỐ 72/HĐBT NGÀY … VỀ VIỆC …`: a long line, but in capitals.
  const after = items[next];
  if (!rest && after && (after.kind === 'caps' || (isCapitals(after.seg.text, 3) && after.seg.text.length <= 400))) {
    cua = splitCua(after.seg);
    if (cua) next++;
  }
  if (cua) {
    bodyParts.push(cua.body);
    leading = cua.after;
  }
  // A long body name may wrap: `CỦA BAN THƯỜNG VỤ` / `HUYỆN ỦY KRÔNG PẮC`.
  while (bodyParts.length > 0 && leading === null && next < items.length) {
    const n = items[next]!;
    if ((n.kind !== 'caps' && n.kind !== 'body') || n.seg.blankBefore > 0 || /^ve(?:\s|$)/.test(n.seg.folded)) break;
    const ve = VE_RE.exec(n.seg.folded);
    if (ve) {
      const cut = textIndex(n.seg, ve.index);
      bodyParts.push(subSeg(n.seg, 0, cut));
      leading = subSeg(n.seg, cut);
    } else {
      bodyParts.push(n.seg);
    }
    next++;
  }
  const issuer = bodyParts.length > 0 ? joinPieces(bodyParts) : null;
  // `KẾT LUẬN CỦA THỦ TƯỚNG … TẠI PHIÊN HỌP …`: what follows `CỦA` goes on past a name (an occasion,
  // a place), so it names no body that issues the notice.
  const named = issuer && whole && isBodyName(withFollowingCaps(items, next, issuer.text)) ? issuer : null;
  if ((issuer && whole && !named) || conclusionLine) {
    return { info: t.info, typePiece: t.word, issuer: named, leading: whole, next: wholeNext, ident: null };
  }
  return { info: t.info, typePiece: t.word, issuer: issuer && issuer.text ? issuer : null, leading, next, ident: null };
}

/** Words that open an occasion or a place after a name (`… TẠI PHIÊN HỌP`, `… TRONG DỊP`), never inside one. */
const OCCASION_RE = /(?:^|\s)(?:tai|trong|khi|nhan dip|doi voi|voi cac)\s/;
const MAX_BODY_NAME = 160;

/**
 * The name and the capitals lines right under it that do not open with `VỀ` (a copy may put a
 * blank line between a title's lines): what the name runs on into.
 */
function withFollowingCaps(items: readonly Item[], from: number, text: string): string {
  let out = text;
  for (let i = from; i < items.length && i < from + 3; i++) {
    const it = items[i]!;
    if ((it.kind !== 'caps' && it.kind !== 'body') || !isCapitals(it.seg.text, 3) || /^ve(?:\s|$)/.test(it.seg.folded)) break;
    out += ` ${it.seg.text}`;
  }
  return out;
}

function isBodyName(text: string): boolean {
  return text.length <= MAX_BODY_NAME && !OCCASION_RE.test(fold(text));
}
