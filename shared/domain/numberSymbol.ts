import { fold } from '../text/fold';

/**
 * Số và ký hiệu. A party number-symbol reads `<number>-<type>/<issuer>` (`1485-KL/TU`); a State one
 * `<number>/<year>/<type>-<issuer>` (`178/2024/NĐ-CP`) or `<number>/<type>-<issuer>` (`127/CĐ-TTg`).
 */

/** Tidies a number-symbol as written: no spaces around separators, no stray `*` or `\`. */
export function normalizeNumberSymbol(raw: string): string | null {
  const s = raw
    .normalize('NFC')
    .replace(/[\\*]/g, '')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 0 ? s : null;
}

/**
 * The lookup key for a number-symbol: folded, with every separator removed and the parts kept in
 * order, so `1485-KL/TU`, `1485 KL TU` and `1485-kl/tu` share one key (`1485 kl tu`).
 */
export function numberSymbolKey(raw: string): string {
  return fold(raw.replace(/[\\*]/g, ''))
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}
