import { type Tone, type VowelBase, vowel } from './letters';
import { toNfc } from '../normalize';

/**
 * VNI Windows, the encoding of the `VNI-Times` family of fonts: a Vietnamese letter is its ASCII
 * base followed by one mark character (`aù` = á, `aâ` = â, `aá` = ấ, `aê` = ă, `aé` = ắ), except
 * a few single characters (`ô` = ơ, `ö` = ư, `ñ` = đ, `í ì æ ó ò` = í ì ỉ ĩ ị, `î` = ỵ). Capitals
 * use the capital marks (`AÙ` = Á). Text typed in those fonts reaches us as the Latin-1
 * characters with the same codes (`Vieät Nam` for `Việt Nam`).
 *
 * The table follows the VNI Windows layout as published in the xvnkb and UniKey-era converter
 * tables (both agree); the tests walk every Vietnamese letter through it both ways.
 */

/** Tone marks after a plain base, lower case: none, sắc, huyền, hỏi, ngã, nặng. */
const TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
/** After a base that takes a circumflex (â ê ô): the circumflex alone, then combined with each tone. */
const CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'];
/** After `a` for ă: the breve alone, then combined with each tone. */
const BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
/** `i` is written as one character per tone. */
const I_FORMS = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];

function vniLower(base: VowelBase, tone: Tone): string {
  switch (base) {
    case 'a':
    case 'e':
    case 'o':
    case 'u':
      return base + TONE[tone];
    case 'â':
      return 'a' + CIRCUMFLEX[tone];
    case 'ê':
      return 'e' + CIRCUMFLEX[tone];
    case 'ô':
      return 'o' + CIRCUMFLEX[tone];
    case 'ă':
      return 'a' + BREVE[tone];
    case 'ơ':
      return 'ô' + TONE[tone];
    case 'ư':
      return 'ö' + TONE[tone];
    case 'i':
      return I_FORMS[tone]!;
    case 'y':
      // ỵ has its own character; the other tones follow the plain pattern.
      return tone === 5 ? 'î' : 'y' + TONE[tone];
  }
}

/** Unicode letter → VNI characters. */
const ENCODE = new Map<string, string>();
const BASES: VowelBase[] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
for (const base of BASES) {
  for (let tone = 0 as Tone; tone <= 5; tone = (tone + 1) as Tone) {
    const lower = vowel(base, tone);
    const code = vniLower(base, tone);
    if (lower.charCodeAt(0) >= 0x80) ENCODE.set(lower, code);
    const upper = vowel(base, tone, true);
    if (upper.charCodeAt(0) >= 0x80) ENCODE.set(upper, code.toUpperCase());
  }
}
ENCODE.set('đ', 'ñ');
ENCODE.set('Đ', 'Ñ');

/**
 * VNI characters → Unicode, two-character sequences first. A base followed by a mark of the other
 * case (`Aù`) is read in the base's case: mixed fonts in old files produce it.
 */
const DECODE2 = new Map<string, string>();
const DECODE1 = new Map<string, string>();
for (const [u, code] of ENCODE) {
  if (code.length === 2) {
    DECODE2.set(code, u);
    const isUpper = u !== u.toLowerCase();
    const mixed = code[0]! + (isUpper ? code[1]!.toLowerCase() : code[1]!.toUpperCase());
    if (!DECODE2.has(mixed)) DECODE2.set(mixed, u);
  } else DECODE1.set(code, u);
}

/** The characters that are VNI marks after a base letter (for detection). */
export const VNI_MARKS = new Set([...TONE, ...CIRCUMFLEX, ...BREVE].filter(Boolean).flatMap((m) => [m, m.toUpperCase()]));

/** Reads text whose Latin-1 characters are VNI codes. Other characters pass through. NFC out. */
export function decodeVni(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    // Only sequences involving a Latin-1 letter can be VNI codes.
    if (c < 0xc0 && !(next >= 0xc0 && next <= 0xff)) continue;
    const two = DECODE2.get(text.slice(i, i + 2));
    if (two !== undefined) {
      out += text.slice(runStart, i) + two;
      i++;
      runStart = i + 1;
      continue;
    }
    const one = c >= 0xc0 && c <= 0xff ? DECODE1.get(text[i]!) : undefined;
    if (one !== undefined) {
      out += text.slice(runStart, i) + one;
      runStart = i + 1;
    }
  }
  out += text.slice(runStart);
  return toNfc(out);
}

/** Writes NFC Unicode as VNI characters; characters outside Latin-1 and Vietnamese pass through. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch.charCodeAt(0) < 0x80 ? ch : (ENCODE.get(ch) ?? ch);
  return out;
}
