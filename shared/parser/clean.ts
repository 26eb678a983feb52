import { codeTable } from '../text/codeTable';
import { foldWithOffsets, foldOneToOne, foldedRange } from '../text/fold';
import { flatCuts, titleRunsIntoBody } from './flatten';
import { typeTitleLength, withTypeHeadMemo } from './lexicon';
import type { Piece } from './piece';

/**
 * Markdown and line-break cleanup with an offset map.
 *
 * Texts come from PDF/DOCX converters: `**bold**`, `## headings`, `\*` escapes, `*italic*`, hard
 * line breaks, blank lines between wrapped lines, tables flattened to tabs, long space runs or
 * `| cells |`. The parser works on "segments" — one table cell or one line — each cleaned of marks
 * and whitespace runs but keeping the input offset of every unit, so spans point into the input.
 */

/** One cleaned line, or one cell of a line that a converter laid out as columns. */
export interface Seg extends Piece {
  /** Index of the input line. */
  line: number;
  /** Column within the line (0 for ordinary lines). */
  col: number;
  /** How many cells the line had; >1 when the converter kept side-by-side columns. */
  ncols: number;
  /** Blank input lines directly above this line. */
  blankBefore: number;
  /** The line was wrapped in `**`/`__` (used to tell a bold title block from the body). */
  bold: boolean;
  /** The decorative `*` printed under the issuer's name. */
  star: boolean;
  /** A rule (`-----`, `___`, `***`): the line under a title, or a markdown horizontal rule. */
  sep: boolean;
  /** Folded (lower-case, no diacritics) text and, per folded unit, the index in `text`. */
  folded: string;
  foldMap: number[];
}

/** Markdown escapes a converter emits; the backslash is never part of the document. */
const ESCAPABLE = new Set('\\`*_{}[]()#+-.!|<>~'.split(''));

