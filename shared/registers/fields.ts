import { fold } from '../text/fold';

/**
 * The columns of a register (sổ đăng ký văn bản, danh mục văn bản, mục lục) Kho Lưu can take into a
 * document record, and how their headers are usually written. Registers come from many offices:
 * headers vary (`Số, ký hiệu`, `Số và ký hiệu văn bản`, `So ky hieu`), so the match is made on the
 * folded header (no diacritics, no punctuation) and only suggested: the archivist confirms it.
 */
export const REGISTER_FIELDS = ['numberSymbol', 'issueDate', 'docType', 'subject', 'issuer', 'signerName', 'fileCode', 'sheetNumber', 'notes'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export type RegisterMapping = Partial<Record<RegisterField, number | null>>;

/** A register file larger than this is not a register (checked by the UI before reading it, and by the service). */
export const MAX_REGISTER_BYTES = 50 * 1024 * 1024;

/**
 * Header patterns per field, most specific first, on the folded header. Order across fields
 * matters: `Hồ sơ số` and `Tờ số` are tried before `Số`, `Tên loại và trích yếu` is a subject.
 */
const PATTERNS: Array<[RegisterField, RegExp]> = [
  ['fileCode', /^(?:ho so so|so ho so|ma ho so|ho so|thuoc ho so)$/],
  ['sheetNumber', /^(?:to so|so to|to)$/],
  ['subject', /(?:trich yeu|noi dung)/],
  ['docType', /^(?:ten loai|loai van ban|the loai|ten loai van ban)$/],
  ['numberSymbol', /(?:ky hieu|^so van ban$|^so hieu$|^so hieu van ban$)/],
  // `Ngày đến`, `Ngày nhận` are when the copy arrived, not the document's date.
  ['issueDate', /^(?:ngay thang|ngay thang nam|ngay thang van ban|ngay ban hanh|ngay van ban|ngay ky|ngay|thoi gian ban hanh)(?: van ban)?$/],
  ['issuer', /(?:tac gia|co quan ban hanh|noi ban hanh|don vi ban hanh|co quan gui|noi gui|co quan phat hanh)/],
  ['signerName', /^(?:nguoi ky|ho ten nguoi ky)$/],
  ['notes', /^(?:ghi chu|chu thich)$/],
];

/** A header folded to plain words: `Số, ký hiệu` → `so ky hieu`, `Tác giả/Cơ quan ban hành` → `tac gia co quan ban hanh`. */
export function foldHeader(header: string): string {
  return fold(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The field a header names, or null. */
export function fieldOfHeader(header: string): RegisterField | null {
  const h = foldHeader(header);
  if (!h) return null;
  for (const [field, re] of PATTERNS) if (re.test(h)) return field;
  return null;
}

/** Suggests a column for each field from the headers; each column serves one field, the first match wins. */
export function suggestMapping(headers: readonly string[]): Record<RegisterField, number | null> {
  const mapping = Object.fromEntries(REGISTER_FIELDS.map((f) => [f, null])) as Record<RegisterField, number | null>;
  headers.forEach((h, i) => {
    const field = fieldOfHeader(h);
    if (field && mapping[field] === null) mapping[field] = i;
  });
  return mapping;
}

/**
 * The header row: registers often start with a title (`SỔ ĐĂNG KÝ VĂN BẢN ĐI`, `Năm 2024`) above it.
 * The first of the first 20 rows naming at least two known fields; row 0 when none does.
 */
export function findHeaderRow(rows: ReadonlyArray<readonly string[]>): number {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const named = new Set(rows[i]!.map(fieldOfHeader).filter(Boolean));
    if (named.size >= 2) return i;
  }
  return 0;
}
