import type { Seg } from './clean';
import type { Item, Kind } from './classify';
import { isCapitals, startsLowercase, startsWithWord } from './lexicon';
import { joinPieces, trimPiece, type Piece } from './piece';

/**
 * Trích yếu: the lines under the type word (or, in a công văn, under the number).
 *
 * Converters break it anywhere and may leave blank lines between the pieces, so where it ends is
 * decided by layout, not by blank lines:
 *  - the rule under the title (`-----`) closes it when one follows within a few lines — then every
 *    line up to the rule belongs to it, whatever its case;
 *  - otherwise a line continues it when it starts in lower case (a wrapped phrase: `của Bộ Chính
 *    trị …`) or when it is part of the same bold run; a capitalised line after it is the body.
 * The header parts (`Kính gửi`, dateline, motto, number) always end it.
 */

export interface SubjectRead {
  piece: Piece;
  /** Index of the first item after the subject. */
  next: number;
  /** Over the length or line cap: probably swallowed body text. */
  doubtful: boolean;
}

const STOPS: ReadonlySet<Kind> = new Set<Kind>(['sep', 'kinhGui', 'motto', 'placeDate', 'mark', 'number', 'star']);
/** Header cells a converter may put between the number and a công văn's subject. */
const SKIP_BEFORE: ReadonlySet<Kind> = new Set<Kind>(['motto', 'placeDate', 'mark', 'star', 'sep']);
const MAX_LINES = 8;
const BARE_MARK_RE = /^(?:v\/v|ve) ?:?$/;
const MAX_CHARS = 800;
const MAX_FIRST = 400;
/** A subject in capitals may be one long line (`KẾ HOẠCH` / `THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG … CỦA ĐẢNG`). */
const MAX_FIRST_CAPS = 800;
/** What follows an enacting line (`ỦY BAN NHÂN DÂN TỈNH …` / `Căn cứ Luật …`), never a subject. */
const BASIS_RE = /^[-–+•\s]{0,3}(?:can cu|xet (?:de nghi|to trinh)|theo de nghi|thuc hien|de thong nhat)(?![a-z])/;
/** Authorities that enact a decision, printed on their own line under its subject. */
const HEADING_RE = /^(?:[IVX]{1,5}|[A-ZĐ]|\d{1,2})\s?[.)-]\s/u;
// The heads of an office that enacts in its own name (Nghị định 30/2020/NĐ-CP, Phụ lục I: the
// authority line of a quyết định): a minister, a director, a school's or institute's head …
const ENACTING_HEADS = [
  'chu tich',
  'bo truong',
  'giam doc',
  'tong giam doc',
  'thu truong',
  'cuc truong',
  'tong cuc truong',
  'vu truong',
  'hieu truong',
  'vien truong',
  'chanh van phong',
  'chu nhiem',
  'ban thuong vu',
  'ban bi thu',
  'bo chinh tri',
  'thuong truc',
];

export interface SubjectOptions {
  /** The header's issuer, folded: a capitals line naming it under the subject enacts, it is not subject text. */
  issuerFolded?: string | null;
}

function nextItem(items: readonly Item[], i: number): Item | undefined {
  return items[i + 1];
}

/**
 * A capitals line under a capitals subject continues it, unless it is the enacting line: the body or
 * authority that decides (`ỦY BAN NHÂN DÂN TỈNH KON TUM`, `CHỦ TỊCH ỦY BAN NHÂN DÂN …`), which the
 * legal basis (`Căn cứ …`) follows.
 */
function continuesInCapitals(items: readonly Item[], i: number, prev: Seg, opts: SubjectOptions): boolean {
  const it = items[i]!;
  if (!isCapitals(prev.text, 2) || it.kind === 'prose') return false;
  // `… GIAI ĐOẠN` / `2017-2021`: the end of a capitals line wrapped onto a line of figures.
  if (!/\p{L}/u.test(it.seg.text)) return it.seg.text.length <= 20 && /\d/.test(it.seg.text);
  if (!isCapitals(it.seg.text, 2)) return false;
  // A numbered heading (`A. CĂN CỨ XÂY DỰNG`, `I. MỤC ĐÍCH`) opens the body.
  if (HEADING_RE.test(it.seg.text)) return false;
  return !isEnactingLine(items, i, opts);
}

