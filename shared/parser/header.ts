import { docTypeByAbbr, type DocTypeInfo } from '../domain/docTypes';
import { readAddressees } from './addressees';
import { documentEndIndex } from './attachment';
import { joinSplitCells } from './cells';
import { buildSegments, subSeg, textIndex } from './clean';
import { classifySegments, type Item, type Kind } from './classify';
import type { PlaceDate } from './dateLine';
import { datesDocument, subjectDatesAsText } from './strayDates';
import type { IdentRead } from './identLine';
import { GENERIC_NAMES, readIssuer, type IssuerRead } from './issuer';
import { isCapitals, isLetterTitle, jointOf, startsLowercase, typesAgree } from './lexicon';
import { fold } from '../text/fold';
import { findIncomingStamp, type StampRead } from './incomingStamp';
import type { ListRead } from './lists';
import type { SecurityMark, UrgencyMark } from './marks';
import type { NumberRead } from './numberLine';
import type { Piece } from './piece';
import type { LayoutHeader } from './layoutHeader';
import type { DocRegion } from './region';
import { isEnactingLine, isHeading, readSubject, type SubjectOptions, type SubjectRead } from './subject';
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
/** The region finder cleans this many segments of the first window (see region.ts). */
const FIRST_SEGS_MAX = 150;
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
  /** The type was read from a `V/v` cell with no number line read above it: to be checked. */
  docTypeUnsure: boolean;
  subject: SubjectRead | null;
  /** The copy ends inside the subject: it is not stated in full. */
  subjectCut: boolean;
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

// `Về: …` stands for `V/v` in some letters (a colon right after it, so a `VỀ VIỆC …` title line is not one).
const VV_RE = /^(?:v\/v(?![a-z])|ve ?:)/;
/** `Về việc …` spelled out in a letter's header cell; in capitals it is a title's subject line. */
const VE_VIEC_RE = /^ve viec /;
const VE_RE = /^ve\s/;
const HEADER_MARKS: ReadonlySet<Kind> = new Set<Kind>(['number', 'placeDate', 'motto']);
const CONG_VAN = docTypeByAbbr('CV')!;

const LOCALITY_AFTER_RE = /^\s(?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|dac khu)\s/;
const ENACTING_LOOKAHEAD = 14;
const CHAIRMAN_RE = /^chu tich /;

/**
 * A header cell that kept only `ỦY BAN NHÂN DÂN` (its locality line lost in the copy): the
 * enacting line under the title names the same body in full (`ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN`).
 * That line is taken only when it is the header's name followed by a locality; the issuer is then
 * flagged, as it was read away from the header.
 */
function completeIssuer(items: readonly Item[], read: IssuerRead, bodyStart: number, number: NumberRead | null): IssuerRead {
  const issuer = read.issuer;
  if (!issuer || read.parent) return read;
  const f = fold(issuer.text);
  if (!GENERIC_NAMES.has(f)) return unitUnderSuperior(items, read, bodyStart, number) ?? read;
  let last = -1;
  for (let i = 0; i < bodyStart; i++) if (HEADER_MARKS.has(items[i]!.kind)) last = i;
  for (let i = last + 1; i >= 1 && i < items.length && i <= last + ENACTING_LOOKAHEAD; i++) {
    const it = items[i]!;
    // A subject in capitals may be long enough to read as a paragraph; a paragraph of the body
    // ends the title block.
    if (it.kind === 'prose' && !isCapitals(it.seg.text, 3)) break;
    if (it.kind !== 'body') continue;
    // `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`: a chairman's decision names the body after the office.
    const lead = CHAIRMAN_RE.exec(it.seg.folded)?.[0].length ?? 0;
    const rest = it.seg.folded.slice(lead);
    if (rest.startsWith(f) && LOCALITY_AFTER_RE.test(rest.slice(f.length))) {
      return { issuer: lead ? subSeg(it.seg, textIndex(it.seg, lead)) : it.seg, parent: null, doubtful: true };
    }
  }
  // The kind of body without the body: not a name the document states in full.
  return { issuer: null, parent: null, doubtful: true };
}

/** The date an identification line states, as a dateline without a place. */
function identDate(ident: IdentRead | null): PlaceDate | null {
  if (!ident?.datePiece) return null;
  return { place: null, date: ident.date, datePiece: ident.datePiece, unreadable: ident.date === null };
}

