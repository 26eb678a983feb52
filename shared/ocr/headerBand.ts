/**
 * The header table of a scanned page, found in a first reading so it can be read again column by
 * column. A party or State header is two cells side by side (body names and number on the left,
 * motto or party line and place-date on the right), with short centred lines and the rules printed
 * under them. Read as part of a whole page, the recogniser's page layout often takes a rule or a
 * lone wrapped word (`ƯƠNG`) for a picture and drops it, or runs both cells into one line; read
 * alone, each cell is one plain column of text.
 *
 * The band is a run of lines at the top of the page (within its upper half) that leave a common
 * gutter near the middle, with words on both sides of it; it ends at the first line that crosses
 * the gutter (the type line, a title or the body, all centred or full width).
 */

/** A recognised word, in the pixels of the image read. */
export interface BandWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  block: number;
  paragraph: number;
  line: number;
  /** The recogniser's confidence in it, 0–100, when known. */
  confidence?: number;
}

/** A recognised word with the recogniser's confidence in it, 0–100. */
export interface ReadWord extends BandWord {
  confidence: number;
}

export interface HeaderBand {
  /** Top and bottom of the band, in pixels (bottom exclusive). */
  top: number;
  bottom: number;
  /** The x between the two cells: the middle of the gutter. */
  split: number;
}

/** Where a header row's two cells may part: between these shares of the page's width. */
const GUTTER_FROM = 0.3;
const GUTTER_TO = 0.72;
/** Two cells on one line are at least this share of the page's width apart (words: about 1%). */
const MIN_CELL_GAP = 0.04;
/** A line of one cell is centred within this share of the page's width of the cell's centre. */
const CENTRE_TOLERANCE = 0.06;
/** The header starts within this share of the page's height, and ends within its upper half. */
const START_WITHIN = 0.35;
const END_WITHIN = 0.5;

export interface Line {
  top: number;
  bottom: number;
  spans: Array<[number, number]>;
}

/**
 * Below this confidence a word of one or two characters is a mark read as letters (the `*` under a
 * body's name read as `0`, its rule as `TA`), not text: it would stand off-centre beside the
 * line's real words and end the band there.
 */
const MARK_CONFIDENCE = 40;

/**
 * A line none of whose words the recogniser was this sure of is marks read as letters (a star or
 * rule under a name read as `VỚNG 0777 0`, `non...`), not a line of a cell: it would stand
 * between the cells' centres and end the band there.
 */
const UNSURE_LINE = 50;

/** Whether a word is text of the header rather than a rule, a star or a speck. */
function isText(w: BandWord): boolean {
  if (!/[\p{L}\p{N}]/u.test(w.text)) return false;
  return !(w.confidence !== undefined && w.confidence < MARK_CONFIDENCE && [...w.text].length <= 2);
}

/**
 * The page's rows of words, top to bottom; words with no letter or digit (rules, specks), marks
 * read as letters and lines of nothing but unsure words left out.
 */
export function linesOf(words: readonly BandWord[]): Line[] {
  const byKey = new Map<string, Line & { sure: boolean }>();
  for (const w of words) {
    if (!isText(w)) continue;
    const key = `${w.block}/${w.paragraph}/${w.line}`;
    const line = byKey.get(key);
    const sure = w.confidence === undefined || w.confidence >= UNSURE_LINE;
    if (line) {
      line.top = Math.min(line.top, w.top);
      line.bottom = Math.max(line.bottom, w.top + w.height);
      line.spans.push([w.left, w.left + w.width]);
      line.sure ||= sure;
    } else byKey.set(key, { top: w.top, bottom: w.top + w.height, spans: [[w.left, w.left + w.width]], sure });
  }
  for (const [key, line] of byKey) if (!line.sure) byKey.delete(key);
  // Lines the recogniser numbered apart but that stand side by side (the two cells of a row, read
  // as blocks of their own) are one row of the page.
  const rows: Line[] = [];
  for (const l of [...byKey.values()].sort((a, b) => a.top - b.top)) {
    const row = rows.find((r) => Math.min(r.bottom, l.bottom) - Math.max(r.top, l.top) >= 0.5 * Math.min(r.bottom - r.top, l.bottom - l.top));
    if (row) {
      row.top = Math.min(row.top, l.top);
      row.bottom = Math.max(row.bottom, l.bottom);
      row.spans.push(...l.spans);
    } else rows.push(l);
  }
  for (const r of rows) r.spans.sort((a, b) => a[0] - b[0]);
  return rows.sort((a, b) => a.top - b.top);
}

/** A line's words parted at its widest gap between words when that gap can part two cells. */
function cellsOf(line: Line, width: number): { left: Array<[number, number]>; right: Array<[number, number]> } | null {
  let at = -1;
  let widest = 0;
  for (let i = 1; i < line.spans.length; i++) {
    const gap = line.spans[i]![0] - line.spans[i - 1]![1];
    const middle = (line.spans[i]![0] + line.spans[i - 1]![1]) / 2;
    if (gap > widest && middle > width * GUTTER_FROM && middle < width * GUTTER_TO) [at, widest] = [i, gap];
  }
  return at > 0 && widest >= width * MIN_CELL_GAP ? { left: line.spans.slice(0, at), right: line.spans.slice(at) } : null;
}

const centre = (spans: ReadonlyArray<[number, number]>) => (spans[0]![0] + spans[spans.length - 1]![1]) / 2;

