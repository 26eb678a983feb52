import { fold } from '../text/fold';
import { joinSplitCells } from './cells';
import { buildSegments, lineStartBefore, type Seg } from './clean';
import { HEADER_CHARS } from './header';
import { classifySegments, isMarkNoise, type Item, type Kind } from './classify';
import { isStampLine } from './incomingStamp';
import { documentEndIndex } from './attachment';

/**
 * Where the document is inside what was saved. A page copied from a legal database or a news site
 * holds more than the document: a metadata block, an article or site menus before it; lists of
 * related documents, comments, another document's header after it. The fields are read from the
 * document only — a number or a type from the page around it is not the document's.
 *
 * The start is the document's header: the first place where two of its marks stand together (a
 * motto, `Số …`, the place-and-date), backed up over the body names above them. Without a header,
 * a title line in capitals (`NGHỊ QUYẾT`) after prose starts it. The end is the first line a site
 * prints after its content (`Tài liệu tương tự`, `Văn bản liên quan` …) or the next header.
 */

export interface DocRegion {
  start: number;
  end: number;
  /**
   * The segments of the text's first window when the document starts at 0 (read to find the
   * header), and their items (each segment classified on its own, none skipped): the header reader
   * reuses them instead of cleaning and classifying the same lines again.
   */
  head?: { to: number; segs: Seg[]; items: readonly Item[] };
}

/** How far into the text the document's start is looked for. */
const SCAN_CHARS = 100_000;
const SCAN_SEGS = 2000;
/** A header's marks stand within a few cells of each other. */
const CLUSTER = 10;
/** Lines above the first mark that may still belong to the header (issuer, superior body, star). */
const BACK = 8;
const LETTER_SUBJECT_RE = /^(?:v\/v(?![a-z])|ve viec )/;
const ISSUER_KINDS: ReadonlySet<Kind> = new Set<Kind>(['body', 'caps', 'star', 'sep', 'mark', 'motto']);

/**
 * Headings sites print around a document's text (folded, whole line): related documents, comments,
 * downloads, sharing. A document's own text has no line that is only one of these.
 */
const SITE_LINES = new Set([
  'tai lieu tuong tu',
  'tai lieu lien quan',
  'van ban lien quan',
  'van ban cung linh vuc',
  'van ban moi',
  'van ban goc',
  'bai viet lien quan',
  'bai viet khac',
  'bai lien quan',
  'tin lien quan',
  'tin bai lien quan',
  'tin cung chuyen muc',
  'cac tin khac',
  'cac bai viet khac',
  'tin khac',
  'tin moi',
  'tin moi hon',
  'tin cu hon',
  'doc nhieu',
  'xem nhieu',
  'binh luan',
  'y kien ban doc',
  'gui y kien',
  'gui binh luan',
  'chia se',
  'tai ve',
  'tai van ban',
  'luoc do',
  'tu khoa',
  'the',
  'tags',
]);
const SITE_LINE_MAX = 40;
/** The letters the site lines begin with. */
const SITE_LINE_FIRSTS: ReadonlySet<number> = new Set([...SITE_LINES].map((l) => l.charCodeAt(0)));

/**
 * Whether the short line from `pos` to `eol` may fold to a site line: its first letter or digit, when
 * it is plain ASCII (most lines), must begin one. Only the lines left are folded; a line whose first
 * kept character is not ASCII is always folded.
 */
function mayBeSiteLine(text: string, pos: number, eol: number): boolean {
  for (let i = pos; i < eol; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return true;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    // What the fold keeps of ASCII: lower-case letters, digits; the rest is dropped or trimmed.
    if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) return SITE_LINE_FIRSTS.has(lower);
  }
  return true;
}

const MARKS: ReadonlySet<Kind> = new Set<Kind>(['motto', 'number', 'placeDate']);

/** The header marks that stand together from item `i` on (none unless `i` is one). */
function clusterAt(items: readonly Item[], i: number): Set<Kind> {
  const kinds = new Set<Kind>();
  if (!MARKS.has(items[i]!.kind)) return kinds;
  for (let j = i; j < items.length && j < i + CLUSTER; j++) {
    const kj = items[j]!.kind;
    if (MARKS.has(kj)) kinds.add(kj);
    if (kj === 'prose') break;
  }
  return kinds;
}

/** Index of the first item of the header whose marks start at `i`. */
function headerFirst(items: readonly Item[], i: number, floor: number): number {
  let first = i;
  for (let j = i - 1; j >= floor && j >= i - BACK; j--) {
    // The incoming stamp is printed over the header: it belongs to the copy, above its first line.
    const it = items[j]!;
    const bare = !/[\p{L}\p{N}]/u.test(it.seg.text) || isMarkNoise(it.seg.text);
    // A letter's `V/v …` (`Về việc …`) under the body names: the left cell read before the right.
    const letterSubject = isLetterSubject(it) || underLetterSubject(items, j, floor);
    if (!ISSUER_KINDS.has(it.kind) && !isStampLine(it.seg) && !bare && !letterSubject) break;
    first = j;
  }
  return first;
}

