/**
 * Diacritic folding for Vietnamese: `Đắk Lắk` → `dak lak`, `bàn giao` → `ban giao`.
 *
 * Unicode decomposition strips tones and vowel marks, but `đ`/`Đ` have no decomposition, so
 * they are mapped by hand. Folding works per character of NFC text, so a folded string has the
 * same length as its source when the source is NFC, and offsets can be mapped back (snippets).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

const cache = new Map<string, string>();

function foldCharCached(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = foldChar(ch);
    cache.set(ch, folded);
  }
  return folded;
}

/** Lower-cases and removes Vietnamese diacritics. */
export function fold(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  for (const ch of nfc) {
    const code = ch.charCodeAt(0);
    // Plain ASCII fast path: most of a document's characters.
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    else out += foldCharCached(ch);
  }
  return out;
}

/**
 * Folds `text` (assumed NFC) and returns, for each UTF-16 unit of the folded string, the offset
 * of the source character it came from, plus one final entry for the end of the text.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldCharCached(ch);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    folded += f;
    i += ch.length;
  }
  offsets.push(i);
  return { folded, offsets };
}

/** True when the text carries any Vietnamese diacritic (or `đ`). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.normalize('NFC').toLowerCase();
}
