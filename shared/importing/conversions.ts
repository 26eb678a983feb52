/**
 * What was done to a document's characters, recorded with it (`parse_info.conversions`) and shown
 * where it was read: plain tokens (`tcvn3→unicode`, `nfd→nfc`, `vni→unicode:font`,
 * `text-layer:garbled`…), the ones that need words worded by the catalogue
 * (`errors/importNotes.ts`) in the reader's language. A token it does not know — a technical one,
 * or a Vietnamese label stored before the tokens — reads as it is.
 */
import { sentence, type ErrorMessage } from '../contract/errors';
import type { Locale } from '../contract/types';

const FONT = ':font';

export const CONVERSION = {
  /** Text written in a legacy Vietnamese font (TCVN3, VNI) and mapped to Unicode. */
  legacyFont: (from: string) => `${from}→unicode${FONT}`,
  /** Decomposed text composed, its runs of more than 30 combining marks split (UAX #15). */
  marksSplit: 'nfd→nfc:uax15-split',
  garbledLayer: 'text-layer:garbled',
  doubtfulLayer: 'text-layer:doubtful',
} as const;

function messageOf(token: string): ErrorMessage | null {
  if (token.endsWith(`→unicode${FONT}`)) return { code: 'conversion.legacyFont', params: { from: token.slice(0, -`→unicode${FONT}`.length) } };
  if (token === CONVERSION.marksSplit) return { code: 'conversion.marksSplit', params: {} };
  if (token === CONVERSION.garbledLayer) return { code: 'conversion.garbledLayer', params: {} };
  if (token === CONVERSION.doubtfulLayer) return { code: 'conversion.doubtfulLayer', params: {} };
  return null;
}

/** A conversion in words, in one language. */
export function conversionText(locale: Locale, token: string): string {
  const message = messageOf(token);
  return message ? sentence(locale, message) : token;
}