/** Spaces as a cell is cleaned of them: ASCII white space, the no-break and Unicode spaces, the BOM. */
const SPACE_CODES = codeTable([
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);

function isSpaceCode(c: number): boolean {
  return SPACE_CODES[c] === 1;
}

/**
 * A cell with nothing to clean (most lines of a body): no mark, escape or zero-width space, no
 * heading or quote marker, single spaces between words only. It cleans to itself.
 */
export function isCleanCell(raw: string): boolean {
  return !UNCLEAN_RE.test(raw);
}

/**
 * What {@link isCleanCell} looks for, as one compiled search (a loop over the units cost twice
 * as much): a heading or quote marker or a space opening the cell, a mark, escape or zero-width
 * space, a space other than U+0020 ({@link isSpaceCode}), two spaces together, a space ending it.
 */
const UNCLEAN_RE = /^[#> ]|[\\*_~\u200b-\u200d\t-\r\u00a0\ufeff\u2000-\u200a\u202f\u205f\u3000]| {2}| $/;

/**
 * Cleans one cell of raw text starting at input offset `base`: drops heading/quote markers,
 * `*`, `_`, `~~`, markdown escapes and zero-width spaces, collapses whitespace, trims.
 */
export function cleanCell(raw: string, base: number, clean = isCleanCell(raw)): Piece {
  if (clean) {
    const map = new Array<number>(raw.length);
    for (let k = 0; k < raw.length; k++) map[k] = base + k;
    return { text: raw, map };
  }
  let i = 0;
  const n = raw.length;
  while (i < n && isSpaceCode(raw.charCodeAt(i))) i++;
  if (raw.charCodeAt(i) === 35 /* # */) {
    while (i < n && raw.charCodeAt(i) === 35) i++;
  } else if (raw.charCodeAt(i) === 62 /* > */) {
    i++;
  }
  // Kept characters are copied in runs; only dropped marks and whitespace break a run.
  let text = '';
  const map: number[] = [];
  let runStart = -1;
  let spaceAt = -1;
  for (; i <= n; i++) {
    const code = i < n ? raw.charCodeAt(i) : -1;
    let drop = 0;
    let keepFrom = -1;
    if (code === -1) drop = 1;
    else if (code === 92 /* \ */ && i + 1 < n && ESCAPABLE.has(raw[i + 1]!)) {
      drop = 2;
      const next = raw.charCodeAt(i + 1);
      // An escaped star or underscore is still a formatting artefact (`Số 1485\*-KL/TU`).
      if (next !== 42 && next !== 95) keepFrom = i + 1;
    } else if (code === 42 || code === 95 || code === 0x200b || code === 0x200c || code === 0x200d) drop = 1;
    else if (code === 126 /* ~ */ && raw.charCodeAt(i + 1) === 126) drop = 2;
    else if (isSpaceCode(code)) drop = 3;
    if (drop === 0 && runStart >= 0) continue;
    if (runStart >= 0) {
      text += raw.slice(runStart, i);
      for (let k = runStart; k < i; k++) map.push(base + k);
      runStart = -1;
    }
    if (drop === 3) {
      if (spaceAt < 0) spaceAt = base + i;
      continue;
    }
    const from = drop === 0 ? i : keepFrom;
    if (drop === 2) i++;
    if (from < 0) continue;
    if (spaceAt >= 0 && text.length > 0) {
      text += ' ';
      map.push(spaceAt);
    }
    spaceAt = -1;
    runStart = from;
  }
  return { text, map };
}

/** A whole text cleaned to one line, for comparisons and tests (no offsets). */
export function cleanInline(raw: string): string {
  return cleanCell(raw.normalize('NFC'), 0).text;
}

const RULE_TEXT_RE = /^[-=—–~]+$/;
const SEP_RE = /^(?:[-=—–~_]{3,}|(?:\*\s*){3,})$/;
const TABLE_RULE_RE = /^:?-{3,}:?$/;
// A `|` standing apart is a cell border a copy kept from a table (`ỦY BAN NHÂN DÂN | CỘNG HÒA …`).
// A run of underscores inside a line is the rule under a header cell, drawn up to the next cell.
const CELL_SPLIT_RE = /\t+| {4,}|\u00a0{2,}|(?:^|[ \t])\|(?=[ \t]|$)[ \t]*|_{3,}|-{5,}/g;
/**
 * Whether a line holds what every match of {@link CELL_SPLIT_RE} holds: a tab, four spaces, two
 * no-break spaces, a `|`, `___` or `-----`. Six searches for a fixed string each cost less than one
 * search of the alternatives together (12.6 against 20.5 µs per bench document). A clean line
 * ({@link isCleanCell}) has no tab, run of spaces, no-break space or `_`, so `splitCells` asks it
 * only for the other two: a split added to {@link CELL_SPLIT_RE} is added here and there.
 */
function maySplit(line: string): boolean {
  return line.includes('\t') || line.includes('|') || line.includes('    ') || line.includes('\u00a0\u00a0') || line.includes('___') || line.includes('-----');
}
/** A line of nothing but cell borders: what is left of a table's layout, not a blank line. */
const BORDER_LINE_RE = /^[\s|]*\|[\s|]*$/;
const BLANK_SLOT_RE = /(?:^|[\s*])(?:ngày|tháng|năm|số|NGÀY|THÁNG|NĂM|Số|SỐ)\s?[:.]?$/u;

interface RawCell {
  raw: string;
  at: number;
  /** {@link isCleanCell} of `raw`, when the split asked it already. */
  clean?: boolean;
}

/**
 * Splits a raw line into the cells a converter laid side by side; null for a table's own rule line
 * (`|---|---|`), `'border'` for a line of bare `|` borders.
 */
function splitCells(line: string, at: number): RawCell[] | null | 'border' {
  const t = line.trim();
  if (BORDER_LINE_RE.test(t)) return 'border';
  if (t.startsWith('|') && t.endsWith('|') && t.length > 1) {
    const cells: RawCell[] = [];
    let start = line.indexOf('|') + 1;
    const last = line.lastIndexOf('|');
    let rule = true;
    while (start <= last) {
      let end = line.indexOf('|', start);
      while (end > 0 && line[end - 1] === '\\') end = line.indexOf('|', end + 1);
      if (end < 0 || end > last) end = last;
      const raw = line.slice(start, end);
      if (raw.trim() !== '') {
        if (!TABLE_RULE_RE.test(raw.trim())) rule = false;
        cells.push({ raw, at: at + start });
      }
      start = end + 1;
    }
    // `|---|---|` is the table's own rule line, not a document separator.
    return rule && cells.length > 0 ? null : cells;
  }
  // A line that is only a rule stays one cell: the rule itself.
  if (/^[-_=—–~*\s]+$/.test(t)) return [{ raw: line, at }];
  // Nearly every line has none of the gaps and borders that split, and is clean: it has no tab,
  // run of spaces, no-break space or `_`, so of the gaps and borders only a `|` or `-----` can be
  // in it. Its one cell keeps the answer, which its cleaning would ask again.
  const clean = isCleanCell(line);
  if (clean ? !line.includes('|') && !line.includes('-----') : !maySplit(line)) return line.length > 0 ? [{ raw: line, at, clean }] : [];
  const cells: RawCell[] = [];
  let prev = 0;
  CELL_SPLIT_RE.lastIndex = 0;
  for (let m = CELL_SPLIT_RE.exec(line); m; m = CELL_SPLIT_RE.exec(line)) {
    // `ngày      tháng 6`, `Số      -KH/HU`: a slot left blank for the clerk, not a column gap.
    if (BLANK_SLOT_RE.test(line.slice(Math.max(prev, m.index - 8), m.index))) continue;
    if (m.index > prev) cells.push({ raw: line.slice(prev, m.index), at: at + prev });
    // `Hồ Chí Minh--------- BAN BÍ THƯ …`: the rule under a title, its line break lost, stays a rule.
    if (m[0][0] === '-') cells.push({ raw: m[0], at: at + m.index });
    prev = m.index + m[0].length;
  }
  if (prev < line.length) cells.push({ raw: line.slice(prev), at: at + prev });
  return cells;
}

/** Lines longer than this are body prose for the header and footer readers; only a prefix is kept. */
export const MAX_LINE = 1200;

/**
 * Cleans the lines of `text[from, to)` into segments. `from` should be a line start; a line cut by
 * `to` is kept up to `to`. Lines are cleaned independently so a window of a huge text costs only
 * its own length. `[from, joinTo)` (when `joinTo` > `from`) is one paragraph a renderer wrapped
 * over several lines: it is read as the one line it was, its line breaks taken as spaces.
 */
export function buildSegments(text: string, from: number, to: number, maxSegs = Infinity, joinTo = -1): Seg[] {
  const out: SegOut = { segs: [], line: 0, blank: 0, maxSegs };
  const cache = lineCache !== null && lineCache.text === text ? lineCache.lines : null;
  const folded = cache ? documentFold() : null;
  let pos = from;
  const readJoined = (start: number, stop: number): number => {
    const end = Math.min(stop, to, start + FLAT_SCAN);
    // One unit for one unit: offsets into the joined line are offsets into the text.
    const joined = readLine(text.slice(start, end).replace(/[\r\n]/g, ' '), start, end);
    for (const part of joined.parts) addLine(out, part, joined.flattened);
    return end + 1;
  };
  if (joinTo > from) pos = readJoined(from, joinTo);
  while (pos < to && out.segs.length < maxSegs) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > to) eol = to;
    // `QUYẾT ĐỊNH BAN HÀNH … CỦA CẤP TỈNH BỘ` / `TRƯỞNG BỘ … Căn cứ …`: a title block run into the
    // body on one line, then wrapped by a PDF or a scan: read as the one line it was.
    if (eol - pos >= MIN_WRAPPED && text.charCodeAt(pos) !== 32 && typeTitleLength(text.slice(pos, pos + 40)) > 0) {
      const end = wrappedParagraphEnd(text, pos, to);
      if (end > eol && titleRunsIntoBody(text.slice(pos, Math.min(end, pos + 2500)).replace(/[\r\n]/g, ' '))) {
        pos = readJoined(pos, end);
        continue;
      }
    }
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const scanEnd = Math.min(end, pos + FLAT_SCAN);
    let line = cache?.get(pos);
    if (line === undefined || line.end !== scanEnd) {
      line = readLine(text.slice(pos, scanEnd), pos, scanEnd, folded);
      cache?.set(pos, line);
    }
    for (const part of line.parts) {
      if (out.segs.length >= maxSegs && line.flattened) break;
      addLine(out, part, line.flattened);
    }
    pos = eol + 1;
  }
  return out.segs;
}