function isLetterSubject(it: Item): boolean {
  return LETTER_SUBJECT_RE.test(it.seg.folded) && it.seg.text.length <= 200;
}

/** How many lines a letter's `V/v …` cell wraps onto under its first. */
const SUBJECT_WRAPS = 3;

/**
 * A line of a letter's `V/v …` cell wrapped under its first (`V/v tuyên truyền kỷ niệm ngày thành
 * lập` / `Mặt trận Tổ quốc Việt Nam`): short lines of text up to the `V/v` line above.
 */
function underLetterSubject(items: readonly Item[], j: number, floor: number): boolean {
  if (items[j]!.kind !== 'text') return false;
  for (let k = j - 1; k >= floor && k >= j - SUBJECT_WRAPS; k--) {
    if (isLetterSubject(items[k]!)) return true;
    if (items[k]!.kind !== 'text') return false;
  }
  return false;
}

function offsetOf(text: string, it: Item): number {
  const at = it.seg.map[0] ?? 0;
  const ls = lineStartBefore(text, at);
  // The whole line, unless the item is a piece of a line run together with what came before.
  return /[\p{L}\p{N}]/u.test(text.slice(ls, at)) && it.seg.map.length > 0 ? at : ls;
}

/**
 * A title line (`NGHỊ QUYẾT`, `CHƯƠNG TRÌNH`) on a line of its own, after prose or opening the
 * text: a document without a header (a text issued with a decision is saved from its title on).
 */
function titleStart(items: readonly Item[]): number {
  let sawProse = false;
  for (let i = 0; i < items.length && i < 80; i++) {
    const it = items[i]!;
    if (it.kind === 'type' && (sawProse || i === 0) && it.seg.col === 0 && it.seg.text.length <= 80) return i;
    if (it.kind === 'prose' || it.kind === 'text') sawProse = true;
  }
  return -1;
}

function siteLineAfter(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (eol > pos && eol - pos <= SITE_LINE_MAX && mayBeSiteLine(text, pos, eol)) {
      const f = fold(text.slice(pos, eol)).replace(/[^a-z0-9 ]/g, '').trim();
      if (SITE_LINES.has(f)) return pos;
    }
    pos = eol + 1;
  }
  return -1;
}

/** Items of the text from `from` (a window of `chars`), classified as the header reader sees them. */
function itemsOf(text: string, from: number, chars: number, maxSegs: number): Item[] {
  return classifySegments(segmentsOf(text, from, chars, maxSegs), new Set());
}

function segmentsOf(text: string, from: number, chars: number, maxSegs: number): Seg[] {
  return joinSplitCells(buildSegments(text, from, Math.min(text.length, from + chars), maxSegs));
}

/** The header's first item, where two of its marks stand together; -1 if none. */
function anchorIn(items: readonly Item[]): number {
  for (let i = 0; i < items.length; i++) if (clusterAt(items, i).size >= 2) return i;
  return -1;
}

/**
 * A header whose number and dateline a copy damaged (an OCR line `Số: 14NQ-HĐND Yên Bái, ngày …`
 * reads as neither): the motto, with the title (`NGHỊ QUYẾT`) a few lines under it, still marks
 * where the document begins. -1 if none.
 */
function mottoAnchor(items: readonly Item[]): number {
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.kind !== 'motto') continue;
    for (let j = i + 1; j < items.length && j <= i + CLUSTER; j++) {
      const k = items[j]!.kind;
      if (k === 'type') return i;
      if (k === 'prose') break;
    }
  }
  return -1;
}

/**
 * A letter's header above a title that follows the letter's end: a motto with a body name beside or
 * above it, then the document's end (its `Nơi nhận`, its signature) before the title. The title is
 * an attachment's (`QUY ĐỊNH` after a công văn whose number and dateline a scan garbled, so the
 * header has too few marks and no type line of its own); the letter starts at its header. A text
 * that is the attachment, saved from its title on, has no such header above it. -1 if none.
 */
function letterAboveAttachment(items: readonly Item[], title: number): number {
  for (let m = 0; m < title; m++) {
    if (items[m]!.kind !== 'motto') continue;
    const first = headerFirst(items, m, 0);
    let named = false;
    for (let j = first; j < title && j <= m + 2; j++) if (items[j]!.kind === 'body') named = true;
    if (!named) continue;
    const end = documentEndIndex(items, (it) => it.seg, title);
    return end > m ? first : -1;
  }
  return -1;
}

