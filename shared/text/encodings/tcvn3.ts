/**
 * TCVN3 (ABC), the 8-bit Vietnamese encoding of TCVN 5712:1993 used by the `.VnTime` family of
 * fonts: ASCII below 0x80, Vietnamese letters from 0xA1 up. Text typed in those fonts reaches us
 * as the Latin-1 characters with the same codes (`Tæ chøc` for `Tổ chức`).
 *
 * The table is TCVN 5712:1993 (VN3 = the 0xA0–0xFF part; checked in the tests against glibc's
 * TCVN5712-1 converter, and it agrees with the tables of the xvnkb and UniKey-era converters).
 * 0xB0–0xB4 are combining tone marks. VN3 has only 14 upper-case toned letters (Ằ Ẳ Ẵ Ắ Ầ Ẩ Ẫ Ấ
 * Ề Ể Ễ Ế Ồ Ổ Ỗ Ố): other capitals were typed with the lower-case code in a capitals font
 * (`.VnTimeH`), so decoding alone gives `TØNH` → `TỉNH`; {@link restoreCapitals} repairs words
 * that are otherwise in capitals.
 */

import { unitsToString } from './singleByte';
import { toNfc } from '../normalize';

const TCVN3_HIGH =
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';

/** Character code 0xA0–0xFF → its Unicode unit, by code (0xA0 first). */
const DECODE_UNITS = Uint16Array.from(TCVN3_HIGH, (ch) => ch.charCodeAt(0));
/** Character code 0xA0–0xFF → Unicode. */
const DECODE = new Map<string, string>([...TCVN3_HIGH].map((u, i) => [String.fromCharCode(0xa0 + i), u]));

/** Unicode letter → the Latin-1 character TCVN3 stores it as. */
const ENCODE = new Map<string, string>();
for (const [code, u] of DECODE) if (u.charCodeAt(0) < 0x300 || u.charCodeAt(0) > 0x36f) ENCODE.set(u, code);

/** Every character TCVN3 gives a Vietnamese meaning to (for detection). */
export function isTcvn3Code(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xa1 && c <= 0xff;
}

/**
 * Reads text whose Latin-1 characters are TCVN3 codes (from bytes via windows1252Chars, or from a
 * docx run in a `.Vn…` font). Other characters pass through. The result is NFC.
 */
export function decodeTcvn3(text: string): string {
  // Every TCVN3 code becomes one UTF-16 unit: map unit by unit, then build the string at once.
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[i] = c >= 0xa0 && c <= 0xff ? DECODE_UNITS[c - 0xa0]! : c;
  }
  return toNfc(unitsToString(units));
}

/**
 * Writes NFC Unicode as TCVN3 characters (Latin-1 code points). Upper-case toned letters VN3 does
 * not have are written with their lower-case code, as the keyboards of the time did. Characters
 * with no TCVN3 code are returned in `unmapped` (and written as `?`).
 */
export function encodeTcvn3(text: string): { text: string; unmapped: number } {
  let out = '';
  let unmapped = 0;
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      out += ch;
      continue;
    }
    const direct = ENCODE.get(ch) ?? ENCODE.get(ch.toLowerCase());
    if (direct !== undefined) out += direct;
    else if ((c >= 0x80 && c < 0xa0) || c > 0xff) {
      // Punctuation such as “ ” – … travels in the Windows-1252 layer under the font.
      out += ch;
    } else {
      out += '?';
      unmapped++;
    }
  }
  return { text: out, unmapped };
}

/** Per UTF-16 unit: not a letter, a capital, a lower-case letter whose capital TCVN3 lacks, another lower-case letter, or a mark. */
const OTHER = 0;
const UPPER = 1;
const LOST = 2;
const LOWER = 3;
const MARK = 4;
let classes: Uint8Array | null = null;

/** Built once: classifying by table keeps this linear and cheap on large files. */
function classOf(code: number): number {
  if (!classes) {
    classes = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (/\p{M}/u.test(ch)) classes[c] = MARK;
      else if (!/\p{L}/u.test(ch)) classes[c] = OTHER;
      else if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) classes[c] = UPPER;
      else if (capitalLost(ch)) classes[c] = LOST;
      else if (ch !== ch.toUpperCase()) classes[c] = LOWER;
      else classes[c] = MARK; // a letter without case: part of a word, says nothing
    }
  }
  return classes[code]!;
}

/** A lower-case letter whose capital TCVN3 cannot store: in a capitals word it stood for the capital. */
function capitalLost(ch: string): boolean {
  const upper = ch.toUpperCase();
  return upper !== ch && upper.length === 1 && upper.charCodeAt(0) >= 0x80 && !ENCODE.has(upper) && ENCODE.has(ch);
}

interface Word {
  start: number;
  end: number;
  caps: number;
  /** Lower-case letters that TCVN3 could only write in lower case. */
  lost: number;
  /** Lower-case letters that are lower case for certain. */
  lower: number;
}

/**
 * After decoding, a word such as `TỉNH` or `LUậN` has capitals everywhere except letters whose
 * capital TCVN3 lacks: those were capitals too (the `.VnTimeH` convention). A word with a single
 * capital (`ủY`) is raised only when the word beside it, across a space, is in capitals, or when
 * the whole line is in capitals, so `Từ` at the start of a sentence stays as it is. A lower-case letter TCVN3 could have written as a
 * capital (`Số`: Ố exists) proves the word is not in capitals.
 */
export function restoreCapitals(text: string): string {
  return text
    .split('\n')
    .map((line) => restoreLine(line))
    .join('\n');
}

function restoreLine(line: string): string {
  const words: Word[] = [];
  let word: Word | null = null;
  let anyLost = false;
  for (let i = 0; i <= line.length; i++) {
    const cls = i < line.length ? classOf(line.charCodeAt(i)) : OTHER;
    if (cls === OTHER) {
      if (word) {
        word.end = i;
        words.push(word);
        word = null;
      }
      continue;
    }
    word ??= { start: i, end: i, caps: 0, lost: 0, lower: 0 };
    if (cls === UPPER) word.caps++;
    else if (cls === LOST) {
      word.lost++;
      anyLost = true;
    } else if (cls === LOWER) word.lower++;
  }
  // Nothing TCVN3 could have lowered: the line is as it was typed.
  if (!anyLost) return line;
  const inCaps = words.map((w) => w.lower === 0 && w.caps >= 2);
  const raise = words.map((w, i) => inCaps[i]! && w.lost > 0);
  const besideCaps = (i: number, j: number): boolean =>
    j >= 0 && j < words.length && inCaps[j]! && /^\s+$/.test(line.slice(Math.min(words[i]!.end, words[j]!.end), Math.max(words[i]!.start, words[j]!.start)));
  // A line with no certainly lower-case letter and a word in capitals is a capitals line (a
  // heading, the issuer's name): every word on it is in capitals.
  const capitalsLine = inCaps.some(Boolean) && words.every((w) => w.lower === 0);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.lower > 0 || w.lost === 0) continue;
    if (capitalsLine || (w.caps === 1 && (besideCaps(i, i - 1) || besideCaps(i, i + 1)))) raise[i] = true;
  }
  if (!raise.some(Boolean)) return line;
  let out = '';
  let at = 0;
  words.forEach((w, i) => {
    if (!raise[i]) return;
    out += line.slice(at, w.start) + line.slice(w.start, w.end).toUpperCase();
    at = w.end;
  });
  return out + line.slice(at);
}