/**
 * The header band of a page `width`×`height` from its first reading's words, or null when it has
 * none. A header row holds both cells' lines at once: the first line with two groups of words far
 * apart gives the cells' centres; the lines above and below it belong to the band while each is
 * centred on one of the two cells (or holds both), and the band ends at the first line that is not
 * (a title centred on the page, a body line).
 */
export function headerBand(words: readonly BandWord[], width: number, height: number): HeaderBand | null {
  const lines = linesOf(words);
  const t = lines.findIndex((l) => l.top <= height * START_WITHIN && cellsOf(l, width) !== null);
  if (t < 0) return null;
  const row = cellsOf(lines[t]!, width)!;
  const cl = centre(row.left);
  const cr = centre(row.right);
  const tolerance = width * CENTRE_TOLERANCE;
  const left: Array<[number, number]> = [];
  const right: Array<[number, number]> = [];
  const fits = (l: Line): boolean => {
    const cells = cellsOf(l, width);
    if (cells) return Math.abs(centre(cells.left) - cl) <= tolerance && Math.abs(centre(cells.right) - cr) <= tolerance;
    return Math.abs(centre(l.spans) - cl) <= tolerance || Math.abs(centre(l.spans) - cr) <= tolerance;
  };
  const take = (l: Line) => {
    const cells = cellsOf(l, width);
    if (cells) {
      left.push(...cells.left);
      right.push(...cells.right);
    } else (Math.abs(centre(l.spans) - cl) <= Math.abs(centre(l.spans) - cr) ? left : right).push(...l.spans);
  };
  let s = t;
  while (s > 0 && fits(lines[s - 1]!)) s--;
  let e = t;
  while (e < lines.length && lines[e]!.bottom <= height * END_WITHIN && fits(lines[e]!)) e++;
  // Two cells over at least two lines, and a line after them that is not part of the table.
  if (e - s < 2 || e >= lines.length) return null;
  for (const l of lines.slice(s, e)) take(l);
  const gl = Math.max(...left.map(([, r]) => r));
  const gr = Math.min(...right.map(([l]) => l));
  if (gr - gl < width * MIN_CELL_GAP / 2) return null;
  const first = lines[s]!;
  const last = Math.max(...lines.slice(s, e).map((l) => l.bottom));
  const next = lines[e]!.top;
  const lineHeight = first.bottom - first.top;
  return {
    top: Math.max(0, Math.round(first.top - 1.5 * lineHeight)),
    bottom: Math.round(Math.max(last, Math.min(next, (last + next) / 2 + 0.25 * lineHeight))),
    split: Math.round((gl + gr) / 2),
  };
}

/** Whether a word's centre lies in the band. */
export function inBand(w: BandWord, band: HeaderBand): boolean {
  const cy = w.top + w.height / 2;
  return cy >= band.top && cy < band.bottom;
}

/**
 * A cell's words without the marks printed between its lines: a line of one or two characters
 * holding no word (the rule or star under a body's name, read as `3`, `x`, `:`), and lone signs the
 * recogniser was not sure of.
 */
export function cellWords<W extends ReadWord>(read: readonly W[]): W[] {
  const words = splitRows(read);
  const key = (w: W) => `${w.block}/${w.paragraph}/${w.line}`;
  const count = new Map<string, number>();
  for (const w of words) count.set(key(w), (count.get(key(w)) ?? 0) + 1);
  return words.filter((w) => {
    if (count.get(key(w)) === 1 && w.text.length <= 2 && !/\p{L}{2}/u.test(w.text)) return false;
    return /[\p{L}\p{N}]/u.test(w.text) || w.confidence >= 50;
  });
}

/**
 * Words read as one line that stand on two rows (`CHÍNH PHỦ` over `Số: 30/2020/NĐ-CP` with a rule
 * between them, read as a single block) go on two lines: a word whose middle lies more than half
 * a word's height below the previous word's starts a new line.
 */
function splitRows<W extends ReadWord>(words: readonly W[]): W[] {
  let extra = 0;
  return words.map((w, i) => {
    const prev = words[i - 1];
    const sameLine = prev && prev.block === w.block && prev.paragraph === w.paragraph && prev.line === w.line;
    if (sameLine && w.top + w.height / 2 - (prev.top + prev.height / 2) > 0.5 * Math.max(w.height, prev.height)) extra++;
    return extra === 0 ? w : { ...w, line: w.line + extra * 1000 };
  });
}

/** Mean confidence weighted by the words' lengths (as `pageConfidence`); 0 for no word. */
function meanConfidence(words: readonly ReadWord[]): number {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    sum += w.confidence * w.text.length;
    weight += w.text.length;
  }
  return weight > 0 ? sum / weight : 0;
}

/**
 * Of a cell's first reading (as part of the page) and its reading alone, the one the recogniser is
 * surer of: a cell the page layout garbled (a rule read as letters, a word dropped) reads better
 * alone; a clean one may read a little worse cut out of its page. The reading alone wins ties.
 */
export function surerReading<W extends ReadWord>(first: readonly W[], alone: readonly W[], block: number): W[] {
  const again = cellWords(alone);
  return asOneBlock(meanConfidence(again) >= meanConfidence(first) ? again : splitRows(first), block);
}

/** The words as one block of the page, each line they were read on kept a line of its own. */
function asOneBlock<W extends ReadWord>(words: readonly W[], block: number): W[] {
  const lines = new Map<string, number>();
  return words.map((w) => {
    const key = `${w.block}/${w.paragraph}/${w.line}`;
    if (!lines.has(key)) lines.set(key, lines.size + 1);
    return { ...w, block, paragraph: 1, line: lines.get(key)! };
  });
}
