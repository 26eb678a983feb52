/**
 * The Vietnamese alphabet as Unicode sees it: 12 vowel bases (a ă â e ê i o ô ơ u ư y) × 6 tones
 * (none, sắc, huyền, hỏi, ngã, nặng), in both cases, plus đ/Đ. The legacy tables (TCVN3, VNI,
 * Windows-1258) are written against this list so that a test can walk every letter both ways.
 */

/** Tone marks as combining characters, in the order sắc, huyền, hỏi, ngã, nặng. */
export const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

/** Vowel bases with their shape mark already applied (NFC), lower case. */
export const VOWEL_BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export type VowelBase = (typeof VOWEL_BASES)[number];

/** `base` with tone `tone` (0 = none), NFC, in the requested case. */
export function vowel(base: VowelBase, tone: Tone, upper = false): string {
  const lower = tone === 0 ? base : (base + TONE_MARKS[tone - 1]).normalize('NFC');
  return upper ? lower.toUpperCase() : lower;
}

/** Every Vietnamese letter that is not plain ASCII: 66 toned or shaped vowels and đ, in each case (134). */
export const VIETNAMESE_NON_ASCII: readonly string[] = (() => {
  const out: string[] = [];
  for (const upper of [false, true]) {
    for (const base of VOWEL_BASES) {
      for (let tone = 0 as Tone; tone <= 5; tone = (tone + 1) as Tone) {
        const ch = vowel(base, tone, upper);
        if (ch.charCodeAt(0) >= 0x80) out.push(ch);
      }
    }
    out.push(upper ? 'Đ' : 'đ');
  }
  return out;
})();

const VIETNAMESE_SET = new Set(VIETNAMESE_NON_ASCII);

/** True for a–z, A–Z and every Vietnamese letter (one NFC character). */
export function isVietnameseLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return VIETNAMESE_SET.has(ch);
}

const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Splits a lower-case NFC word into its toneless form and the number of tone marks it carried. */
export function stripTones(word: string): { bare: string; tones: number } {
  const nfd = word.normalize('NFD');
  let tones = 0;
  const bare = nfd.replace(TONE_RE, () => {
    tones++;
    return '';
  });
  return { bare: bare.normalize('NFC'), tones };
}
