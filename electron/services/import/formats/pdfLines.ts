import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { PlacedText } from '../../../../shared/parser/layout';
import { fromLegacy } from '../../../../shared/text/encodings/detect';
import type { FontEncoding } from '../../../../shared/text/encodings/fonts';
import { isVietnameseSyllable } from '../../../../shared/text/encodings/score';
import { decodeTcvn3 } from '../../../../shared/text/encodings/tcvn3';
import { toNfc } from '../../../../shared/text/normalize';

/**
 * Lines of a PDF page rebuilt from the text layer's items by their positions: characters on the
 * same baseline form a line, left to right; a gap wider than 1.5 characters between them is a
 * column gap (written as a tab, which the parser reads as side-by-side columns: the header's two
 * blocks, `Nơi nhận` beside the signature), a smaller one a space; a vertical gap of more than
 * ~1.7 lines is kept as a blank line.
 */

/** One character of the text layer, where it was drawn, and what its font says about it. */
interface Glyph {
  ch: string;
  x: number;
  end: number;
  y: number;
  size: number;
  encoding: FontEncoding | null;
  /** The item's font (pdf.js id): a change of font inside a word is how fallback glyphs show. */
  font: string;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return typeof (item as TextItem).str === 'string';
}

/**
 * Splits text items into characters, sharing each item's width evenly. Converters that fall back
 * to a second font for the letters the first one lacks (LibreOffice does, for Vietnamese) draw the
 * line twice: the first pass leaves spaces where the second puts `Ả`, `Ộ`… Working per character,
 * by position, puts each letter back in its place.
 */
function glyphsOf(items: ReadonlyArray<TextItem | TextMarkedContent>, fontOf: (fontName: string) => FontEncoding | null): Glyph[] {
  const glyphs: Glyph[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str === '') continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    const size = Math.max(Math.hypot(c!, d!), Math.hypot(a!, b!), 1);
    const encoding = fontOf(item.fontName);
    const chars = [...(encoding ? item.str : toNfc(item.str))];
    const step = item.width / chars.length;
    chars.forEach((ch, i) => {
      // Control codes stand for glyphs without a character (accents drawn apart): not text.
      if (/[\u0000-\u001f\u007f-\u009f]/.test(ch)) return;
      glyphs.push({ ch, x: x! + i * step, end: x! + (i + 1) * step, y: y!, size, encoding, font: item.fontName });
    });
  }
  return glyphs;
}

/**
 * TCVN3 puts `ư` at 0xAD, which PDF's standard encoding calls `hyphen`: a PDF made from a `.VnTime`
 * document gives `Th-êng` for `Thường`, `th-` for `thư`, `-¬ng` for `ương`. A hyphen is read as
 * `ư` only where that makes the word a Vietnamese syllable; `CT-XH`, `80-QĐ`, `kinh tế - xã hội`
 * keep theirs.
 */
function tcvn3FromPdf(chars: string): string {
  return chars.replace(/[^\s,.;:!?()"'“”/]*-[^\s,.;:!?()"'“”/]*/g, (token) => {
    if (token === '-' || !token.split('-').some(Boolean)) return token;
    const withU = token.replace(/-/g, '\u00ad');
    return isVietnameseSyllable(decodeTcvn3(withU)) ? withU : token;
  });
}

function decodeRun(text: string, encoding: FontEncoding | null): string {
  if (!encoding) return text;
  if (encoding.encoding === 'tcvn3') {
    const chars = tcvn3FromPdf(text);
    return encoding.capitals ? decodeTcvn3(chars).toUpperCase() : fromLegacy('tcvn3', chars);
  }
  return fromLegacy(encoding.encoding, text);
}

function sameEncoding(a: FontEncoding | null, b: FontEncoding | null): boolean {
  return a === b || (a !== null && b !== null && a.encoding === b.encoding && a.capitals === b.capitals);
}

const MAYBE_SPACE = '\u0001';

/**
 * Converters that draw Vietnamese letters with a fallback font (LibreOffice with Liberation
 * fonts) leave the letter narrower or wider than its slot: `tr ị`, `Ngh ị`, `mớ i`. Where the font
 * changes across a small gap, the two sides are one word if together they make a Vietnamese
 * syllable (`trị`, `Nghị`, `mới`), else the gap was a space (`Ban Tổ`).
 */
function resolveMaybeSpaces(line: string): string {
  return line.replace(/([\p{L}\p{M}]*)\u0001([\p{L}\p{M}]*)/gu, (_, left: string, right: string) =>
    left && right && isVietnameseSyllable(left + right) ? left + right : `${left} ${right}`,
  );
}

export interface PageText {
  lines: string[];
  /** Legacy encodings converted because of the fonts' names. */
  legacyFonts: Set<'tcvn3' | 'vni'>;
  /**
   * Each line's cells (the parts between column gaps, as the line's tabs separate them) with the
   * box of their glyphs, in the order of the lines; origin at the top left when `pageHeight` is
   * given (PDF user space has y growing upwards).
   */
  placed: PlacedText[];
}

