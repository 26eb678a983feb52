/**
 * Bytes → characters for the 8-bit Windows code pages the legacy Vietnamese encodings sit on.
 * TCVN3 and VNI fonts were used on Windows with the Windows-1252 keyboard layer: a file saved as
 * "text" holds the font's byte codes, and 0x80–0x9F are Windows-1252 punctuation (“ ” – … ),
 * which those fonts kept. Everything from 0xA0 up is Latin-1 here; the legacy tables then say
 * which Vietnamese letter a Latin-1 character stood for.
 */

/** Windows-1252 0x80–0x9F; undefined positions keep their C1 control code, as Windows does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const BYTE_CHARS: string[] = Array.from({ length: 256 }, (_, b) =>
  String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b),
);

const CHAR_BYTES = new Map<string, number>(BYTE_CHARS.map((ch, b) => [ch, b]));

const BYTE_UNITS = Uint16Array.from(BYTE_CHARS, (ch) => ch.charCodeAt(0));

/** A string from UTF-16 code units, built in chunks (no argument-count limit, no per-character concatenation). */
export function unitsToString(units: Uint16Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) parts.push(String.fromCharCode(...units.subarray(i, i + CHUNK)));
  return parts.join('');
}

/** Reads bytes as Windows-1252 characters (the layer TCVN3/VNI text was typed on). */
export function windows1252Chars(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = BYTE_UNITS[bytes[i]!]!;
  return unitsToString(units);
}

/** The Windows-1252 byte of a character, or undefined when it has none. */
export function windows1252Byte(ch: string): number | undefined {
  return CHAR_BYTES.get(ch);
}