/**
 * The enacting line under a decision's subject: a body or an authority (`ỦY BAN NHÂN DÂN TỈNH …`,
 * `CHỦ TỊCH …`) followed by the legal basis, or naming the issuer (or the start of its name:
 * `HỘI ĐỒNG NHÂN DÂN TỈNH` / `KHÓA XI, KỲ HỌP THỨ 2`).
 */
export function isEnactingLine(items: readonly Item[], i: number, opts: SubjectOptions): boolean {
  const it = items[i]!;
  const f = it.seg.folded;
  if (it.kind !== 'body' && !startsWithWord(f, ENACTING_HEADS)) return false;
  const next = nextItem(items, i);
  if (next && BASIS_RE.test(next.seg.folded)) return true;
  const issuer = opts.issuerFolded;
  return !!issuer && (f.includes(issuer) || (f.length >= 10 && issuer.startsWith(f.split(' khoa ')[0]!)));
}

/** An article or a chapter of the body (`Điều 1. Ban hành kèm theo …`, `Chương I`). */
const ARTICLE_RE = /^(?:dieu|chuong)\s+[0-9ivxlc]+\s?(?:[.:]|$)/;

/**
 * The enacting line where the subject should be (`QUYẾT ĐỊNH` / `ỦY BAN NHÂN DÂN TỈNH …` / `Căn cứ
 * …`): it names the issuer or an enacting authority and the legal basis follows. A subject opening
 * with `BAN HÀNH …` is no body.
 */
function enactsInsteadOfSubject(items: readonly Item[], i: number, opts: SubjectOptions): boolean {
  const f = items[i]!.seg.folded;
  if (startsWithWord(f, ['ban hanh']) || !isEnactingLine(items, i, opts)) return false;
  const next = items[i + 1];
  if (!next || !BASIS_RE.test(next.seg.folded)) return false;
  return startsWithWord(f, ENACTING_HEADS) || (!!opts.issuerFolded && f.includes(opts.issuerFolded));
}

/** A numbered heading (`A. CĂN CỨ`, `I. MỤC ĐÍCH`, `1.`): the body has begun. */
export function isHeading(text: string): boolean {
  return HEADING_RE.test(text);
}
/** How far ahead the end of the subject block is looked for. */
const LOOKAHEAD = 8;
const TITLE_CLOSERS: ReadonlySet<Kind> = new Set<Kind>(['sep']);
const LETTER_CLOSERS: ReadonlySet<Kind> = new Set<Kind>(['sep', 'kinhGui', 'motto', 'placeDate', 'mark']);

/**
 * True when the lines from `from` on are closed, within a few lines, by one of `closers` (the rule
 * under a title; for a công văn, `Kính gửi` or the other header column) with nothing body-like
 * between: then those lines all belong to the subject, whatever their case.
 */
function closedAhead(items: readonly Item[], from: number, closers: ReadonlySet<Kind>): boolean {
  for (let i = from; i < items.length && i < from + LOOKAHEAD; i++) {
    const k = items[i]!.kind;
    if (closers.has(k)) return true;
    if (STOPS.has(k) || k === 'prose' || k === 'type') return false;
    // A finished sentence is body text; a subject line does not end that way.
    if (/[.:;]$/.test(items[i]!.seg.text)) return false;
  }
  return false;
}

/**
 * The other column's cell on the line of a công văn's subject (`V/v góp ý … phối hợp` | `Hà Nội,
 * ngày …`), the subject going on under it in lower case: a header table read line by line (a text
 * PDF, a copy keeping the columns) puts the cell between the subject's lines. It is stepped over.
 */
