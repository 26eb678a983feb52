import { fold } from '../text/fold';

/**
 * What a document contributes to the search index, computed from its record. Pure, so the
 * migration, the repository and the tests build it the same way.
 *
 * The index row's id is a *date key*: the issue date (days since 1900, 0 when unknown) times
 * 2^26, plus the document id. Full-text matches then come out of the index newest first, so a
 * page of the newest matches costs a few index pages however many documents match.
 */

export const DOC_ID_BITS = 2 ** 26;
const EPOCH = Date.UTC(1900, 0, 1);

export interface IndexableDocument {
  id: number;
  numberSymbol: string | null;
  subject: string | null;
  docType: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  signerName: string | null;
  place: string | null;
  issueDate: string | null;
  fondsId: number;
  securityLevel: string | null;
  body: string;
}

export interface IndexRow {
  key: number;
  numberSymbol: string;
  subject: string;
  meta: string;
  body: string;
  /** Filter tokens (fonds, type, security level, year): filters run inside the index, counts stay exact. */
  flags: string;
}

/**
 * Filter tokens of the `flags` column. They start with `ʒ` (a letter no Vietnamese word folds to,
 * and the query parser keeps only `[a-z0-9]` words), so nothing typed can ever match them and the
 * text tiers need no column filter — which would make the index decode every position list.
 */
export const flag = {
  fonds: (fondsId: number) => `ʒf${fondsId}`,
  docType: (docType: string | null) => `ʒt${docType ? fold(docType).replace(/[^a-z0-9]/g, '') : '0'}`,
  security: (level: string | null) => `ʒs${level ? level.replace(/[^a-z]/g, '') : 'none'}`,
  /** The issue year: a date filter of a few years is then an index intersection, not a scan. */
  year: (year: number) => `ʒy${year}`,
  /** Any of Mật, Tối mật, Tuyệt mật: left out when secrets are hidden. */
  secret: 'ʒsecret',
};

/** Days since 1900-01-01, plus one (0 = no date). */
export function dayOf(isoDate: string | null): number {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return 0;
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  if (!Number.isFinite(t) || t < EPOCH) return 0;
  return Math.floor((t - EPOCH) / 86_400_000) + 1;
}

export function dateKey(id: number, isoDate: string | null): number {
  if (!Number.isInteger(id) || id <= 0 || id >= DOC_ID_BITS) throw new RangeError(`document id ${id} out of the index's range`);
  return dayOf(isoDate) * DOC_ID_BITS + id;
}

export function idOfKey(key: number): number {
  return key % DOC_ID_BITS;
}

/** The range of keys of documents dated within [from, to] (ISO dates, either may be missing). */
export function keyRange(from: string | null | undefined, to: string | null | undefined): [number, number] {
  const lo = from ? dayOf(from) : 0;
  const hi = to ? dayOf(to) : 1e6;
  return [lo * DOC_ID_BITS, (hi + 1) * DOC_ID_BITS - 1];
}

/**
 * The `body` column for a document's text. On its own so that a bulk import can compute it off the
 * main thread (its costliest part: folding every character) and hand it to the index writer.
 */
export function indexBody(text: string): string {
  return fold(text);
}

export function indexRow(d: IndexableDocument): IndexRow {
  const metaText = [d.docType, d.issuer, d.parentIssuer, d.signerName, d.place].filter(Boolean).join(' \n ');
  const subject = d.subject ?? '';
  return {
    key: dateKey(d.id, d.issueDate),
    numberSymbol: fold(d.numberSymbol ?? ''),
    subject: fold(subject),
    meta: fold(metaText),
    body: indexBody(d.body),
    flags: [
      flag.fonds(d.fondsId),
      flag.docType(d.docType),
      flag.security(d.securityLevel),
      d.securityLevel ? flag.secret : '',
      dayOf(d.issueDate) > 0 ? flag.year(Number(d.issueDate!.slice(0, 4))) : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}
