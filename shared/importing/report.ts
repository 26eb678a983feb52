/**
 * An import run's report as CSV, for archivists who open it in a spreadsheet: UTF-8 with a byte
 * order mark (so Excel reads Vietnamese correctly), Vietnamese headers and outcomes, RFC 4180 quoting.
 */
import type { ImportOutcome } from '../contract/types';
import type { ImportRunItem } from '../contract/types/importing';

export const OUTCOME_LABELS: Record<ImportOutcome, string> = { imported: 'Đã nhập', duplicate: 'Trùng lặp', failed: 'Lỗi' };

export const REPORT_CSV_HEADER = ['STT', 'Tệp', 'Kết quả', 'Mã văn bản', 'SHA-256', 'Kích thước (byte)', 'Ghi chú', 'Thời điểm'];

export const CSV_BOM = '\uFEFF';

/**
 * One CSV field. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
 * prefixed with an apostrophe: a file name must never become a formula on the archivist's machine.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function reportCsvRow(item: ImportRunItem): string {
  return csvLine([item.seq, item.name, OUTCOME_LABELS[item.outcome], item.documentId, item.sha256, item.size, item.message, item.at]);
}