function besideAndGoesOn(items: readonly Item[], i: number, prev: Seg): boolean {
  const it = items[i]!;
  // A dateline cut from the subject's line (`V/v hướng dẫn chỉnh lý Hà Nội, ngày …`, the row read
  // as one line) stands on a line of its own, right under the subject's line.
  const cutFromLine = it.kind === 'placeDate' && it.seg.line === prev.line + 1 && it.seg.blankBefore === 0;
  if (!SKIP_BEFORE.has(it.kind) || ((it.seg.line !== prev.line || it.seg.col === prev.col) && !cutFromLine)) return false;
  const next = items[i + 1];
  return !!next && next.seg.line > it.seg.line && next.seg.blankBefore === 0 && startsLowercase(next.seg.text);
}

const BODY_OPENS_RE = /^[-–+•\s]{0,3}(?:can cu|xet|theo de nghi|thuc hien|thi hanh|de |nham |trong |ngay |kinh gui)(?![a-z])/;

/**
 * An ordinary-case subject wrapped where a name begins (`… và bầu cử đại biểu` / `Hội đồng nhân dân
 * các cấp nhiệm kỳ 2021 - 2026`): the line goes on when the one above it runs the width of the
 * page without ending, it is shorter, ends no sentence, and the body's first line (the legal
 * basis, a heading) or a blank line follows it. Any other capitalised line is the body.
 */
function wrapsOntoName(items: readonly Item[], i: number, prev: Seg): boolean {
  const it = items[i]!;
  const t = it.seg.text;
  if (isCapitals(prev.text, 2) || prev.text.length < 50 || /[.:;!?]$/.test(prev.text)) return false;
  if (it.seg.blankBefore > 0 || it.kind === 'type' || !/^\p{Lu}/u.test(t) || t.length >= prev.text.length || /[.:;!?]$/.test(t)) return false;
  // A line in capitals under it is the enacting line (`HIỆU TRƯỞNG TRƯỜNG …` / `Căn cứ …`), not a wrap.
  if (isCapitals(t, 3)) return false;
  if (BODY_OPENS_RE.test(it.seg.folded) || HEADING_RE.test(t) || ARTICLE_RE.test(it.seg.folded)) return false;
  const next = items[i + 1];
  return !next || next.seg.blankBefore > 0 || STOPS.has(next.kind) || BASIS_RE.test(next.seg.folded) || HEADING_RE.test(next.seg.text);
}

/**
 * The last line of a công văn's `V/v` subject in its narrow header cell, opening with a name
 * (`… tại xã An Phú, huyện` / `Bình Đại, tỉnh Bến Tre.`): the line above ends unfinished, and the
 * other column or a blank line comes after it.
 */
function endsLetterSubject(items: readonly Item[], i: number, lines: readonly Seg[]): boolean {
  const it = items[i]!;
  const prev = lines[lines.length - 1]!;
  if (!/^v\/v/.test(lines[0]!.folded) || lines.length >= 4 || /[.:;!?]$/.test(prev.text)) return false;
  if (it.seg.blankBefore > 0 || !/^\p{Lu}/u.test(it.seg.text) || it.seg.text.length > 80 || BODY_OPENS_RE.test(it.seg.folded)) return false;
  const next = items[i + 1];
  return !next || next.seg.blankBefore > 0 || STOPS.has(next.kind);
}

/**
 * A line in brackets right under the subject: the date a report or a notice states (`(Ngày 08
 * tháng 12 năm 2025)`, `(Tính đến ngày 30/6/2025)`), the law a resolution is made under (`(Theo
 * khoản 4 Điều 12 Luật Thủ đô)`), an amendment's round (`(Sửa đổi, bổ sung lần thứ hai)`). It is
 * part of the title block, which the rule under it closes when there is one; a copy in table cells
 * or a scan may have lost that rule, and a Word copy puts a blank line between them. A caption
 * naming the document a text is attached to (`(Ban hành kèm theo …)`, `(Đính kèm Tờ trình …)`) is
 * no such line.
 */
