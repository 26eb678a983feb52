import { PARTY_DOC_TYPES } from '../domain/docTypes';
import { fold } from '../text/fold';

/**
 * Recognises a number-symbol typed in any spelling — `1485-KL/TU`, `1485 KL TU`, `kl/tu 1485`,
 * `1485`, `178/2024/NĐ-CP` — and turns it into the catalogue's lookup key (`number_key`, see
 * `numberSymbolKey`): the digit groups in the order typed, then the letter groups.
 */

export interface NumberQuery {
  /** `1485 kl tu`: the key, or its beginning when `partial`. */
  key: string;
  /** Only the number (and maybe the type) was typed: every key starting with it matches. */
  partial: boolean;
}

const TYPE_ABBRS = new Set(PARTY_DOC_TYPES.map((t) => fold(t.abbr)));
/** Types of State documents cited in party ones (`NĐ-CP`, `QĐ-TTg`, `NQ-HĐND`, `CĐ-TTg`, `TT-BNV`). */
const STATE_PARTS = new Set(['nd', 'cp', 'ttg', 'cd', 'tt', 'bnv', 'hdnd', 'ubnd', 'qh', 'btc', 'bca', 'bqp', 'nq', 'qd', 'ct']);
/** Issuer parts of party symbols: `TU`, `HU`, `ĐU`, `VPTU`, `BTCTW`, `UBKTHU`, `ĐUK`, `BTGDVTU`… */
const ISSUER_RE = /^(?:vp|btc|ubkt|btg|bdv|bnc|btgdv|bcs|dd|du|dang)?(?:tu|hu|qu|tw|du|duk|duca|duqs|tx|tp)$/;

function looksLikeAbbreviation(raw: string, folded: string): boolean {
  if (folded.length > 8) return false;
  // Typed in capitals (`KL`, `ĐU`, `UBKTTU`): meant as an abbreviation.
  if (raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase()) return true;
  return TYPE_ABBRS.has(folded) || STATE_PARTS.has(folded) || ISSUER_RE.test(folded);
}

/**
 * The number query in `text`, or null when the text is not (only) a number-symbol. A lone number
 * (`1485`) is a partial key: the archivist remembers the number, not the rest.
 */
export function parseNumberQuery(text: string): NumberQuery | null {
  const raw = text.normalize('NFC').replace(/[\\*"]/g, ' ').trim();
  if (raw.length === 0 || raw.length > 60) return null;
  // Only digits, letters, spaces and the separators of a number-symbol.
  if (!/^[\p{L}\p{N}\s\-/.]+$/u.test(raw)) return null;
  const parts = raw.split(/[\s\-/.]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return null;
  const digits: string[] = [];
  const letters: string[] = [];
  for (const p of parts) {
    const f = fold(p);
    if (/^\d{1,6}$/.test(f)) digits.push(String(Number(f)));
    else if (/^[a-z]+$/.test(f) && looksLikeAbbreviation(p, f)) letters.push(f);
    else return null;
  }
  if (digits.length === 0 || digits.length > 2) return null;
  // A second digit group is the year of a State symbol (`178/2024/NĐ-CP`).
  if (digits.length === 2 && !/^(19|20)\d\d$/.test(digits[1]!)) return null;
  const key = [...digits, ...letters].join(' ');
  // Complete when it names a type and an issuer: `1485 kl tu`, `178 2024 nd cp`.
  return { key, partial: letters.length < 2 };
}

/**
 * The stored key keeps the number as printed (`01-KL/TU` → `01 kl tu`), and clerks write small
 * numbers both ways, so both spellings are looked up: `1-KL/TU` finds `01-KL/TU` and the reverse.
 */
export function numberKeyVariants(q: NumberQuery): string[] {
  const [first, ...rest] = q.key.split(' ');
  const n = Number(first);
  const spellings = new Set([first!]);
  if (Number.isFinite(n) && n < 10) spellings.add(`0${n}`);
  if (Number.isFinite(n)) spellings.add(String(n));
  return [...spellings].map((s) => [s, ...rest].join(' '));
}
