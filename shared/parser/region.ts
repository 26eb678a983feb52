import { fold } from '../text/fold';
import { joinSplitCells } from './cells';
import { buildSegments, lineStartBefore } from './clean';
import { classifySegments, type Item, type Kind } from './classify';
import { isStampLine } from './incomingStamp';

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
}

/** How far into the text the document's start is looked for. */
const SCAN_CHARS = 100_000;
const SCAN_SEGS = 2000;
/** A header's marks stand within a few cells of each other. */
const CLUSTER = 10;
/** Lines above the first mark that may still belong to the header (issuer, superior body, star). */
const BACK = 8;
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
    const bare = !/[\p{L}\p{N}]/u.test(it.seg.text);
    if (!ISSUER_KINDS.has(it.kind) && !isStampLine(it.seg) && !bare) break;
    first = j;
  }
  return first;
}

function offsetOf(text: string, it: Item): number {
  const at = it.seg.map[0] ?? 0;
  const ls = lineStartBefore(text, at);
  // The whole line, unless the item is a piece of a line run together with what came before.
  return /[\p{L}\p{N}]/u.test(text.slice(ls, at)) && it.seg.map.length > 0 ? at : ls;
}

/** A title line (`NGHỊ QUYẾT`, `CHƯƠNG TRÌNH`) on a line of its own, after prose: a document without a header. */
function titleStart(items: readonly Item[]): number {
  let sawProse = false;
  for (let i = 0; i < items.length && i < 80; i++) {
    const it = items[i]!;
    if (it.kind === 'type' && sawProse && it.seg.col === 0 && it.seg.text.length <= 80) return i;
    if (it.kind === 'prose' || it.kind === 'text') sawProse = true;
  }
  return -1;
}

function siteLineAfter(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (eol - pos <= SITE_LINE_MAX) {
      const f = fold(text.slice(pos, eol)).replace(/[^a-z0-9 ]/g, '').trim();
      if (SITE_LINES.has(f)) return pos;
    }
    pos = eol + 1;
  }
  return -1;
}

export function findDocument(text: string): DocRegion {
  const segs = joinSplitCells(buildSegments(text, 0, Math.min(text.length, SCAN_CHARS), SCAN_SEGS));
  const items = classifySegments(segs, new Set());
  let start = 0;
  let anchor = -1;
  for (let i = 0; i < items.length; i++) {
    if (clusterAt(items, i).size >= 2) {
      anchor = i;
      break;
    }
  }
  let bodyFrom = 0;
  if (anchor >= 0) {
    const first = headerFirst(items, anchor, 0);
    start = first === 0 ? 0 : offsetOf(text, items[first]!);
    bodyFrom = anchor + CLUSTER;
  } else {
    const t = titleStart(items);
    if (t > 0) start = offsetOf(text, items[t]!);
    bodyFrom = Math.max(0, t) + 1;
  }
  let end = text.length;
  // The next header: another document (a related one, an attached text with its own header).
  for (let i = bodyFrom; i < items.length; i++) {
    const marks = clusterAt(items, i);
    if (marks.size >= 2 && marks.has('motto')) {
      end = offsetOf(text, items[headerFirst(items, i, bodyFrom)]!);
      break;
    }
  }
  const site = siteLineAfter(text, start);
  if (site > start && site < end) end = site;
  return { start, end };
}