/** Wrapped lines are nearly as long as the longest one before them; the paragraph's last is shorter. */
const WRAPPED_SHARE = 0.6;
const MIN_WRAPPED = 40;
const MAX_PARAGRAPH = 6000;

/**
 * A paragraph run together on one line, then wrapped by the PDF or scan it was printed to (a
 * footer: `… thi hành./. Nơi nhận: - Như điều 4; - Lưu` / `VT. TM. BAN …`; a title block run into
 * the body). From the line holding `from`, the following lines belong to it while each line before
 * them was wrapped (about as long as the longest so far) and no blank line parts them: where that
 * paragraph ends, or -1 when its first line is the whole of it or too short to have been wrapped.
 */
export function wrappedParagraphEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + MAX_PARAGRAPH);
  let lineStart = lineStartBefore(text, from);
  let longest = 0;
  let end = -1;
  while (lineStart < limit) {
    let eol = text.indexOf('\n', lineStart);
    if (eol < 0 || eol > limit) eol = limit;
    const length = text.slice(lineStart, eol).trim().length;
    if (length === 0) break;
    if (end >= 0 && length < Math.max(MIN_WRAPPED, longest * WRAPPED_SHARE) && eol < limit) {
      // The paragraph's last line: shorter, and ends it.
      end = eol;
      break;
    }
    longest = Math.max(longest, length);
    if (longest < MIN_WRAPPED) return -1;
    end = eol;
    lineStart = eol + 1;
  }
  const firstEnd = text.indexOf('\n', from);
  return firstEnd >= 0 && end > firstEnd ? end : -1;
}

