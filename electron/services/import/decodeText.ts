import { ApiError, type ErrorMessage, fieldError } from '../../../shared/contract/errors';
import { type SingleByteEncoding, decodeSingleByte, repairLegacyText } from '../../../shared/text/encodings/detect';
import { excessMarks, hasLongMarkRun, toNfc } from '../../../shared/text/normalize';
import { CONVERSION } from '../../../shared/importing/conversions';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

export interface DecodedText {
  /** NFC Unicode. */
  text: string;
  /** What the bytes were read as, recorded with the document. */
  encoding: TextEncoding;
  /** What was done to the characters (`tcvn3→unicode`, `nfd→nfc`…), recorded with the document. */
  conversions: string[];
}

/** A file that cannot be read: `reason` is one of `read.*` (errors/reading.ts); `detail` is what a library said. */
export function unreadable(fileName: string, reason: ErrorMessage, detail?: string): ApiError {
  return new ApiError('import.unreadable', { fileName, reason: [reason], ...(detail ? { detail } : {}) });
}

/** The control characters {@link looksBinary} counts (all but tab, line feed, form feed and carriage return). */
const COUNTED_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/** Control characters other than tab, line feed, form feed and carriage return: a binary file. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  // Text has none: the engine's compiled search says so in a third of the loop's time.
  if (!COUNTED_CONTROL.test(sample)) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) controls++;
  }
  return controls > 8 && controls > sample.length / 1000;
}

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
}

/**
 * UTF-16 saved without a byte-order mark (some older tools do): NUL bytes, which text in UTF-8 or
 * a single-byte encoding never has, at every other position. Latin letters and Vietnamese ones
 * (U+00xx, U+01xx, U+1Exx) all have a high byte of 0x00, 0x01 or 0x1E, so one position in two is
 * mostly zero and the other almost never. Returns the byte order, or null when it does not look so.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.byteLength < 32 || bytes.byteLength % 2 !== 0) return null;
  const n = Math.min(bytes.byteLength, 65_536);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const order = oddZeros >= pairs * 0.25 && evenZeros <= pairs * 0.02 ? 'utf-16le' : evenZeros >= pairs * 0.25 && oddZeros <= pairs * 0.02 ? 'utf-16be' : null;
  if (!order) return null;
  // …and reads as text: Latin and Vietnamese letters, marks, punctuation, spaces; not binary noise.
  let sample: string;
  try {
    sample = new TextDecoder(order, { fatal: true }).decode(bytes.subarray(0, n));
  } catch {
    return null;
  }
  const textual = sample.match(/[\t\n\r\u0020-\u007e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]/g)?.length ?? 0;
  return textual >= sample.length * 0.9 ? order : null;
}

/**
 * Refuses text that is mostly combining marks stacked beyond any language's use (more than 30 on
 * one letter, for half the text): not a document but a file built to stall a reader. Fewer are
 * kept, made stream-safe by `normalizeText` (which is linear whatever the text holds).
 */
export function refuseMarkFlood(raw: string, fileName: string): void {
  if (excessMarks(raw) > raw.length / 2) {
    throw unreadable(fileName, fieldError('read.markFlood'));
  }
}

/**
 * Decodes characters already read (from the bytes, or from a docx/pdf) into NFC, converting TCVN3
 * or VNI found inside them. Shared by every format so the same text reads the same whatever it
 * came in.
 */
export function normalizeText(raw: string, conversions: string[], lookForLegacy = true): { text: string; legacy: 'tcvn3' | 'vni' | null } {
  const nfc = toNfc(raw);
  if (nfc !== raw) conversions.push(hasLongMarkRun(raw) ? CONVERSION.marksSplit : 'nfd→nfc');
  if (!lookForLegacy) return { text: nfc, legacy: null };
  const repaired = repairLegacyText(nfc);
  if (repaired.legacy) conversions.push(`${repaired.legacy}→unicode`);
  return { text: repaired.text, legacy: repaired.legacy };
}

/**
 * Turns a text file's bytes into NFC Unicode: UTF-8 (with or without BOM, NFC or NFD), UTF-16
 * with a BOM or without one, and, for bytes that are not UTF-8, whichever of Windows-1258, TCVN3 (ABC) and VNI
 * reads as Vietnamese. TCVN3/VNI text re-saved as UTF-8 is converted too. Anything else is refused
 * with a clear reason rather than imported as mojibake.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.byteLength === 0) throw unreadable(fileName, fieldError('read.empty'));
  let raw: string;
  let encoding: TextEncoding;
  const conversions: string[] = [];
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
      encoding = 'utf-8-bom';
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      raw = utf16(bytes, true);
      encoding = 'utf-16le';
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      raw = utf16(bytes, false);
      encoding = 'utf-16be';
    } else if (bytes.includes(0) && utf16WithoutBom(bytes)) {
      encoding = utf16WithoutBom(bytes)!;
      raw = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } else {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    }
  } catch {
    if (bytes[0] === 0xff || bytes[0] === 0xfe) {
      throw unreadable(fileName, fieldError('read.badUtf16'));
    }
    if (bytes.includes(0)) throw unreadable(fileName, fieldError('read.binary'));
    const single = decodeSingleByte(bytes);
    if (!single.ok) {
      const readings = single.candidates.map((c) => `${c.encoding} ${c.score.toFixed(2)}`).join(', ');
      throw unreadable(fileName, fieldError('read.unknownEncoding'), `best readings: ${readings}`);
    }
    raw = single.best.text;
    encoding = single.best.encoding;
    conversions.push(`${encoding}→unicode`);
  }
  if (looksBinary(raw)) throw unreadable(fileName, fieldError('read.binary'));
  refuseMarkFlood(raw, fileName);
  // Bytes already read as a legacy encoding are Unicode now: nothing legacy is left inside.
  const { text } = normalizeText(raw, conversions, conversions.length === 0);
  if (text.trim().length === 0) throw unreadable(fileName, fieldError('read.noText'));
  return { text, encoding, conversions };
}
