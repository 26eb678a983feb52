import type { ErrorMessage } from '../contract/errors';
import { normalizeNumberSymbol } from '../domain/numberSymbol';
import type { RegisterField, RegisterMapping } from './fields';
import { toNfc } from '../text/normalize';
import { parseDayMonthYear } from '../text/dates';

/**
 * One register row read into document fields. Nothing is guessed: a date that is not a whole,
 * valid day (`31/02/2024`, `12/3/24`, `3/2024`) stays empty and is reported; a field with no column
 * or an empty cell stays empty; every empty core field waits for review.
 */

export interface RegisterRowFields {
  numberSymbol: string | null;
  issueDate: string | null;
  docType: string | null;
  subject: string | null;
  issuer: string | null;
  signerName: string | null;
  fileCode: string | null;
  sheetNumber: string | null;
  notes: string | null;
}

export interface RegisterRowReading {
  fields: RegisterRowFields;
  /** Core fields left empty or unreadable, for the review queue. */
  reviewFields: string[];
  /** What could not be taken (a date that is not a whole day), as codes with parameters. */
  problems: ErrorMessage[];
  /** The row held nothing in any mapped column. */
  empty: boolean;
}

/** Fields a document is expected to have: flagged when the register leaves them empty. */
const CORE: RegisterField[] = ['numberSymbol', 'issueDate', 'docType', 'subject', 'issuer'];

/** A register's date as ISO `YYYY-MM-DD`, or null when it is not a whole, valid day with a 4-digit year (1900–2100). */
export function parseRegisterDate(raw: string): string | null {
  const iso = parseDayMonthYear(raw);
  if (iso === null) return null;
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2100 ? iso : null;
}

const text = (v: string | undefined): string | null => {
  const t = toNfc(v ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** Reads one row (cells as text, dates of date cells as ISO) with the archivist's mapping. */
export function readRegisterRow(cells: readonly string[], mapping: RegisterMapping): RegisterRowReading {
  const cell = (f: RegisterField) => {
    const i = mapping[f];
    return i === null || i === undefined ? null : text(cells[i]);
  };
  const problems: ErrorMessage[] = [];
  const rawDate = cell('issueDate');
  const issueDate = rawDate === null ? null : parseRegisterDate(rawDate);
  if (rawDate !== null && issueDate === null) problems.push({ code: 'registers.dateUnreadable', params: { raw: rawDate } });
  const rawNumber = cell('numberSymbol');
  const fields: RegisterRowFields = {
    numberSymbol: rawNumber === null ? null : normalizeNumberSymbol(rawNumber),
    issueDate,
    docType: cell('docType')?.toUpperCase() ?? null,
    subject: cell('subject'),
    issuer: cell('issuer'),
    signerName: cell('signerName'),
    fileCode: cell('fileCode'),
    sheetNumber: cell('sheetNumber'),
    notes: cell('notes'),
  };
  const empty = Object.values(mapping).every((i) => i === null || i === undefined || text(cells[i]) === null);
  const reviewFields = CORE.filter((f) => fields[f as keyof RegisterRowFields] === null);
  return { fields, reviewFields, problems, empty };
}