/** How much of one line is looked at for a flattened header or footer. */
const FLAT_SCAN = 20000;

interface SegOut {
  segs: Seg[];
  line: number;
  blank: number;
  maxSegs: number;
}

/**
 * One raw line (or one piece of a flattened line) split into cells and cleaned: `'border'` for a
 * line of bare borders, `null` for a table's rule line, else its cells (none when all cleaned to
 * nothing). Its place among the lines (`line`, `blankBefore`) is set when it is added.
 */
type LineCells = 'border' | null | Seg[];

/** A line of the input, read once: the pieces it was cut into (one unless it was flattened). */
interface ReadLine {
  /** Where the part of the line that was read ends (a line cut by a window's end reads shorter). */
  end: number;
  flattened: boolean;
  parts: LineCells[];
}

/**
 * `scanned` is the text from `pos`; `folded`, when given, is the fold of the whole text, unit for
 * unit ({@link documentFold}): only when `scanned` is the text as it stands, not a joined copy.
 */
function readLine(scanned: string, pos: number, end: number, folded: string | null = null): ReadLine {
  // A header or footer run together on one line is read as the lines it was made of.
  const cuts = flatCuts(scanned);
  if (!cuts) return { end, flattened: false, parts: [lineCells(scanned.slice(0, MAX_LINE), pos, folded)] };
  const parts: LineCells[] = [];
  let prev = 0;
  for (const cut of [...cuts, scanned.length]) {
    parts.push(lineCells(scanned.slice(prev, Math.min(cut, prev + MAX_LINE)), pos + prev, folded));
    prev = cut;
  }
  return { end, flattened: true, parts };
}

/**
 * Lines already read in one text, by offset: the header, the document's bounds and the footer each
 * clean a window of the same text, and a short document's windows are the same lines. Only within
 * {@link withLineCache}, for one text at a time.
 */
let lineCache: { text: string; lines: Map<number, ReadLine>; folded?: string | null } | null = null;

/** Texts folded whole for their lines ({@link documentFold}) up to this length; a longer one is folded line by line. */
const DOCUMENT_FOLD_MAX = 1_000_000;

/**
 * The fold of the text being parsed ({@link withLineCache}), made once, when it folds unit for unit
 * (`foldOneToOne`): a line's fold is then a slice of it. Null otherwise (each line is folded).
 */
function documentFold(): string | null {
  if (lineCache === null) return null;
  if (lineCache.folded === undefined) lineCache.folded = lineCache.text.length <= DOCUMENT_FOLD_MAX ? foldOneToOne(lineCache.text) : null;
  return lineCache.folded;
}

/**
 * Runs `fn` (one parse of `text`) with the lines of `text` cleaned at most once: every window
 * after the first reuses the lines it shares with earlier ones. The segments are the same as
 * without it (each window gets its own, numbered from its first line).
 */
export function withLineCache<T>(text: string, fn: () => T): T {
  const outer = lineCache;
  lineCache = { text, lines: new Map() };
  try {
    return withTypeHeadMemo(fn);
  } finally {
    lineCache = outer;
  }
}

