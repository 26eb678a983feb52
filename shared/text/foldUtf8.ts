import { fold, foldUnit, foldUnitCode } from './fold';

/**
 * {@link fold} of a text given as its UTF-8 bytes, for re-indexing stored full texts: read as bytes,
 * a text is folded without first becoming a JavaScript string and being normalized, which took
 * as long as the folding itself (a bulk edit of 3,000 documents re-indexes 20 MB of text).
 *
 * Only text that NFC leaves unchanged is folded this way: ASCII, Latin-1, Latin Extended-A and -B,
 * Latin Extended Additional (the precomposed Vietnamese letters) and general punctuation, with no
 * combining mark. Anything else (a combining mark, another script, an astral character, bytes that
 * are not UTF-8) returns null, and the caller decodes and calls {@link fold}.
 */
export function foldUtf8(bytes: Uint8Array): string | null {
  const n = bytes.length;
  const parts: string[] = [];
  const buf = scratch;
  let k = 0;
  for (let i = 0; i < n; ) {
    if (k >= CHUNK) {
      parts.push(String.fromCharCode.apply(null, buf.subarray(0, k) as unknown as number[]));
      k = 0;
    }
    const b = bytes[i]!;
    if (b < 0x80) {
      buf[k++] = b >= 65 && b <= 90 ? b + 32 : b;
      i++;
      continue;
    }
    let c: number;
    if (b >= 0xc2 && b <= 0xdf && i + 1 < n) {
      const b1 = bytes[i + 1]!;
      if ((b1 & 0xc0) !== 0x80) return null;
      c = ((b & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b === 0xe1 || b === 0xe2) {
      if (i + 2 >= n) return null;
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return null;
      c = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      i += 3;
    } else return null;
    if (!nfcStable(c)) return null;
    const u = foldUnitCode(c);
    if (u !== 0xffff) buf[k++] = u;
    else {
      const f = foldUnit(c);
      if (k + f.length > buf.length) {
        parts.push(String.fromCharCode.apply(null, buf.subarray(0, k) as unknown as number[]));
        k = 0;
      }
      for (let j = 0; j < f.length; j++) buf[k++] = f.charCodeAt(j);
    }
  }
  if (k > 0) parts.push(String.fromCharCode.apply(null, buf.subarray(0, k) as unknown as number[]));
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** Code points folded this way: every one a starter that NFC leaves as it is, alone or followed by another of them. */
function nfcStable(c: number): boolean {
  return (c >= 0x80 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x205e);
}

/** Units folded before they are turned into a string piece. */
const CHUNK = 8192;
let scratch = new Uint16Array(CHUNK + 64);

/** {@link fold} of UTF-8 bytes, whatever they hold (the fast path when it applies). */
export function foldUtf8OrDecode(bytes: Uint8Array): string {
  return foldUtf8(bytes) ?? fold(new TextDecoder().decode(bytes));
}