/** Offices that head a unit, printed before its name on the enacting line (`CỤC TRƯỞNG CỤC …`). */
const UNIT_OFFICE_RE = /^(?:tong cuc truong|cuc truong|vu truong|giam doc|chanh van phong|truong ban|chanh thanh tra) /;
const NAME_FILLERS = new Set(['va', 'cua', '&', '-', 'tinh', 'thanh', 'pho']);

/** Initials of a name's words (`VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC` → `vtltnn`), fillers left out. */
function initials(folded: string): string {
  return folded
    .split(' ')
    .filter((w) => w && !NAME_FILLERS.has(w))
    .map((w) => w[0]!)
    .join('');
}

/**
 * A header cell that kept only the superior body (`BỘ NỘI VỤ |`, the unit's line lost) while the
 * number names another issuer (`281/QĐ-VTLTNN`): the enacting line under the subject names the unit
 * with its office (`CỤC TRƯỞNG CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC`). Taken only when the initials of
 * that name spell the number's issuer code — two places of the document agree — and flagged.
 */
function unitUnderSuperior(items: readonly Item[], read: IssuerRead, bodyStart: number, number: NumberRead | null): IssuerRead | null {
  const code = number?.form === 'state' ? /^[^/]*\/(?:\d{4}\/)?[^-/]+[-/]([^-.\s]+)/u.exec(number.numberSymbol ?? '')?.[1] : undefined;
  if (!code || !read.issuer) return null;
  const want = fold(code).replace(/[^a-z]/g, '');
  if (want.length < 3 || initials(fold(read.issuer.text)).includes(want)) return null;
  let last = -1;
  for (let i = 0; i < bodyStart; i++) if (HEADER_MARKS.has(items[i]!.kind)) last = i;
  for (let i = last + 1; i >= 1 && i < items.length && i <= last + ENACTING_LOOKAHEAD; i++) {
    const it = items[i]!;
    if (it.kind === 'prose') break;
    const office = UNIT_OFFICE_RE.exec(it.seg.folded);
    if (!office || !isCapitals(it.seg.text, 3)) continue;
    const name = subSeg(it.seg, textIndex(it.seg, office[0].length));
    const kind = name.folded.split(' ')[0]!;
    const full = initials(name.folded);
    if (full === want || (full.startsWith(kind[0]!) && full.slice(1) === want)) return { issuer: name, parent: read.issuer, doubtful: true };
  }
  return null;
}

function firstIndex(items: readonly Item[], from: number, to: number, pred: (it: Item) => boolean): number {
  for (let i = Math.max(0, from); i < to && i < items.length; i++) if (pred(items[i]!)) return i;
  return -1;
}

