import { fold } from '../text/fold';
import type { MetadataField, ParsedMetadata } from './types';

/**
 * Which fields an archivist should confirm: every empty core field (the text may state it somewhere
 * the parser does not look), plus fields read with a reason for doubt. The readers report their doubts
 * as flags; this module adds the cross-field checks.
 */

export const METADATA_FIELDS: readonly MetadataField[] = [
  'numberSymbol',
  'docType',
  'issuer',
  'parentIssuer',
  'issueDate',
  'place',
  'subject',
  'addressees',
  'recipients',
  'signingAuthority',
  'signerTitle',
  'signerName',
  'incomingStamp',
  'citations',
];

function isEmpty(v: ParsedMetadata[MetadataField]): boolean {
  return v === null || (Array.isArray(v) && v.length === 0);
}

/**
 * A place that folds to a name in the header but is spelled differently there (`Đắk Lăk` under
 * `TỈNH ỦY ĐẮK LẮK`) is probably a typo: kept as written, but flagged.
 */
export function placeLooksMisspelled(place: string, bodies: readonly (string | null)[]): boolean {
  const fp = fold(place);
  const lp = place.normalize('NFC').toLowerCase();
  return bodies.some((b) => b !== null && fold(b).includes(fp) && !b.normalize('NFC').toLowerCase().includes(lp));
}

/**
 * Parts many documents rightly lack (a superior-body line, a "Kính gửi" list, an incoming stamp,
 * citations): their absence alone is not a reason to ask an archivist; a doubt about them is.
 */
const OFTEN_ABSENT: ReadonlySet<MetadataField> = new Set(['parentIssuer', 'addressees', 'incomingStamp', 'citations']);

export function buildReview(meta: ParsedMetadata, doubts: ReadonlySet<MetadataField>): MetadataField[] {
  const out: MetadataField[] = [];
  for (const f of METADATA_FIELDS) {
    if ((isEmpty(meta[f]) && !OFTEN_ABSENT.has(f)) || doubts.has(f)) out.push(f);
  }
  return out;
}