/** Builds the lines of one page from its text items (PDF y grows upwards). */
export function pageLines(
  items: ReadonlyArray<TextItem | TextMarkedContent>,
  fontOf: (fontName: string) => FontEncoding | null = () => null,
  pageHeight = 0,
): PageText {
  const glyphs = glyphsOf(items, fontOf);
  const legacyFonts = new Set<'tcvn3' | 'vni'>();
  // Top to bottom, then left to right.
  glyphs.sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Glyph[][] = [];
  for (const g of glyphs) {
    const row = rows[rows.length - 1];
    // Same line when the baselines are within half a character height (sub/superscripts included).
    if (row && Math.abs(row[0]!.y - g.y) <= 0.5 * Math.min(row[0]!.size, g.size)) row.push(g);
    else rows.push([g]);
  }
  const lines: string[] = [];
  const placed: PlacedText[] = [];
  let prevY: number | null = null;
  let prevSize = 0;
  for (const row of rows) {
    // Spaces are not kept as characters: converters draw them under letters of a fallback font,
    // or not at all. The gaps between letters say where words and columns end.
    const letters = row.filter((g) => g.ch.trim() !== '').sort((p, q) => p.x - q.x);
    if (letters.length === 0) continue;
    const y = row[0]!.y;
    const size = Math.max(...letters.map((g) => g.size));
    if (prevY !== null && prevY - y > 1.7 * Math.max(size, prevSize)) lines.push('');
    let line = '';
    let run = '';
    let runEncoding = null as FontEncoding | null;
    let reach = -Infinity;
    const flush = () => {
      if (runEncoding) legacyFonts.add(runEncoding.encoding);
      line += decodeRun(run, runEncoding);
      run = '';
    };
    let prevFont: string | null = null;
    // The glyph extents of each cell (a new one after every column gap).
    const cells: Array<{ from: number; to: number }> = [];
    for (const g of letters) {
      const gap = g.x - reach;
      let sep = run === '' && line === '' ? '' : gap > 1.5 * g.size ? '\t' : gap > 0.2 * g.size ? ' ' : '';
      if (cells.length === 0 || sep === '\t') cells.push({ from: g.x, to: g.end });
      else cells[cells.length - 1]!.to = Math.max(cells[cells.length - 1]!.to, g.end);
      // A small gap where the font changes may be a fallback glyph's width, not a space: decided below.
      if (sep === ' ' && prevFont !== null && g.font !== prevFont && gap < 0.6 * g.size) sep = MAYBE_SPACE;
      prevFont = g.font;
      if (!sameEncoding(g.encoding, runEncoding)) {
        flush();
        runEncoding = g.encoding;
      }
      run += sep + g.ch;
      reach = Math.max(reach, g.end);
    }
    flush();
    const text = line.includes(MAYBE_SPACE) ? resolveMaybeSpaces(line) : line;
    lines.push(text);
    const parts = text.split('\t');
    if (parts.length === cells.length) {
      const top = pageHeight > 0 ? pageHeight - y - size : -y - size;
      parts.forEach((part, i) => {
        if (part.trim() !== '') placed.push({ text: part, x: cells[i]!.from, y: top, width: cells[i]!.to - cells[i]!.from, height: size });
      });
    }
    prevY = y;
    prevSize = size;
  }
  return { lines, legacyFonts, placed };
}

/**
 * A number-symbol wrapped at its hyphen or slash (`Quy định số 80-` / `QĐ/TW ngày…`,
 * `Nghị quyết số 93/2023/NQ-` / `HĐND`): a word processor breaks lines there, the PDF keeps the
 * break, and the number would no longer read as one. Only those two shapes are joined back.
 */
export function joinSplitNumberSymbols(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const next = line.trimStart();
    const joins =
      prev !== undefined &&
      // `80-` + `QĐ/TW`: party form, broken after the number.
      ((/(?:^|\s)\d{1,6}-$/.test(prev) && /^\p{Lu}[\p{Lu}\p{Ll}]{0,7}\/\p{Lu}/u.test(next)) ||
        // `93/2023/NQ-` + `HĐND`, `178/` + `2024/NĐ-CP`, `66/` + `NQ-CP`: state form.
        (/(?:^|\s)\d{1,6}\/(?:\d{4}\/)?\p{Lu}{1,8}-$/u.test(prev) && /^\p{Lu}{2,}/u.test(next)) ||
        (/(?:^|\s)\d{1,6}\/(?:\d{4}\/)?$/.test(prev) && /^(?:\d{4}\/)?\p{Lu}{1,8}-\p{Lu}/u.test(next)));
    if (joins) out[out.length - 1] = prev + next;
    else out.push(line);
  }
  return out;
}
