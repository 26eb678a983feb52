/**
 * The rows of a form's DOCX table written as WordprocessingML text. The `docx` library builds an
 * object for every row, cell, paragraph, run and property and then serialises them all: for a
 * Mục lục of a thousand files that was most of a second of CPU, for ten thousand documents
 * several. `formDocx` lets the library lay out the document with one marker row, then puts these
 * rows in its place: the same elements the library writes for such a row (the tests compare them).
 */
import { strFromU8, strToU8 } from 'fflate';
import { officeParts, packOfficeParts } from './officeZip';

/** Text of the marker row's cell: no form text contains it. */
export const ROWS_MARKER = 'KHOLUU-FORM-ROWS-7f3c2a';

/** A cell as the form tables lay it out. */
export interface RowCell {
  text: string;
  widthTwips: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  span?: number;
}

const JC = { center: 'center', right: 'right' } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** The library's escaping: markup characters, and control characters XML cannot hold dropped. */
function escapeText(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** One cell: its width, its paragraphs in the cell style (one per line), bold and alignment when set. */
function cellXml(c: RowCell, style: string): string {
  const jc = c.align && c.align !== 'left' ? `<w:jc w:val="${JC[c.align]}"/>` : '';
  const rPr = c.bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  const span = c.span ? `<w:gridSpan w:val="${c.span}"/>` : '';
  let paragraphs = '';
  for (const line of c.text.split('\n')) paragraphs += `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr><w:r>${rPr}<w:t xml:space="preserve">${escapeText(line)}</w:t></w:r></w:p>`;
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.widthTwips}"/>${span}<w:vAlign w:val="center"/></w:tcPr>${paragraphs}</w:tc>`;
}

/** A table row of `cells`; `cantSplit` keeps it whole on one page. */
export function rowXml(cells: readonly RowCell[], style: string, cantSplit: boolean): string {
  let xml = cantSplit ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>';
  for (const c of cells) xml += cellXml(c, style);
  return `${xml}</w:tr>`;
}

/**
 * `docx` (a DOCX the library packed, holding a table row whose only text is `ROWS_MARKER`) with
 * that row replaced by `rows`, packed again.
 */
export function withRows(docx: Uint8Array, rows: string): Buffer {
  const files = officeParts(docx);
  const name = 'word/document.xml';
  const xml = strFromU8(files[name]!);
  const at = xml.indexOf(ROWS_MARKER);
  const start = xml.lastIndexOf('<w:tr>', at);
  const end = xml.indexOf('</w:tr>', at);
  if (at < 0 || start < 0 || end < 0) throw new Error('form DOCX: the rows marker is missing');
  files[name] = strToU8(xml.slice(0, start) + rows + xml.slice(end + '</w:tr>'.length));
  return packOfficeParts(files);
}