/** A header begins most documents: the first window is read first, the rest only when it has none. */
const FIRST_WINDOW = HEADER_CHARS;
const FIRST_SEGS = 150;
/** Where another header may begin: a motto in capitals (or `Độc lập …`), found by a plain scan. */
const NEXT_HEADER_RE = /CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|ĐOÀN TNCS|Độc lập\s?[-–—]/gu;
const NEXT_HEADER_CHECKS = 50;
const NEXT_HEADER_BEFORE = 600;
const NEXT_HEADER_AFTER = 1500;

/** Where the next header after `from` starts (another document's), or -1. */
function nextHeader(text: string, from: number): number {
  NEXT_HEADER_RE.lastIndex = from;
  let checks = 0;
  let checkedTo = -1;
  for (let m = NEXT_HEADER_RE.exec(text); m && checks < NEXT_HEADER_CHECKS; m = NEXT_HEADER_RE.exec(text)) {
    if (m.index < checkedTo) continue;
    checks++;
    const winFrom = Math.max(from, m.index - NEXT_HEADER_BEFORE);
    const items = itemsOf(text, winFrom, NEXT_HEADER_BEFORE + NEXT_HEADER_AFTER, 80);
    checkedTo = winFrom + NEXT_HEADER_BEFORE + NEXT_HEADER_AFTER / 2;
    for (let i = 0; i < items.length; i++) {
      const marks = clusterAt(items, i);
      if (marks.size >= 2 && marks.has('motto')) return offsetOf(text, items[headerFirst(items, i, 0)]!);
    }
  }
  return -1;
}

/**
 * An editor's note or a news introduction presenting the document's full text, or a legal
 * database's line that opens it (`Nội dung toàn văn Quyết định 119/QĐ-UBND …`, after the page's
 * title and notes naming other documents).
 */
const INTRO_RE = /(?:^|\n)[^\n]{0,20}\b(?:LTS|Lời tòa soạn|Lời toà soạn)\s?:|(?:giới thiệu|đăng|đăng tải|trích đăng)(?: nguyên)? toàn văn|(?:^|\n)[ \t]{0,4}Nội dung toàn văn /iu;
const INTRO_WINDOW = 5000;

/** The start of the line after an introduction presenting the document; -1 without one. */
function introEnd(text: string): number {
  const m = INTRO_RE.exec(text.slice(0, INTRO_WINDOW));
  if (!m) return -1;
  const eol = text.indexOf('\n', m.index + m[0].length);
  return eol < 0 ? -1 : eol + 1;
}

export function findDocument(text: string): DocRegion {
  const headSegs = segmentsOf(text, 0, FIRST_WINDOW, FIRST_SEGS);
  const headItems = classifySegments(headSegs, new Set());
  let items = headItems;
  let anchor = anchorIn(items);
  if (anchor < 0 && text.length > FIRST_WINDOW) {
    items = itemsOf(text, 0, SCAN_CHARS, SCAN_SEGS);
    anchor = anchorIn(items);
  }
  if (anchor < 0) anchor = mottoAnchor(items);
  let start = 0;
  let bodyFrom = 0;
  if (anchor >= 0) {
    const first = headerFirst(items, anchor, 0);
    start = first === 0 ? 0 : offsetOf(text, items[first]!);
    const last = items[Math.min(items.length - 1, anchor + CLUSTER)]!;
    bodyFrom = (last.seg.map[last.seg.map.length - 1] ?? start) + 1;
  } else {
    const t = titleStart(items);
    const letter = t > 0 ? letterAboveAttachment(items, t) : -1;
    if (letter >= 0) start = letter === 0 ? 0 : offsetOf(text, items[letter]!);
    else if (t > 0) start = offsetOf(text, items[t]!);
    // An editor's note that presents the document (`LTS: … trân trọng giới thiệu toàn văn …`): the
    // document is what follows it, even with no header or title of its own.
    const intro = introEnd(text);
    if (intro > start) start = intro;
    const it = items[Math.max(0, t) + 1];
    bodyFrom = it ? (it.seg.map[0] ?? start) : text.length;
  }
  let end = text.length;
  // The next header: another document (a related one, an attached text with its own header).
  const next = bodyFrom < text.length ? nextHeader(text, bodyFrom) : -1;
  if (next > start) end = next;
  const site = siteLineAfter(text, start);
  if (site > start && site < end) end = site;
  const head = start === 0 && end >= Math.min(text.length, FIRST_WINDOW) ? { to: Math.min(text.length, FIRST_WINDOW), segs: headSegs, items: headItems } : undefined;
  return { start, end, ...(head ? { head } : {}) };
}