const BRACKETED_LINE_RE = /^\([^()]{2,150}\)$/;
const CAPTION_RE = /^\((?:ban hanh )?(?:kem theo|dinh kem)|^\(van ban kem theo/;

function bracketedTitleLine(folded: string): boolean {
  return BRACKETED_LINE_RE.test(folded) && !CAPTION_RE.test(folded);
}

/**
 * Reads the subject from item `from` on; `leading` is subject text left on the title line.
 * `afterNumber`: a công văn, whose subject may follow header cells of the other column.
 */
export function readSubject(
  items: readonly Item[],
  from: number,
  leading: Seg | null,
  afterNumber = false,
  opts: SubjectOptions = {},
): SubjectRead | null {
  const lines: Seg[] = leading ? [leading] : [];
  let i = from;
  if (lines.length === 0) {
    if (afterNumber) while (i < items.length && SKIP_BEFORE.has(items[i]!.kind)) i++;
    const first = items[i];
    if (!first || STOPS.has(first.kind)) return null;
    // A subject may open with a type word (`QUYẾT ĐỊNH` / `QUY ĐỊNH CHẾ ĐỘ BÁO CÁO …`); a type word
    // alone is another title.
    if (first.kind === 'type' && (first.type!.rest?.text.split(' ').length ?? 0) < 3) return null;
    const caps = isCapitals(first.seg.text, 2);
    if (first.kind === 'prose' && (first.seg.text.length > (caps ? MAX_FIRST_CAPS : MAX_FIRST) || /^\S{1,6}[.)-]\s/.test(first.seg.text))) {
      return null;
    }
    // A công văn's subject is short text under the number; a capitalised body line is not it.
    if (afterNumber && (first.kind === 'body' || first.seg.text.length > MAX_FIRST)) return null;
    // A copy that lost the subject lines: what follows the type is the body (an article, the
    // enacting body over its legal basis), never a subject. Empty, it goes to review.
    if (ARTICLE_RE.test(first.seg.folded) || enactsInsteadOfSubject(items, i, opts)) return null;
    lines.push(first.seg);
    i++;
  }
  const closed = closedAhead(items, i, afterNumber ? LETTER_CLOSERS : TITLE_CLOSERS);
  let length = lines.reduce((n, s) => n + s.text.length, 0);
  let doubtful = false;
  for (; i < items.length; i++) {
    const it = items[i]!;
    const prev = lines[lines.length - 1]!;
    if (afterNumber && besideAndGoesOn(items, i, prev)) continue;
    if (STOPS.has(it.kind)) break;
    const continues =
      (closed && it.seg.blankBefore <= 1) ||
      // `V/v` alone, its words on the next line (`V/v` / `: Thực hiện …`).
      (lines.length === 1 && BARE_MARK_RE.test(prev.folded) && it.seg.blankBefore === 0) ||
      startsLowercase(it.seg.text) ||
      (it.seg.bold && prev.bold && it.seg.blankBefore === 0 && it.kind !== 'prose') ||
      continuesInCapitals(items, i, prev, opts) ||
      (!closed && wrapsOntoName(items, i, prev)) ||
      (afterNumber && endsLetterSubject(items, i, lines)) ||
      (!afterNumber && it.seg.blankBefore <= 1 && bracketedTitleLine(it.seg.folded));
    if (!continues) break;
    // A subject in capitals does not go on in lower case: a word or two of the body that the
    // reading order put between its lines (an OCR pass reading `… QUẢN LÝ` / `của` / `một` /
    // `TRÊN ĐỊA BÀN …`). What is read is not the subject as printed.
    if (!closed && isCapitals(prev.text, 2) && lines.every((l) => isCapitals(l.text, 2)) && startsLowercase(it.seg.text) && it.seg.text.length <= 12) {
      doubtful = true;
    }
    if (lines.length >= MAX_LINES || length + it.seg.text.length > MAX_CHARS) {
      doubtful = true;
      break;
    }
    lines.push(it.seg);
    length += it.seg.text.length + 1;
  }
  const piece = trimPiece(joinPieces(lines));
  return piece.text.length > 0 ? { piece, next: i, doubtful } : null;
}
