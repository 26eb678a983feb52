import { docTypeByAbbr, type DocTypeInfo } from '../domain/docTypes';
import { readAddressees } from './addressees';
import { buildSegments, subSeg } from './clean';
import { classifySegments, type Item } from './classify';
import type { PlaceDate } from './dateLine';
import { readIssuer } from './issuer';
import { typesAgree } from './lexicon';
import { findIncomingStamp, type StampRead } from './incomingStamp';
import type { ListRead } from './lists';
import type { SecurityMark, UrgencyMark } from './marks';
import type { NumberRead } from './numberLine';
import type { Piece } from './piece';
import { readSubject, type SubjectRead } from './subject';
import { readTitle, type TitleRead } from './title';

/**
 * Everything read from the top of a document: the masthead (issuer, number, dateline, marks,
 * incoming stamp), the title block (type, subject) and `Kính gửi`.
 *
 * Only the start of the text is cleaned — at most {@link HEADER_CHARS} characters and a number of
 * lines — so the cost does not depend on the document's length. A first pass reads 40 segments,
 * enough for nearly every header; when the body has not started by then, a second pass reads 80.
 */

/** How far into the text the header is looked for: a header is a few hundred characters. */
export const HEADER_CHARS = 8000;
const PASSES = [40, 80];
/** The incoming stamp is printed on the header, among its first lines. */
const STAMP_SEGS = 40;

export interface HeaderRead {
  number: NumberRead | null;
  title: TitleRead | null;
  docType: DocTypeInfo | null;
  /** Where the type was read: the type word, or the abbreviation in the number. */
  docTypePiece: Piece | null;
  /** The printed type and the number's abbreviation name different types. */
  docTypeConflict: boolean;
  subject: SubjectRead | null;
  issuer: Piece | null;
  parent: Piece | null;
  /** The issuer came from the title (`CỦA BAN THƯỜNG VỤ TỈNH ỦY`), not from the header. */
  issuerFromTitle: boolean;
  issuerDoubtful: boolean;
  placeDate: PlaceDate | null;
  security: SecurityMark | null;
  urgency: UrgencyMark | null;
  addressees: ListRead | null;
  stamp: StampRead | null;
}

const VV_RE = /^v\/v(?![a-z])/;
const CONG_VAN = docTypeByAbbr('CV')!;

function firstIndex(items: readonly Item[], from: number, to: number, pred: (it: Item) => boolean): number {
  for (let i = Math.max(0, from); i < to && i < items.length; i++) if (pred(items[i]!)) return i;
  return -1;
}

function readPass(text: string, maxSegs: number): { read: HeaderRead; complete: boolean } {
  const segs = buildSegments(text, 0, Math.min(text.length, HEADER_CHARS), maxSegs);
  const stamp = findIncomingStamp(segs, STAMP_SEGS);
  const items = classifySegments(segs, stamp?.used ?? new Set());
  const n = items.length;
  const firstProse = (from: number): number => {
    const i = firstIndex(items, from, n, (it) => it.kind === 'prose');
    return i < 0 ? n : i;
  };
  const bodyStart = firstProse(0);
  const kinhGuiAt = firstIndex(items, 0, bodyStart, (it) => it.kind === 'kinhGui');
  const typeIdx = firstIndex(items, 0, kinhGuiAt < 0 ? bodyStart : kinhGuiAt, (it) => it.kind === 'type');
  // A bare symbol line (no `Số`) counts only above the title, where the number stands.
  const numberIdx = firstIndex(items, 0, bodyStart, (it) => it.kind === 'number' && !it.number!.bare);
  const bareIdx = firstIndex(items, 0, typeIdx < 0 ? bodyStart : typeIdx, (it) => it.kind === 'number');
  const numIdx = numberIdx >= 0 ? numberIdx : bareIdx;
  const number = numIdx >= 0 ? items[numIdx]!.number! : null;

  const title = typeIdx >= 0 ? readTitle(items, typeIdx) : null;
  // The number's shape says which table its abbreviation is in: `TT` is THÔNG TRI in `05-TT/TW`,
  // THÔNG TƯ in `05/2025/TT-BNV`.
  const abbrType = number?.abbr ? (docTypeByAbbr(number.abbr, number.form) ?? null) : null;
  let subject: SubjectRead | null = null;
  let vvPiece: Piece | null = null;
  if (title) subject = readSubject(items, title.next, title.leading);
  else if (numIdx >= 0 && abbrType?.abbr === 'CV') subject = readSubject(items, numIdx + 1, null, true);
  if (!subject && !title) {
    // `V/v …` (về việc) marks a letter's subject even when the number line is missing.
    const end = kinhGuiAt < 0 ? bodyStart : kinhGuiAt;
    const vv = firstIndex(items, 0, end, (it) => VV_RE.test(it.seg.folded));
    if (vv >= 0) {
      subject = readSubject(items, vv, null, true);
      if (subject) vvPiece = subSeg(items[vv]!.seg, 0, 3);
    }
  }
  // A State công văn prints no type and its symbol names none (`187/VTLTNN-VP`): what makes it
  // one is the `V/v` subject under a State number (Nghị định 30/2020/NĐ-CP, Phụ lục I).
  const stateLetter = !title && !abbrType && number?.form === 'state' && vvPiece !== null;

  const headerEnd = firstProse(Math.max(subject?.next ?? 0, typeIdx + 1, numIdx + 1));
  const issuerRead = readIssuer(items, bodyStart);
  const issuerFromTitle = !issuerRead.issuer && !!title?.issuer;

  let security: SecurityMark | null = null;
  let urgency: UrgencyMark | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const mark = items[i]!.mark;
    if (mark?.kind === 'security') security ??= mark;
    else if (mark?.kind === 'urgency') urgency ??= mark;
  }
  const pdIdx = firstIndex(items, 0, headerEnd, (it) => it.kind === 'placeDate');
  const kgIdx = firstIndex(items, 0, headerEnd, (it) => it.kind === 'kinhGui');
  const addressees = kgIdx >= 0 ? readAddressees(items.slice(kgIdx), segs) : null;

  const read: HeaderRead = {
    number,
    title,
    docType: title?.info ?? abbrType ?? (stateLetter ? CONG_VAN : null),
    docTypePiece: title ? title.typePiece : abbrType ? number!.abbrPiece : stateLetter ? vvPiece : null,
    docTypeConflict: !!title && !!abbrType && !typesAgree(abbrType, title.info),
    subject,
    issuer: issuerRead.issuer ?? (issuerFromTitle ? title!.issuer : null),
    parent: issuerRead.parent,
    issuerFromTitle,
    issuerDoubtful: issuerRead.doubtful,
    placeDate: pdIdx >= 0 ? items[pdIdx]!.placeDate! : null,
    security,
    urgency,
    addressees,
    stamp,
  };
  // The pass saw the whole header when the body began inside it, or the window had no more lines.
  const complete = segs.length < maxSegs || headerEnd < n - 1;
  return { read, complete };
}

export function readHeaderBlock(text: string): HeaderRead {
  let last: HeaderRead | null = null;
  for (const maxSegs of PASSES) {
    const { read, complete } = readPass(text, maxSegs);
    if (complete) return read;
    last = read;
  }
  return last!;
}
