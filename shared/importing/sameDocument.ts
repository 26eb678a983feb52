/**
 * The same document arriving as another file — the Word file of a PDF already held, a scan of a
 * printed copy — is another original of the same record, never a second record. A document is
 * identified within its fonds by its number-symbol (số, ký hiệu), its date and its issuer (Hướng
 * dẫn 36-HD/VPTW: the number restarts each year and each issuing body numbers its own), so two
 * records of one fonds with the same number-symbol are:
 * - `same` when both dates and both issuers are known and agree;
 * - `different` when a known date or a known issuer disagrees (another year, another body);
 * - `probable` otherwise (a date or an issuer the reader could not make out): listed for the
 *   archivist to decide, never merged by guess.
 */
import type { ErrorMessage } from '../contract/errors';
import { fold } from '../text/fold';

export type Sameness = 'same' | 'probable' | 'different';

export interface Identity {
  issueDate: string | null;
  issuer: string | null;
}

/** An issuer compared without case, diacritics, punctuation or spacing (`Tỉnh ủy Đắk Lắk` = `TỈNH ỦY ĐẮK LẮK`). */
export function issuerKey(issuer: string): string {
  return fold(issuer).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** How two records with the same number-symbol in one fonds relate (see above). */
export function sameness(a: Identity, b: Identity): Sameness {
  if (a.issueDate && b.issueDate && a.issueDate !== b.issueDate) return 'different';
  if (a.issuer && b.issuer && issuerKey(a.issuer) !== issuerKey(b.issuer)) return 'different';
  return a.issueDate && b.issueDate && a.issuer && b.issuer ? 'same' : 'probable';
}

/** A date as the archivist reads it: `14/05/2025`. */
function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** What a message may say of a catalogued document. */
export interface DocumentMention {
  numberSymbol: string | null;
  issueDate: string | null;
  issuer?: string | null;
  subject?: string | null;
  securityLevel?: string | null;
}

/**
 * How a message names a catalogued document: by its number-symbol and date (its subject when it
 * has no number), never by an internal id — a message to nest in another (`mention.document`). A
 * secret one is not named at all: import reports are read by whoever imports, secrets unlocked or not.
 */
export function mentionOf(d: DocumentMention): ErrorMessage<'mention.document'> {
  if (d.securityLevel) return { code: 'mention.document', params: { numberSymbol: null, date: null, issuer: null, subject: null, secret: true } };
  return {
    code: 'mention.document',
    params: { numberSymbol: d.numberSymbol, date: d.issueDate ? dmy(d.issueDate) : null, issuer: d.issuer ?? null, subject: d.numberSymbol ? null : (d.subject ?? null), secret: false },
  };
}
