import { fieldError } from '../../../../shared/contract/errors';
import mammoth from 'mammoth';
import type { PlacedPage, PlacedText } from '../../../../shared/parser/layout';
import { fromLegacy } from '../../../../shared/text/encodings/detect';
import { type FontEncoding, fontEncoding } from '../../../../shared/text/encodings/fonts';
import { decodeTcvn3 } from '../../../../shared/text/encodings/tcvn3';
import { unreadable } from '../decodeText';
import { type StyleFonts, readStyleFonts } from './docxStyles';
import { ZipError, ZipLimitError, type ZipLimits, openZip } from './zip';

/**
 * Word (.docx) text through mammoth: each paragraph followed by a blank line (mammoth's raw text
 * convention), line breaks kept, table rows as lines with their cells side by side (a tab between them, as the parser reads columns). Text typed in a
 * legacy Vietnamese font (`.VnTime`, `.VnTimeH`, `VNI-Times`) is converted run by run according
 * to its font; the caller then looks for legacy text in fonts it could not name.
 */

export interface DocxText {
  text: string;
  /** Legacy encodings converted because of the fonts, e.g. `tcvn3`. */
  legacyFonts: Array<'tcvn3' | 'vni'>;
  /**
   * The top of the document placed on a grid when it holds a table (the header table): each
   * cell's lines at the cell's column, each paragraph line across the page. Null without a table.
   */
  placed: PlacedPage | null;
}

/**
 * Past these a Word file is not a party document but a zip bomb (or damaged). mammoth parses each
 * XML part into a tree: a 32 MB document.xml (thousands of pages) already takes about 2 GB and
 * ten seconds, so no part may unpack bigger; a real document has tens of parts.
 */
const DOCX_LIMITS: ZipLimits = { maxEntries: 10_000, maxPartBytes: 32 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  font?: string | null;
  styleId?: string | null;
}

interface Piece {
  text: string;
  encoding: FontEncoding | null;
}

/** The text of a paragraph (or any run container), as pieces tagged with their font's encoding. */
function collectPieces(el: MammothElement, fonts: StyleFonts, paragraphFont: string | null, out: Piece[]): void {
  switch (el.type) {
    case 'text':
      out.push({ text: el.value ?? '', encoding: null });
      return;
    case 'tab':
      out.push({ text: '\t', encoding: null });
      return;
    case 'break':
      // Line, page and column breaks all end a line.
      out.push({ text: '\n', encoding: null });
      return;
    case 'run': {
      const font = el.font ?? fonts.fontOf(el.styleId ?? null) ?? paragraphFont;
      const encoding = fontEncoding(font);
      const inner: Piece[] = [];
      for (const child of el.children ?? []) collectPieces(child, fonts, paragraphFont, inner);
      for (const p of inner) out.push({ text: p.text, encoding: p.text === '\n' || p.text === '\t' ? null : encoding });
      return;
    }
    default:
      for (const child of el.children ?? []) collectPieces(child, fonts, paragraphFont, out);
  }
}

function decodePieces(pieces: Piece[], used: Set<'tcvn3' | 'vni'>): string {
  let out = '';
  // Consecutive runs in the same legacy font are decoded together: a VNI letter's mark may sit
  // in the run after its base.
  for (let i = 0; i < pieces.length; ) {
    const enc = pieces[i]!.encoding;
    let j = i;
    let text = '';
    while (j < pieces.length && sameEncoding(pieces[j]!.encoding, enc)) text += pieces[j++]!.text;
    if (enc) {
      used.add(enc.encoding);
      out += enc.capitals ? decodeTcvn3(text).toUpperCase() : fromLegacy(enc.encoding, text);
    } else out += text;
    i = j;
  }
  return out;
}

function sameEncoding(a: FontEncoding | null, b: FontEncoding | null): boolean {
  return a === b || (a !== null && b !== null && a.encoding === b.encoding && a.capitals === b.capitals);
}

function paragraphText(el: MammothElement, fonts: StyleFonts, used: Set<'tcvn3' | 'vni'>): string {
  const paragraphFont = fonts.fontOf(el.styleId ?? null) ?? fonts.defaultFont;
  const pieces: Piece[] = [];
  for (const child of el.children ?? []) collectPieces(child, fonts, paragraphFont, pieces);
  return decodePieces(pieces, used);
}

/**
 * The lines of a block-level element: a paragraph, a table, or anything holding them. In the body a
 * paragraph ends with a blank line, as in mammoth's raw text, so the document's blocks stay apart;
 * inside a table cell it does not, so that line k of every cell still lines up.
 */
