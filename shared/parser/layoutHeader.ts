import { lineStartBefore, makeSeg, type Seg } from './clean';
import type { PlacedPage } from './layout';
import { alignPage, type PlacedWord } from './placedWords';
import type { DocRegion } from './region';

/**
 * The header read as the two-column table it is, from positioned text (OCR word boxes, a PDF's
 * text items, Word table cells): issuer(s), number and a công văn's subject on the left; the party
 * line or national motto and the place-date on the right. In reading order the two columns
 * interleave — an OCR line gives `V/v hướng dẫn kiểm tra chéo công Hà Nội, ngày 23 tháng 03 năm 2007`
 * — read by position they never do.
 *
 * The words of the first page are grouped into rows, the column boundary is where most of the top
 * rows have a gap, and the table ends at the first row that belongs to neither column (the centred
 * title, a body paragraph). Its cells are returned left column first, then the right column, as
 * segments that point into the text; the text after the table is read as before.
 */

export interface LayoutHeader {
  /** The table's cells: left column top to bottom, then the right column. */
  segs: Seg[];
  /** Text offset where the rest of the document (title, body) starts. */
  bodyFrom: number;
}

/** Below this share of a page's words found in its text, the positions are not the text's: unused. */
const MIN_FOUND = 0.8;
const BAR_RE = /^[|¦]{1,3}$/;
/** Rows looked at for the column boundary. */
const TOP_ROWS = 16;

interface Row {
  words: PlacedWord[];
  top: number;
  bottom: number;
  /** The sums of the words' vertical middles and heights (their means: where the row's line runs, how tall). */
  mids: number;
  heights: number;
}

function centreOf(words: readonly PlacedWord[]): number {
  const last = words[words.length - 1]!;
  return (words[0]!.x + last.x + last.width) / 2;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Words on the same line (their vertical middles close), each row left to right. A word joins a
 * row when its middle lies within half a height (its own or the row's mean) of the row's mean
 * middle: the row's whole extent would grow with every word a little higher or lower (the
 * motto set a little above the issuer's line, a capital's box taller for its hook and tail) until
 * it swallowed the next line, and the two lines of the motto came out interleaved word by word.
 */
function rowsOf(words: readonly PlacedWord[]): Row[] {
  const sorted = [...words].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const rows: Row[] = [];
  for (const w of sorted) {
    const mid = w.y + w.height / 2;
    const row = rows[rows.length - 1];
    if (row && mid - row.mids / row.words.length <= 0.5 * Math.max(row.heights / row.words.length, w.height)) {
      row.words.push(w);
      row.top = Math.min(row.top, w.y);
      row.bottom = Math.max(row.bottom, w.y + w.height);
      row.mids += mid;
      row.heights += w.height;
    } else {
      rows.push({ words: [w], top: w.y, bottom: w.y + w.height, mids: mid, heights: w.height });
    }
  }
  for (const r of rows) r.words.sort((a, b) => a.x - b.x);
  return rows;
}

interface Gap {
  from: number;
  to: number;
}

/** Horizontal gaps between words of a row wider than a column gap. */
function gapsOf(row: Row, minGap: number): Gap[] {
  const out: Gap[] = [];
  for (let i = 1; i < row.words.length; i++) {
    const a = row.words[i - 1]!;
    const b = row.words[i]!;
    const from = a.x + a.width;
    if (b.x - from >= minGap) out.push({ from, to: b.x });
  }
  return out;
}

/** The x where most top rows have a column gap, and how many do. */
function columnBoundary(rows: readonly Row[], minGap: number, lo: number, hi: number): { x: number; rows: number } | null {
  const gaps = rows.slice(0, TOP_ROWS).map((r) => gapsOf(r, minGap));
  let best: { x: number; rows: number } | null = null;
  for (const list of gaps) {
    for (const g of list) {
      const x = (g.from + g.to) / 2;
      if (x < lo || x > hi) continue;
      const n = gaps.filter((l) => l.some((h) => h.from <= x && x <= h.to)).length;
      if (!best || n > best.rows) best = { x, rows: n };
    }
  }
  if (!best || best.rows < 2) return null;
  // The middle of the band every one of those gaps covers.
  let from = -Infinity;
  let to = Infinity;
  for (const list of gaps) {
    const g = list.find((h) => h.from <= best!.x && best!.x <= h.to);
    if (g) {
      from = Math.max(from, g.from);
      to = Math.min(to, g.to);
    }
  }
  return { x: (from + to) / 2, rows: best.rows };
}

type Side = 'left' | 'right' | 'both' | 'middle';

function pieceOf(words: readonly PlacedWord[]): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (const w of words) {
    if (text.length > 0) {
      text += ' ';
      map.push(map[map.length - 1]! + 1);
    }
    text += w.text;
    for (let i = 0; i < w.text.length; i++) map.push(w.start + i);
  }
  return { text, map };
}

