import { windows1252Chars } from './singleByte';
import { vietnameseScore } from './score';
import { decodeTcvn3, restoreCapitals } from './tcvn3';
import { decodeVni } from './vni';
import { decodeWindows1258 } from './windows1258';

/**
 * Choosing how to read Vietnamese text whose encoding nobody recorded: every candidate decoding is
 * scored by how Vietnamese the result looks ({@link vietnameseScore}) and the best one wins, if it
 * is good enough. Pure: the caller brings the bytes or the text.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';
export type SingleByteEncoding = 'windows-1258' | LegacyEncoding;

/** Below this a decoding is not Vietnamese text at all. */
const MIN_SCORE = 0.3;
/** A legacy reading of Unicode text must beat the text as it is by this much. */
const MIN_GAIN = 0.15;
/** Enough text to tell encodings apart; the rest of a large file is only decoded, not scored. */
const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_CHARS = 200_000;

export interface Candidate<E extends string> {
  encoding: E;
  text: string;
  score: number;
}

/** TCVN3 text as characters (bytes read as Windows-1252, or a docx run): Unicode, capitals repaired. */
export function fromTcvn3(chars: string): string {
  return restoreCapitals(decodeTcvn3(chars));
}

/** VNI text as characters: Unicode. */
export function fromVni(chars: string): string {
  return decodeVni(chars);
}

export function fromLegacy(encoding: LegacyEncoding, chars: string): string {
  return encoding === 'tcvn3' ? fromTcvn3(chars) : fromVni(chars);
}

export type ByteDecoding = { ok: true; best: Candidate<SingleByteEncoding>; candidates: Candidate<SingleByteEncoding>[] } | { ok: false; candidates: Candidate<SingleByteEncoding>[] };

/**
 * Reads bytes that are not UTF-8: Windows-1258, TCVN3 or VNI, whichever reads as Vietnamese best.
 * Fails (ok: false) when none does: the file is in another language or not text.
 */
export function decodeSingleByte(bytes: Uint8Array): ByteDecoding {
  // Scored on a sample, decoded in full only in the encoding that wins.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const decoders: Record<SingleByteEncoding, (b: Uint8Array) => string> = {
    'windows-1258': (b) => decodeWindows1258(b).text,
    tcvn3: (b) => fromTcvn3(windows1252Chars(b)),
    vni: (b) => fromVni(windows1252Chars(b)),
  };
  const candidates = (Object.keys(decoders) as SingleByteEncoding[]).map((encoding): Candidate<SingleByteEncoding> => {
    const text = decoders[encoding](sample);
    return { encoding, text, score: vietnameseScore(text).score };
  });
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score < MIN_SCORE) return { ok: false, candidates };
  const full = sample.length === bytes.length ? best : { ...best, text: decoders[best.encoding](bytes) };
  return { ok: true, best: full, candidates };
}

const LATIN1_HIGH_RE = /[\u00a0-\u00ff]/;
/**
 * Latin-1 characters that Vietnamese Unicode never uses as letters (it does use à á â ã è é ê ì í
 * ò ó ô õ ù ú ý and their capitals). TCVN3 and VNI text is full of them (`¸ µ ¶ ø ï û ö …`), while
 * ordinary Unicode documents carry none, so only texts with one are worth scoring as legacy.
 */
const LEGACY_HINT_RE = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;
/** Vietnamese letters that exist only in Unicode (a legacy font text has none of them). */
const UNICODE_ONLY_VIET_RE = /[ĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;

export interface LegacyRepair {
  text: string;
  /** The legacy encoding found inside the text, or null when it was Unicode throughout. */
  legacy: LegacyEncoding | null;
  /** Lines converted (a document may mix Unicode lines and legacy ones). */
  convertedLines: number;
}

/**
 * Finds TCVN3 or VNI text carried as Unicode characters (a docx typed in `.VnTime`, a PDF made from
 * one, a text file someone re-saved as UTF-8) and converts it. The whole text decides whether a
 * legacy encoding is present; then each line is converted only if it has no Unicode-only
 * Vietnamese letters and reads at least as well converted, so Unicode lines of a mixed document
 * are left alone.
 */
export function repairLegacyText(text: string): LegacyRepair {
  const unchanged: LegacyRepair = { text, legacy: null, convertedLines: 0 };
  if (!LEGACY_HINT_RE.test(text)) return unchanged;
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, text.lastIndexOf('\n', SAMPLE_CHARS) + 1 || SAMPLE_CHARS) : text;
  const original = vietnameseScore(sample).score;
  let best: Candidate<LegacyEncoding> | null = null;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const converted = fromLegacy(encoding, sample);
    const score = vietnameseScore(converted).score;
    if (!best || score > best.score) best = { encoding, text: converted, score };
  }
  if (!best || best.score < MIN_SCORE || best.score < original + MIN_GAIN) return unchanged;
  let convertedLines = 0;
  const lines = text.split('\n').map((line) => {
    if (!LATIN1_HIGH_RE.test(line) || UNICODE_ONLY_VIET_RE.test(line)) return line;
    const converted = fromLegacy(best.encoding, line);
    if (converted === line) return line;
    // A line that reads cleanly as it is, and worse converted, is Unicode in a mixed document.
    const before = vietnameseScore(line);
    if (before.badLetters === 0 && before.raw > vietnameseScore(converted).raw) return line;
    convertedLines++;
    return converted;
  });
  if (convertedLines === 0) return unchanged;
  return { text: lines.join('\n'), legacy: best.encoding, convertedLines };
}
