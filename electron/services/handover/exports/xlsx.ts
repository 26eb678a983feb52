/**
 * XLSX with exceljs: the forms (Mục lục hồ sơ, Mục lục văn bản) laid out for printing on A4
 * landscape with the header row repeated, and the statistics tables.
 */
import ExcelJS from 'exceljs';
import type { FormSheet } from '../../../../shared/handover/forms';
import type { StatTable } from '../../../../shared/handover/statisticsTables';
import { type SheetRows, withSheetRows } from './xlsxRows';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel refuses some characters in sheet names and more than 31 of them. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}

/**
 * Neither Excel nor LibreOffice grows a row to fit wrapped text when a file is opened, so each
 * row gets the height its longest cell needs (characters per line from the column width).
 */
function rowHeight(texts: Array<{ text: string; width: number }>, lineHeight = 15): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const perLine = Math.max(4, Math.floor(width * 1.15));
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    if (n > lines) lines = n;
  }
  return lines * lineHeight + 3;
}

function fitHeight(row: ExcelJS.Row, texts: Array<{ text: string; width: number }>): void {
  row.height = rowHeight(texts);
}

function setupPage(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: 'Trang &P/&N' };
}

function writeHeading(ws: ExcelJS.Worksheet, sheet: Pick<FormSheet, 'heading'>, width: number): number {
  let r = 1;
  const owner = ws.getRow(r++);
  owner.getCell(1).value = sheet.heading.owner;
  owner.getCell(1).font = { name: FONT, size: 11, bold: true };
  ws.mergeCells(owner.number, 1, owner.number, Math.min(width, 3));
  r++;
  const title = ws.getRow(r++);
  title.getCell(1).value = sheet.heading.title;
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center' };
  ws.mergeCells(title.number, 1, title.number, width);
  for (const line of sheet.heading.lines) {
    const row = ws.getRow(r++);
    row.getCell(1).value = line;
    row.getCell(1).font = { name: FONT, size: 11, italic: true };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
    ws.mergeCells(row.number, 1, row.number, width);
  }
  return r + 1;
}

/** One form on one sheet: heading, header row, then marker rows for its sections, items and totals line (below). */
function addFormSheet(wb: ExcelJS.Workbook, sheet: FormSheet): SheetRows {
  const ws = wb.addWorksheet(sheetName(sheet.name));
  const width = sheet.columns.length;
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const headerRowNumber = writeHeading(ws, sheet, width);
  const header = ws.getRow(headerRowNumber);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEBE6' } };
  });
  header.height = 32;
  // Column numbers under the headers, as the State templates print them.
  const numbers = ws.getRow(headerRowNumber + 1);
  sheet.columns.forEach((_c, i) => {
    const cell = numbers.getCell(i + 1);
    cell.value = i + 1;
    cell.font = { name: FONT, size: 9, italic: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  });
  // One marker row of each kind, styled as its rows are: `xlsxRows.ts` writes the rows in their
  // place with these rows' styles.
  const first = headerRowNumber + 2;
  const item = ws.getRow(first);
  sheet.columns.forEach((col, i) => {
    const cell = item.getCell(i + 1);
    cell.value = '·';
    cell.style = { font: { name: FONT, size: 11 }, alignment: { horizontal: col.align, vertical: 'top', wrapText: true }, border: BORDER };
  });
  const section = ws.getRow(first + 1);
  section.getCell(1).value = '·';
  section.getCell(1).font = { name: FONT, size: 11, bold: true };
  section.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.mergeCells(first + 1, 1, first + 1, width);
  for (let i = 1; i <= width; i++) section.getCell(i).border = BORDER;
  const allWidth = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const heights = sheet.rows.map((row) =>
    row.kind === 'item' ? rowHeight(row.cells.map((text, i) => ({ text, width: sheet.columns[i]!.width }))) : rowHeight([{ text: row.text, width: allWidth }]),
  );
  ws.views = [{ state: 'frozen', ySplit: headerRowNumber + 1 }];
  setupPage(ws, headerRowNumber);
  const numeric = sheet.columns.map((c) => c.key === 'no' || c.key === 'sheets');
  return { part: `xl/worksheets/sheet${ws.id}.xml`, firstRow: first, width, rows: sheet.rows, numeric, heights };
}

function addTablesSheet(wb: ExcelJS.Workbook, name: string, heading: FormSheet['heading'], tables: readonly StatTable[]): void {
  const ws = wb.addWorksheet(sheetName(name));
  const width = Math.max(...tables.map((t) => t.headers.length), 4);
  const widths = [40, 24, ...Array.from({ length: Math.max(0, width - 2) }, () => 16)];
  // The list of files with problems has titles in its third column.
  if (tables.some((t) => t.headers[2] === 'Tiêu đề')) widths[2] = 50;
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  let r = writeHeading(ws, { heading }, width);
  for (const table of tables) {
    const title = ws.getRow(r++);
    title.getCell(1).value = table.title;
    title.getCell(1).font = { name: FONT, size: 12, bold: true };
    const header = ws.getRow(r++);
    table.headers.forEach((h, i) => {
      const cell = header.getCell(i + 1);
      cell.value = h;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', wrapText: true };
      cell.border = BORDER;
    });
    for (const row of table.rows) {
      const xr = ws.getRow(r++);
      row.forEach((v, i) => {
        const cell = xr.getCell(i + 1);
        cell.value = v;
        cell.font = { name: FONT, size: 11 };
        cell.alignment = { horizontal: typeof v === 'number' ? 'right' : 'left', wrapText: true };
        cell.border = BORDER;
      });
      fitHeight(xr, row.map((v, i) => ({ text: String(v), width: widths[i] ?? 16 })));
    }
    r++;
  }
  setupPage(ws, 1);
}

export interface WorkbookSpec {
  forms: FormSheet[];
  statistics?: { name: string; heading: FormSheet['heading']; tables: readonly StatTable[] };
}

export async function workbookXlsx(spec: WorkbookSpec, creator: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.created = new Date();
  const rows = spec.forms.map((form) => addFormSheet(wb, form));
  if (spec.statistics) addTablesSheet(wb, spec.statistics.name, spec.statistics.heading, spec.statistics.tables);
  return withSheetRows(new Uint8Array(await wb.xlsx.writeBuffer()), rows);
}