function segOf(words: readonly PlacedWord[], line: number): Seg {
  const p = pieceOf(words);
  const bare = p.text.replace(/\s/g, '');
  // The `*` under a party issuer, the rules under the names: marks of the layout, not text.
  const star = /^\*{1,3}$/.test(bare);
  const sep = !star && /^(?:[-=—–~_]{3,}|\*{4,})$/.test(bare);
  return makeSeg(star || sep ? { text: '', map: [] } : p, { line, col: 0, ncols: 1, blankBefore: 0, bold: false, star, sep });
}

/**
 * Reads the header table of the first page, or returns null when positions cannot be used: no
 * page, words that do not match the text, or no two columns at the top.
 */
export function readLayoutHeader(text: string, pages: readonly PlacedPage[] | undefined, region: DocRegion): LayoutHeader | null {
  if (!pages || pages.length === 0) return null;
  const page = pages.reduce((a, b) => (b.index < a.index ? b : a));
  const aligned = alignPage(text, page);
  if (aligned.looked === 0 || aligned.found / aligned.looked < MIN_FOUND) return null;
  // A bar alone (`|`) is a table's border or a speck a recogniser read as one: no word of a cell.
  const words = aligned.words.filter((w) => w.start >= region.start && w.start < region.end && !BAR_RE.test(w.text));
  if (words.length < 4) return null;
  const rows = rowsOf(words);
  const h = median(words.map((w) => w.height));
  const left = Math.min(...words.map((w) => w.x));
  const right = Math.max(...words.map((w) => w.x + w.width));
  const span = right - left;
  // A column gap is wider than a space between words; the boundary lies inside the text block.
  const minGap = Math.max(h, span * 0.02);
  const boundary = columnBoundary(rows, minGap, left + span * 0.2, left + span * 0.75);
  if (!boundary) return null;
  const split = boundary.x;
  // Each column's cells are centred under its name: the centres of the cells on either side of the
  // boundary, on the rows that have both.
  const leftCentres: number[] = [];
  const rightCentres: number[] = [];
  for (const r of rows.slice(0, TOP_ROWS)) {
    const l = r.words.filter((w) => w.x + w.width <= split);
    const rw = r.words.filter((w) => w.x >= split);
    if (l.length > 0 && rw.length > 0) {
      leftCentres.push(centreOf(l));
      rightCentres.push(centreOf(rw));
    }
  }
  const leftCentre = median(leftCentres);
  const rightCentre = median(rightCentres);
  const tol = span * 0.07;

  const sideOf = (r: Row): Side => {
    const l = r.words.filter((w) => w.x + w.width / 2 < split);
    const rr = r.words.filter((w) => w.x + w.width / 2 >= split);
    // Both columns on the row only across a column gap; a line running over the boundary with
    // ordinary spaces is one line (the title, `Kính gửi`, the body).
    if (l.length > 0 && rr.length > 0) {
      const gap = rr[0]!.x - (l[l.length - 1]!.x + l[l.length - 1]!.width);
      if (gap >= minGap) return 'both';
    }
    // A line of one column is centred under it (the right one may be set to the margin); the
    // centred title, a body line, `Kính gửi` set at the indent, are not.
    const centre = centreOf(r.words);
    const to = r.words[r.words.length - 1]!.x + r.words[r.words.length - 1]!.width;
    if (Math.abs(centre - leftCentre) <= tol) return 'left';
    if (Math.abs(centre - rightCentre) <= tol || (r.words[0]!.x >= split && to >= right - span * 0.04)) return 'right';
    return 'middle';
  };

  const before: Row[] = [];
  const leftCells: PlacedWord[][] = [];
  const rightCells: PlacedWord[][] = [];
  let inTable = false;
  let end = rows.length;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const side = sideOf(r);
    if (side === 'middle') {
      if (inTable) {
        end = i;
        break;
      }
      before.push(r);
      continue;
    }
    inTable = true;
    if (side === 'left') leftCells.push(r.words);
    else if (side === 'right') rightCells.push(r.words);
    else {
      leftCells.push(r.words.filter((w) => w.x + w.width / 2 < split));
      rightCells.push(r.words.filter((w) => w.x + w.width / 2 >= split));
    }
  }
  if (leftCells.length === 0 || rightCells.length === 0) return null;

  const segs: Seg[] = [];
  let line = 0;
  for (const r of before) segs.push(segOf(r.words, line++));
  for (const c of leftCells) segs.push(segOf(c, line++));
  for (const c of rightCells) segs.push(segOf(c, line++));
  // The rest starts at the first row after the table, on its own line of the text.
  const tableEnd = Math.max(...[...leftCells, ...rightCells].flat().map((w) => w.start + w.text.length));
  const next = rows[end]?.words.reduce((a, b) => (b.start < a.start ? b : a));
  const bodyFrom = next ? Math.max(tableEnd, lineStartBefore(text, next.start)) : tableEnd;
  return { segs, bodyFrom };
}
