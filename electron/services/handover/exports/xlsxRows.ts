/**
 * The rows of a form's XLSX sheet written as SpreadsheetML text. exceljs keeps an object and a
 * style per cell, then writes the sheet and a shared string for every text: for a Mục lục văn bản
 * of ten thousand documents, most of a second of CPU. `workbookXlsx` lets exceljs write the
 * workbook (heading, header rows, styles, page setup) with one marker row of each kind, then puts
 * these rows in their place: cells with the marker rows' styles, their texts inline.
 */
import { strFromU8, strToU8 } from 'fflate';
import type { FormRow } from '../../../../shared/handover/forms';
import { officeParts, packOfficeParts } from './officeZip';

/** A sheet's rows, to put in place of its two marker rows (an item row, then a section row, from `firstRow`). */
export interface SheetRows {
  /** The sheet's part, `xl/worksheets/sheetN.xml`. */
  part: string;
  firstRow: number;
  width: number;
  rows: readonly FormRow[];
  /** Which columns hold counts (written as numbers when they are digits, so a spreadsheet can sum them). */
  numeric: readonly boolean[];
  /** Each row's height in points. */
  heights: readonly number[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Markup characters escaped, control characters XML cannot hold dropped. */
function escapeText(value: string): string {
  return value.replace(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** Column letters of a 1-based column number. */
export function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/** Where row `r` is in the sheet's XML, and the style index of each of its cells. */
function markerRow(xml: string, r: number): { start: number; end: number; styles: string[] } {
  const start = xml.indexOf(`<row r="${r}"`);
  const end = xml.indexOf('</row>', start);
  if (start < 0 || end < 0) throw new Error(`form XLSX: marker row ${r} is missing`);
  const styles = [...xml.slice(start, end).matchAll(/<c r="[A-Z]+\d+" s="(\d+)"/g)].map((m) => m[1]!);
  return { start, end: end + '</row>'.length, styles };
}

function cellXml(ref: string, style: string | undefined, text: string, numeric: boolean): string {
  const s = style !== undefined ? ` s="${style}"` : '';
  if (text === '') return `<c r="${ref}"${s}/>`;
  if (numeric && /^\d+$/.test(text)) return `<c r="${ref}"${s}><v>${Number(text)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(text)}</t></is></c>`;
}

/** The sheet's XML with its marker rows replaced by `spec.rows`, their merges and the sheet's dimension set. */
export function sheetWithRows(xml: string, spec: SheetRows): string {
  const item = markerRow(xml, spec.firstRow);
  const section = markerRow(xml, spec.firstRow + 1);
  const last = columnName(spec.width);
  const merges: string[] = [];
  const parts: string[] = [];
  spec.rows.forEach((row, i) => {
    const r = spec.firstRow + i;
    let cells = '';
    if (row.kind === 'item') {
      for (let c = 0; c < spec.width; c++) cells += cellXml(`${columnName(c + 1)}${r}`, item.styles[c], row.cells[c] ?? '', spec.numeric[c] === true);
    } else {
      // A section or totals line: one cell across the row.
      cells += cellXml(`A${r}`, section.styles[0], row.text, false);
      for (let c = 1; c < spec.width; c++) cells += `<c r="${columnName(c + 1)}${r}" s="${section.styles[c] ?? section.styles[0]}"/>`;
      merges.push(`<mergeCell ref="A${r}:${last}${r}"/>`);
    }
    parts.push(`<row r="${r}" ht="${spec.heights[i]}" customHeight="1" spans="1:${spec.width}" x14ac:dyDescent="0.25">${cells}</row>`);
  });
  let out = xml.slice(0, item.start) + parts.join('') + xml.slice(section.end);
  const markerMerge = `<mergeCell ref="A${spec.firstRow + 1}:${last}${spec.firstRow + 1}"/>`;
  out = out.replace(/<mergeCells count="\d+">(.*?)<\/mergeCells>/s, (_m, inner: string) => {
    const all = [...inner.replace(markerMerge, '').matchAll(/<mergeCell ref="[^"]+"\/>/g)].map((m) => m[0]).concat(merges);
    return `<mergeCells count="${all.length}">${all.join('')}</mergeCells>`;
  });
  const lastRow = spec.firstRow + Math.max(spec.rows.length, 1) - 1;
  return out.replace(/<dimension ref="A1:[A-Z]+\d+"\/>/, `<dimension ref="A1:${last}${lastRow}"/>`);
}

/** The workbook `xlsx` with each form sheet's marker rows replaced by its rows, packed again. */
export function withSheetRows(xlsx: Uint8Array, sheets: readonly SheetRows[]): Buffer {
  const parts = officeParts(xlsx);
  for (const spec of sheets) {
    const part = parts[spec.part];
    if (!part) throw new Error(`form XLSX: ${spec.part} is missing`);
    parts[spec.part] = strToU8(sheetWithRows(strFromU8(part), spec));
  }
  return packOfficeParts(parts);
}
