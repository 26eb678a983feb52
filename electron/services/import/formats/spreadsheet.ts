import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import path from 'node:path';
import { ApiError, fieldError } from '../../../../shared/contract/errors';
import { MAX_REGISTER_BYTES } from '../../../../shared/registers/fields';
import { fromLegacy, repairLegacyText } from '../../../../shared/text/encodings/detect';
import { fontEncoding } from '../../../../shared/text/encodings/fonts';
import { decodeTcvn3 } from '../../../../shared/text/encodings/tcvn3';
import { decodeText, unreadable } from '../decodeText';
import { ZipError, ZipLimitError, type ZipLimits, openZip } from './zip';
import { CONVERSION } from '../../../../shared/importing/conversions';

/**
 * An existing register (sổ đăng ký, danh mục văn bản) as a table of text cells: `.xlsx` through
 * exceljs, `.csv` through papaparse (its bytes read like any text file: UTF-8, UTF-16, Windows-1258,
 * TCVN3, VNI). Date cells become ISO dates; text in a `.VnTime`/`VNI-Times` font, or found to be
 * TCVN3/VNI, is converted like a document's.
 */
export interface RegisterTable {
  format: 'xlsx' | 'csv';
  encoding: string;
  conversions: string[];
  /** Sheet names (one, `CSV`, for a CSV file). */
  sheets: string[];
  sheet: string;
  rows: string[][];
}

export const REGISTER_EXTENSIONS = new Set(['.xlsx', '.csv']);
export { MAX_REGISTER_BYTES };
const MAX_ROWS = 200_000;
/** A register has a dozen columns; past this it is not a register (a line that never ends, a bomb). */
const MAX_COLUMNS = 1_000;
/** exceljs unpacks every part (pictures too) into memory: past these it is a zip bomb, not a register. */
const XLSX_LIMITS: ZipLimits = { maxEntries: 10_000, maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function cellText(value: ExcelJS.CellValue, fontName: string | undefined, used: Set<'tcvn3' | 'vni'>): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDay(value);
  if (typeof value === 'string') return decodeByFont(value, fontName, used);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => decodeByFont(r.text, r.font?.name ?? fontName, used)).join('');
  if ('text' in value && 'hyperlink' in value) return decodeByFont(String(value.text), fontName, used);
  if ('result' in value) return value.result === undefined || (typeof value.result === 'object' && !(value.result instanceof Date)) ? '' : cellText(value.result, fontName, used);
  return '';
}

function decodeByFont(text: string, fontName: string | undefined, used: Set<'tcvn3' | 'vni'>): string {
  const enc = fontEncoding(fontName);
  if (!enc) return text;
  used.add(enc.encoding);
  return enc.capitals ? decodeTcvn3(text).toUpperCase() : fromLegacy(enc.encoding, text);
}

/** Legacy text no font named: decided on the whole table, converted cell by cell. */
function repairCells(rows: string[][], conversions: string[]): { rows: string[][]; legacy: 'tcvn3' | 'vni' | null } {
  const lines = rows.map((r) => r.map((c) => c.replace(/\n/g, ' ')));
  const joined = lines.map((r) => r.join('\n')).join('\n');
  const repaired = repairLegacyText(joined);
  if (!repaired.legacy) return { rows, legacy: null };
  conversions.push(`${repaired.legacy}→unicode`);
  const cells = repaired.text.split('\n');
  let k = 0;
  return { rows: lines.map((r) => r.map(() => cells[k++] ?? '')), legacy: repaired.legacy };
}

async function readXlsx(bytes: Uint8Array, fileName: string, sheetName: string | undefined): Promise<RegisterTable> {
  try {
    const zip = await openZip(bytes, XLSX_LIMITS);
    const ok = zip.entries.has('xl/workbook.xml');
    zip.close();
    if (!ok) throw unreadable(fileName, fieldError('read.notXlsx'));
  } catch (err) {
    if (err instanceof ZipLimitError) {
      throw err.limit === 'entries'
        ? unreadable(fileName, fieldError('read.xlsxTooManyParts'), err.message)
        : unreadable(fileName, fieldError('read.xlsxTooLarge'), err.message);
    }
    if (err instanceof ZipError) throw unreadable(fileName, fieldError('read.xlsxDamagedZip'), err.message);
    throw err;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw unreadable(fileName, fieldError('read.xlsxDamaged'), String(err));
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheets.length === 0) throw unreadable(fileName, fieldError('read.noSheet'));
  const sheet = sheetName ?? sheets[0]!;
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new ApiError('registers.sheetMissing', { fileName, sheet });
  const used = new Set<'tcvn3' | 'vni'>();
  const rows: string[][] = [];
  const width = worksheet.columnCount;
  if (width > MAX_COLUMNS) throw tooManyColumns(fileName, width);
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) return;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.font?.name, used).trim());
    }
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= new Array<string>(width).fill('');
  const conversions = [...used].map(CONVERSION.legacyFont);
  const repaired = repairCells(rows, conversions);
  return { format: 'xlsx', encoding: repaired.legacy ?? [...used][0] ?? 'unicode', conversions, sheets, sheet, rows: repaired.rows };
}

function tooManyColumns(fileName: string, width: number): ApiError {
  return unreadable(fileName, fieldError('read.tooManyColumns', { columns: width, max: MAX_COLUMNS }));
}

/** No register line is this long; papaparse would hold a million cells for one (a gigabyte of memory). */
const MAX_LINE_CHARS = 1_000_000;

function longestLine(text: string): number {
  let longest = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

function readCsv(bytes: Uint8Array, fileName: string): RegisterTable {
  const decoded = decodeText(bytes, fileName);
  const longest = longestLine(decoded.text);
  if (longest > MAX_LINE_CHARS) {
    throw unreadable(fileName, fieldError('read.lineTooLong', { length: longest, max: MAX_LINE_CHARS }));
  }
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: false });
  const rows = parsed.data.slice(0, MAX_ROWS).map((r) => r.map((c) => String(c ?? '').trim()));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width > MAX_COLUMNS) throw tooManyColumns(fileName, width);
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
  if (rows.length === 0) throw unreadable(fileName, fieldError('read.csvNoRows'));
  return { format: 'csv', encoding: decoded.encoding, conversions: decoded.conversions, sheets: ['CSV'], sheet: 'CSV', rows };
}

/** Reads a register file; refuses other formats and broken files with the file's name and the reason. */
export async function readRegisterTable(fileName: string, bytes: Uint8Array, sheet?: string): Promise<RegisterTable> {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName);
  if (!REGISTER_EXTENSIONS.has(ext)) {
    throw new ApiError('registers.unsupportedFormat', { fileName: base, oldExcel: ext === '.xls' });
  }
  if (bytes.byteLength === 0) throw unreadable(base, fieldError('read.empty'));
  if (bytes.byteLength > MAX_REGISTER_BYTES) throw unreadable(base, fieldError('read.registerTooLarge', { maxMb: MAX_REGISTER_BYTES / 1048576 }));
  return ext === '.csv' ? readCsv(bytes, base) : readXlsx(bytes, base, sheet);
}
