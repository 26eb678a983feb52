/** Labels and editing rules of the fields the review queue shows. */
import { formatDayMonthYear } from '@shared/text/dates';
import type { MessageKey, Translate } from '../../i18n';

export const FIELD_LABELS: Record<string, MessageKey> = {
  numberSymbol: 'doc.numberSymbol',
  docType: 'doc.type',
  issuer: 'doc.issuer',
  parentIssuer: 'doc.parentIssuer',
  issueDate: 'doc.issueDate',
  place: 'doc.place',
  subject: 'doc.subject',
  addressees: 'doc.addressees',
  recipients: 'doc.recipients',
  signingAuthority: 'doc.signingAuthority',
  signerTitle: 'doc.signerTitle',
  signerName: 'doc.signerName',
  incomingStamp: 'doc.incomingStamp',
  citations: 'import.review.field.citations',
  fullText: 'import.review.field.fullText',
};

/** How a field is edited in the queue; fields absent here are confirmed as they are. */
export const EDITABLE: Record<string, 'text' | 'date' | 'lines' | 'longText'> = {
  numberSymbol: 'text',
  docType: 'text',
  issuer: 'text',
  parentIssuer: 'text',
  issueDate: 'date',
  place: 'text',
  subject: 'longText',
  addressees: 'lines',
  recipients: 'lines',
  signingAuthority: 'text',
  signerTitle: 'text',
  signerName: 'text',
};

/** A stored value as an editable string. */
export function toInput(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

/** An edited string back to the document's value (`null` when cleared). */
export function fromInput(kind: 'text' | 'date' | 'lines' | 'longText', input: string): string | string[] | null {
  if (kind === 'lines') {
    return input
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }
  const trimmed = input.trim();
  return trimmed === '' ? null : trimmed;
}

/** A value shown in the queue. */
/** A field's value as the queue shows it: the full text by its length (a confirmation stored as text before reads as it was). */
export function shownValue(field: string, value: unknown, t: Translate): string {
  if (field === 'fullText' && typeof value === 'number') return t('import.review.fullTextLength', { n: value.toLocaleString('vi-VN') });
  return displayValue(value);
}

export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== undefined)
      .map((v) => formatDayMonthYear(String(v)))
      .join(' — ');
  }
  // Dates are read as dd/mm/yyyy in both languages.
  return formatDayMonthYear(String(value));
}