function readPass(
  text: string,
  region: DocRegion,
  maxSegs: number,
  layout: LayoutHeader | null,
): { read: HeaderRead; complete: boolean } {
  const windowEnd = Math.min(region.end, region.start + HEADER_CHARS);
  // With positions, the header table's cells come first, column by column; then the text after it.
  // The region finder already cleaned the first window when the document starts the text.
  const reuse = !layout && region.head !== undefined && region.head.to === windowEnd && maxSegs <= FIRST_SEGS_MAX;
  const segs = reuse
    ? region.head!.segs.slice(0, maxSegs)
    : joinSplitCells(
        layout
          ? [...layout.segs, ...buildSegments(text, layout.bodyFrom, Math.max(layout.bodyFrom, windowEnd), Math.max(0, maxSegs - layout.segs.length))]
          : buildSegments(text, region.start, windowEnd, maxSegs),
      );
  const stamp = findIncomingStamp(segs, STAMP_SEGS);
  const skip: ReadonlySet<number> = stamp?.used ?? new Set();
  // Each segment is classified on its own: the region finder's items of the same segments are
  // these, less the ones past this pass or taken by the stamp.
  const items = subjectDatesAsText(reuse ? region.head!.items.filter((it) => it.segIndex < maxSegs && !skip.has(it.segIndex)) : classifySegments(segs, skip));
  const n = items.length;
  const firstProse = (from: number): number => {
    const i = firstIndex(items, from, n, (it) => it.kind === 'prose');
    return i < 0 ? n : i;
  };
  const bodyStart = firstProse(0);
  const kinhGuiAt = firstIndex(items, 0, bodyStart, (it) => it.kind === 'kinhGui');
  // A type line after the document's end (its `Nơi nhận`, its signature) titles an attachment.
  const endAt = documentEndIndex(items, (it) => it.seg, bodyStart);
  const titleEnd = Math.min(kinhGuiAt < 0 ? bodyStart : kinhGuiAt, endAt < 0 ? n : endAt);
  const typeIdx = firstIndex(items, 0, titleEnd, (it) => it.kind === 'type');
  // The number stands above the title; a bare symbol line (no `Số`) counts only there too.
  const numberIdx = firstIndex(items, 0, typeIdx < 0 ? bodyStart : typeIdx, (it) => it.kind === 'number' && !it.number!.bare);
  const bareIdx = firstIndex(items, 0, typeIdx < 0 ? bodyStart : typeIdx, (it) => it.kind === 'number');
  const numIdx = numberIdx >= 0 ? numberIdx : bareIdx;
  const title = typeIdx >= 0 ? readTitle(items, typeIdx) : null;
  // A headerless copy may state its number only on the identification line under the type word.
  const number = numIdx >= 0 ? items[numIdx]!.number! : (title?.ident?.number ?? null);
  // The number's shape says which table its abbreviation is in: `TT` is THÔNG TRI in `05-TT/TW`,
  // THÔNG TƯ in `05/2025/TT-BNV`.
  // A party `QĐ` is a quyết định or, in Trung ương numbering, a quy định (210-QĐ/TW): it names no
  // type by itself, only agrees with a printed one.
  const abbrInfo = number?.abbr ? (docTypeByAbbr(number.abbr, number.form) ?? null) : null;
  const abbrType = abbrInfo && !(number!.form === 'party' && abbrInfo.abbr === 'QĐ' && !title) ? abbrInfo : null;
  // The issuer's names stand above the number or the title: an attachment's title is neither.
  const issuerRead = completeIssuer(items, readIssuer(items, endAt < 0 ? bodyStart : Math.min(bodyStart, endAt)), bodyStart, number);
  const opts: SubjectOptions = { issuerFolded: issuerRead.issuer ? fold(issuerRead.issuer.text) : null };
  let subject: SubjectRead | null = null;
  let vvPiece: Piece | null = null;
  if (title) subject = readSubject(items, title.next, title.leading, false, opts);
  else if (numIdx >= 0 && abbrType?.abbr === 'CV') subject = readSubject(items, numIdx + 1, null, true);
  if (!subject && !title) {
    // `V/v …` (về việc) marks a letter's subject even when the number line is missing.
    const end = kinhGuiAt < 0 ? bodyStart : kinhGuiAt;
    const vv = firstIndex(items, 0, end, (it) => VV_RE.test(it.seg.folded) || (VE_VIEC_RE.test(it.seg.folded) && !isCapitals(it.seg.text, 3)));
    if (vv >= 0) {
      subject = readSubject(items, vv, null, true);
      if (subject) vvPiece = subSeg(items[vv]!.seg, 0, items[vv]!.seg.folded.startsWith('v/v') ? 3 : 2);
    }
  }
  // A letter titled with no type of the closed list (`THƯ NGỎ`): the line under the title states
  // its subject, unless the body or a salutation (`Thưa quý vị,`) begins there.
  const letterTitle = !subject && !title ? firstIndex(items, 0, bodyStart, (it) => it.kind === 'caps' && isLetterTitle(it.seg.text)) : -1;
  if (letterTitle >= 0) {
    const next = items[letterTitle + 1];
    if (next && (next.kind === 'text' || next.kind === 'caps') && !/[.,:;!?]$/.test(next.seg.text)) subject = readSubject(items, letterTitle + 1, null, false, opts);
  }
  if (!subject && !title && letterTitle < 0) {
    // The type line lost from a copy, the subject under the header remains: `VỀ NHIỆM VỤ …`.
    let last = -1;
    for (let i = 0; i < bodyStart; i++) if (HEADER_MARKS.has(items[i]!.kind)) last = i;
    // Or a subject in capitals right under it (`BAN HÀNH QUY ĐỊNH …`), when it is not the enacting line.
    const at = last + 1;
    const it = last >= 0 ? items[at] : undefined;
    const capsSubject =
      !!it && isCapitals(it.seg.text, 3) && (it.kind === 'caps' || it.kind === 'body') && !isHeading(it.seg.text) && !isEnactingLine(items, at, opts);
    if (it && ((VE_RE.test(it.seg.folded) && !startsLowercase(it.seg.text)) || capsSubject)) subject = readSubject(items, at, null, false, opts);
  }
  // A subject that runs to the end of what was saved may have been cut with it: not stated in full.
  const subjectCut = !!subject && subject.next >= n && windowEnd === region.end && segs.length < maxSegs;
  if (subjectCut) subject = null;
  // A State công văn prints no type and its symbol names none (`187/VTLTNN-VP`): what makes it
  // one is the `V/v` subject under a State number (Nghị định 30/2020/NĐ-CP, Phụ lục I). A letter
  // whose number the copy lost or never printed (a Mặt trận department's) has that cell alone.
  const stateLetter = !title && !abbrType && (number === null || number.form === 'state') && vvPiece !== null;
  // `12/CT-TTHT` over `V/v chính sách thuế`: a State symbol's first group is a type (CT chỉ thị) or
  // the issuer's own abbreviation (CT Cục Thuế); a `V/v` subject with no type line says công văn.
  // The two disagree: no type, and the field goes to review.
  const vvAgainstCode = !title && number?.form === 'state' && !!abbrType && abbrType.abbr !== 'CV' && vvPiece !== null;

  const headerEnd = firstProse(Math.max(subject?.next ?? 0, typeIdx + 1, numIdx + 1));
  const issuerFromTitle = !issuerRead.issuer && !!title?.issuer;

  let security: SecurityMark | null = null;
  let urgency: UrgencyMark | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const mark = items[i]!.mark;
    if (mark?.kind === 'security') security ??= mark;
    else if (mark?.kind === 'urgency') urgency ??= mark;
  }
  // A date whose words name no place, a date alone outside the header, or any dateline under the
  // type line is not the document's (a date alone wrapped into the trích yếu was read as its text
  // above).
  const pdIdx = firstIndex(items, 0, headerEnd, (it) => it.kind === 'placeDate' && datesDocument(items, it, typeIdx));
  const kgIdx = firstIndex(items, 0, headerEnd, (it) => it.kind === 'kinhGui');
  const addressees = kgIdx >= 0 ? readAddressees(items.slice(kgIdx), segs) : null;

  const read: HeaderRead = {
    number,
    title,
    docType: vvAgainstCode ? null : title && abbrType && jointOf(abbrType, title.info) ? abbrType : (title?.info ?? abbrType ?? (stateLetter ? CONG_VAN : null)),
    docTypePiece: vvAgainstCode ? null : title ? title.typePiece : abbrType ? number!.abbrPiece : stateLetter ? vvPiece : null,
    docTypeConflict: (!!title && !!abbrType && !typesAgree(abbrType, title.info)) || vvAgainstCode,
    docTypeUnsure: stateLetter && number === null,
    subject,
    subjectCut,
    issuer: issuerRead.issuer ?? (issuerFromTitle ? title!.issuer : null),
    parent: issuerRead.parent,
    issuerFromTitle,
    issuerDoubtful: issuerRead.doubtful,
    placeDate: pdIdx >= 0 ? items[pdIdx]!.placeDate! : identDate(title?.ident ?? null),
    security,
    urgency,
    addressees,
    stamp,
  };
  // The pass saw the whole header when the body began inside it, or the window had no more lines.
  const complete = segs.length < maxSegs || headerEnd < n - 1;
  return { read, complete };
}

/**
 * Reads the header of the document in `region` (the whole text unless a page surrounds it); with
 * `layout`, its table is read from positions.
 */
export function readHeaderBlock(
  text: string,
  region: DocRegion = { start: 0, end: text.length },
  layout: LayoutHeader | null = null,
): HeaderRead {
  let last: HeaderRead | null = null;
  for (const maxSegs of PASSES) {
    const { read, complete } = readPass(text, region, maxSegs, layout);
    if (complete) return read;
    last = read;
  }
  return last!;
}
