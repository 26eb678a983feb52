/**
 * Windows-1258, Microsoft's Vietnamese code page: Latin-1-like, with ă â ê ô ơ ư đ as letters and
 * the five tone marks as combining characters (0xCC huyền, 0xD2 hỏi, 0xDE ngã, 0xEC sắc, 0xF2
 * nặng). Text in it is therefore partly decomposed: `ấ` is `â` + 0xEC. Decoding returns NFC.
 * The table is Microsoft's (checked in the tests against iconv-lite's `windows1258`).
 */

import { toNfc } from '../normalize';

/** 0x80–0xFF → Unicode; 0xFFFD where the code page defines nothing. */
const HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0xfffd, 0x2039, 0x0152, 0xfffd, 0xfffd, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0xfffd, 0x203a, 0x0153, 0xfffd, 0xfffd, 0x0178,
  0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
  0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
  0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x0300, 0x00cd, 0x00ce, 0x00cf,
  0x0110, 0x00d1, 0x0309, 0x00d3, 0x00d4, 0x01a0, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x01af, 0x0303, 0x00df,
  0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x0301, 0x00ed, 0x00ee, 0x00ef,
  0x0111, 0x00f1, 0x0323, 0x00f3, 0x00f4, 0x01a1, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x01b0, 0x20ab, 0x00ff,
];

const TONE_RE = /^[\u0300\u0301\u0303\u0309\u0323]$/;

const BYTE_CHARS: string[] = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b < 0x80 ? b : HIGH[b - 0x80]!));
const CHAR_BYTES = new Map<string, number>();
BYTE_CHARS.forEach((ch, b) => {
  if (ch !== '\ufffd') CHAR_BYTES.set(ch, b);
});

/** Decodes Windows-1258 bytes to NFC text; undefined bytes become U+FFFD and are counted. */
export function decodeWindows1258(bytes: Uint8Array): { text: string; undefinedBytes: number } {
  const parts: string[] = [];
  let undefinedBytes = 0;
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const part: string[] = new Array(end - i);
    for (let k = i; k < end; k++) {
      const ch = BYTE_CHARS[bytes[k]!]!;
      if (ch === '\ufffd') undefinedBytes++;
      part[k - i] = ch;
    }
    parts.push(part.join(''));
  }
  return { text: toNfc(parts.join('')), undefinedBytes };
}

/**
 * Encodes text as Windows-1258 the way Windows writes Vietnamese: a precomposed character where
 * the code page has one (á, â, ơ…), otherwise the shaped base (â ă ê ô ơ ư) plus a tone byte.
 * Characters the code page cannot hold are written as `?` and counted.
 */
export function encodeWindows1258(text: string): { bytes: Uint8Array; unmapped: number } {
  const out: number[] = [];
  let unmapped = 0;
  for (const ch of text.normalize('NFC')) {
    const direct = CHAR_BYTES.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // Take the tone out of the NFD form (it may sit before the circumflex: Ộ = O + ̣ + ̂), recompose the rest.
    const nfd = ch.normalize('NFD');
    const tone = [...nfd].find((c) => TONE_RE.test(c));
    const toneByte = tone === undefined ? undefined : CHAR_BYTES.get(tone);
    const baseByte = tone === undefined ? undefined : CHAR_BYTES.get(nfd.replace(tone, '').normalize('NFC'));
    if (toneByte !== undefined && baseByte !== undefined) {
      out.push(baseByte, toneByte);
    } else {
      out.push(0x3f);
      unmapped++;
    }
  }
  return { bytes: Uint8Array.from(out), unmapped };
}
