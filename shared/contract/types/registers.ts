/** Records of the register import and of how a document was read (formats). */
import type { ErrorMessage } from '../errors';
import type { RegisterField } from '../../registers/fields';

export interface RegisterColumn {
  /** 0-based column index, as the mapping uses it. */
  index: number;
  /** The header cell's text (empty when the column has none). */
  header: string;
}

/** A register looked at before importing it: its columns, its first rows, a suggested mapping. */
export interface RegisterPreview {
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string;
  conversions: string[];
  sheets: string[];
  sheet: string;
  headerRow: number;
  columns: RegisterColumn[];
  /** The first data rows (below the header row), cells as text, dates as ISO. */
  rows: string[][];
  /** 1-based sheet row of each row in `rows`. */
  rowNumbers: number[];
  /** Data rows below the header row that hold anything. */
  totalRows: number;
  suggested: Record<RegisterField, number | null>;
}

export interface RegisterImportStarted {
  jobId: string;
  runId: number;
}

/** How a document's text was obtained, as recorded at import (`parse_info`). */
export interface DocumentReadingInfo {
  documentId: number;
  /** `txt`, `md`, `docx`, `pdf`, `register`; null for documents imported before this was recorded. */
  format: string | null;
  encoding: string | null;
  conversions: string[];
  /** A scan without a text layer: waiting for OCR (cần nhận dạng chữ). */
  needsOcr: boolean;
  pageCount: number | null;
  /** The register row the document was made from, when it was. */
  /** `problems`: what could not be taken from the row, in Vietnamese; `problemTexts` the same as codes (same order; absent for rows read before they were coded). */
  register: { fileName: string; sha256: string; sheet: string; row: number; problems: string[]; problemTexts?: ErrorMessage[] } | null;
}