function blockLines(el: MammothElement, fonts: StyleFonts, used: Set<'tcvn3' | 'vni'>, inCell: boolean): string[] {
  if (el.type === 'paragraph') {
    const lines = paragraphText(el, fonts, used).split('\n');
    return inCell ? lines : [...lines, ''];
  }
  if (el.type === 'table') {
    const lines: string[] = [];
    for (const row of el.children ?? []) {
      if (row.type !== 'tableRow') continue;
      // Each cell's lines, side by side: line k of the row is line k of every cell.
      const cells = (row.children ?? []).map((cell) => (cell.children ?? []).flatMap((b) => blockLines(b, fonts, used, true)));
      const height = Math.max(0, ...cells.map((c) => c.length));
      for (let k = 0; k < height; k++) lines.push(cells.map((c) => c[k] ?? '').join('\t').replace(/\t+$/, ''));
    }
    return inCell ? lines : [...lines, ''];
  }
  return (el.children ?? []).flatMap((child) => blockLines(child, fonts, used, inCell));
}

/** Lines of the top of the document placed on the grid: enough for any header. */
const PLACED_LINES = 120;
/** Grid units: a page 100 wide, one unit per line; a character half a unit wide. */
const GRID_WIDTH = 100;
const CHAR_WIDTH = 0.5;

/** A line of `text` centred at `centre` (as header cells and titles are), its width by its length. */
function centred(text: string, centre: number, y: number, max: number): PlacedText {
  const width = Math.min(max, Math.max(CHAR_WIDTH, text.length * CHAR_WIDTH));
  return { text, x: centre - width / 2, y, width, height: 0.8 };
}

/**
 * Places the top of the document: a table's cells side by side (equal columns: Word does not give
 * mammoth the widths, and a header table's cells are read by column, not by width), every other
 * line across the page. Lines are placed in the order `blockLines` writes them, which is the text's.
 */
function placeTop(document: MammothElement, fonts: StyleFonts): PlacedPage | null {
  const items: PlacedText[] = [];
  const scratch = new Set<'tcvn3' | 'vni'>();
  let y = 0;
  let sawTable = false;
  for (const block of document.children ?? []) {
    if (y >= PLACED_LINES) break;
    if (block.type === 'table') {
      sawTable = true;
      for (const row of block.children ?? []) {
        if (row.type !== 'tableRow') continue;
        const cells = (row.children ?? []).map((cell) => (cell.children ?? []).flatMap((b) => blockLines(b, fonts, scratch, true)));
        const width = GRID_WIDTH / Math.max(1, cells.length);
        const height = Math.max(0, ...cells.map((c) => c.length));
        for (let k = 0; k < height; k++) {
          cells.forEach((c, i) => {
            const text = c[k] ?? '';
            if (text.trim() !== '') items.push(centred(text, (i + 0.5) * width, y + k, width * 0.9));
          });
        }
        y += height;
      }
      y++;
      continue;
    }
    for (const line of blockLines(block, fonts, scratch, false)) {
      if (line.trim() !== '') items.push(centred(line, GRID_WIDTH / 2, y, GRID_WIDTH));
      y++;
    }
  }
  return sawTable ? { index: 0, width: GRID_WIDTH, height: Math.max(y, 1), source: 'docx', items } : null;
}

/** Reads a .docx; refuses a file that is not a Word document or was cut short. */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<DocxText> {
  let stylesXml: string | null;
  try {
    const zip = await openZip(bytes, DOCX_LIMITS);
    try {
      const main = zip.entries.get('word/document.xml');
      if (!main) throw unreadable(fileName, fieldError('read.notDocx'));
      stylesXml = await zip.readText('word/styles.xml', DOCX_LIMITS.maxPartBytes);
    } finally {
      zip.close();
    }
  } catch (err) {
    if (err instanceof ZipLimitError) {
      throw err.limit === 'entries'
        ? unreadable(fileName, fieldError('read.docxTooManyParts'), err.message)
        : unreadable(fileName, fieldError('read.docxTooLarge'), err.message);
    }
    if (err instanceof ZipError) {
      throw unreadable(fileName, fieldError('read.docxDamagedZip'), err.message);
    }
    throw err;
  }
  let document: MammothElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (doc: MammothElement) => {
          document = doc;
          return doc;
        },
        // Images are not text: do not read them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch (err) {
    throw unreadable(fileName, fieldError('read.docxDamaged'), String(err));
  }
  if (!document) throw unreadable(fileName, fieldError('read.docxNoBody'));
  const used = new Set<'tcvn3' | 'vni'>();
  const fonts = readStyleFonts(stylesXml);
  const lines = blockLines(document, fonts, used, false);
  return { text: lines.join('\n'), legacyFonts: [...used], placed: placeTop(document, fonts) };
}