/** The cells of one raw line starting at input offset `at`, cleaned; `folded` as for {@link readLine}. */
function lineCells(rawLine: string, at: number, folded: string | null): LineCells {
  const cells = splitCells(rawLine, at);
  if (cells === 'border' || cells === null) return cells;
  const kept: Seg[] = [];
  for (const cell of cells) {
    const p = cleanCell(cell.raw, cell.at, cell.clean);
    // Only a line cleaned to nothing or to dashes can be the `*` or a rule.
    const bare = p.text === '' || RULE_TEXT_RE.test(p.text) ? cell.raw.replace(/[\s\\]/g, '') : '';
    const star = p.text === '' && bare === '*';
    const sep = !star && bare !== '' && SEP_RE.test(bare);
    if (p.text === '' && !star && !sep) continue;
    const trimmed = cell.raw.trimStart();
    // A cell that cleaned to itself is a range of the text: its fold is that range of the text's.
    const fold = folded !== null && p.text === cell.raw ? foldedRange(folded, cell.at, cell.at + p.text.length) : undefined;
    const info: SegInfo = { line: 0, col: kept.length, ncols: 0, blankBefore: 0, bold: /^(?:#{1,6}\s?)?(?:\*\*|__)/.test(trimmed), star, sep };
    kept.push(makeSeg(p, info, fold));
  }
  for (const k of kept) k.ncols = kept.length;
  return kept;
}

/** Adds the segments of one raw line (or one piece of a flattened line), read by {@link lineCells}. */
function addLine(out: SegOut, cells: LineCells, piece: boolean): void {
  if (cells === 'border') {
    // Not a line of the document: neither text nor a blank line.
  } else if (cells === null || cells.length === 0) {
    // A piece of a flattened line cut to nothing is not a blank line of the document.
    if (cells !== null && !piece) out.blank++;
  } else {
    // Each window numbers its own lines: the cleaned cells are shared, their places are not.
    for (const k of cells) {
      if (out.segs.length < out.maxSegs) out.segs.push(placedSeg(k, out.line, k.col, k.ncols, out.blank));
    }
    out.blank = 0;
  }
  out.line++;
}

export type SegInfo = Omit<Seg, 'text' | 'map' | 'folded' | 'foldMap'>;

/** `fold`: `foldWithOffsets(p.text)` when the caller has it already. */
export function makeSeg(p: Piece, info: SegInfo, fold?: { folded: string; offsets: number[] }): Seg {
  const f = fold ?? foldWithOffsets(p.text);
  return {
    text: p.text,
    map: p.map,
    line: info.line,
    col: info.col,
    ncols: info.ncols,
    blankBefore: info.blankBefore,
    bold: info.bold,
    star: info.star,
    sep: info.sep,
    folded: f.folded,
    foldMap: f.offsets,
  };
}

/**
 * `seg` at another place: its line, column, cells on its line and blank lines above. Of the shape
 * {@link makeSeg} gives, where a spread's copy has a shape of its own, and code reading segments
 * optimised for the one was thrown away at the other.
 */
export function placedSeg(seg: Seg, line: number, col: number, ncols: number, blankBefore: number): Seg {
  // Every field of Seg named: one added to Seg later fails to compile here rather than be dropped.
  return { text: seg.text, map: seg.map, line, col, ncols, blankBefore, bold: seg.bold, star: seg.star, sep: seg.sep, folded: seg.folded, foldMap: seg.foldMap } satisfies Record<keyof Seg, unknown>;
}

/** Part of a segment (text indices), e.g. the number when a converter put the date on its line. */
export function subSeg(seg: Seg, start: number, end: number = seg.text.length): Seg {
  let a = start;
  let b = end;
  while (a < b && seg.text[a] === ' ') a++;
  while (b > a && seg.text[b - 1] === ' ') b--;
  const info: SegInfo = {
    line: seg.line,
    col: seg.col,
    ncols: seg.ncols,
    blankBefore: seg.blankBefore,
    bold: seg.bold,
    star: false,
    sep: false,
  };
  return makeSeg({ text: seg.text.slice(a, b), map: seg.map.slice(a, b) }, info);
}

/**
 * Two segments read as one line (a cell a copy split over two lines): joined with a space that
 * borrows the offset after the first, keeping the first's place in the layout.
 */
export function makeJoined(a: Seg, b: Seg): Seg {
  const info: SegInfo = {
    line: a.line,
    col: a.col,
    ncols: a.ncols,
    blankBefore: a.blankBefore,
    bold: a.bold && b.bold,
    star: false,
    sep: false,
  };
  const last = a.map[a.map.length - 1] ?? 0;
  return makeSeg({ text: `${a.text} ${b.text}`, map: [...a.map, last + 1, ...b.map] }, info);
}

/** Text index in `seg.text` of folded index `fi`. */
export function textIndex(seg: Seg, fi: number): number {
  return seg.foldMap[Math.min(fi, seg.foldMap.length - 1)]!;
}

/** Starts of lines: the offset just after the previous `\n` at or before `at`. */
export function lineStartBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const nl = text.lastIndexOf('\n', at - 1);
  return nl + 1;
}
