/**
 * Where words occur in a text, the way search finds them: without regard to case or Vietnamese
 * diacritics (`ban giao` finds `bàn giao`), whole words only, a phrase across any run of spaces or
 * line breaks. Offsets are those of the original text, so a viewer can mark the very characters.
 */
import { foldWithOffsets, fold } from './fold';

export type TextRange = [start: number, end: number];

const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A folded term as a pattern: its words in order, any whitespace between them. Around the `-` and
 * `/` of a number-symbol, spaces and a stray `*` (a markdown escape left in the text) are allowed:
 * `1485-KL/TU` finds `1485*-KL/TU` and `1485 - KL/TU`.
 */
function patternOf(term: string, exact = false): string | null {
  const words = (exact ? term.normalize('NFC') : fold(term)).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return words.map((w) => escapeRegExp(w).replace(/[-/]/g, (sep) => `[\\s*]*${sep === '/' ? '\\/' : '-'}[\\s*]*`)).join('\\s+');
}

/**
 * The ranges of `text` where any of `terms` occurs as whole words, sorted, overlaps merged.
 * Terms shorter than `minLength` characters (after folding) are ignored: one letter would mark
 * half the page.
 */
export function findTerms(text: string, terms: readonly string[], minLength = 2, exact = false): TextRange[] {
  const patterns = [...new Set(terms.filter((t) => fold(t).trim().length >= minLength).map((t) => patternOf(t, exact)).filter((p): p is string => p !== null))];
  if (patterns.length === 0 || text.length === 0) return [];
  const { folded, offsets } = exact ? { folded: text, offsets: [...Array(text.length + 1).keys()] } : foldWithOffsets(text);
  const found: TextRange[] = [];
  // Each term on its own, so that overlapping ones (`ban giao`, `giao tai`) are all found.
  for (const pattern of patterns) {
    const re = new RegExp(pattern, 'gu');
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const s = m.index;
      const e = s + m[0].length;
      const before = s > 0 ? folded[s - 1]! : '';
      const after = e < folded.length ? folded[e]! : '';
      // Whole words only, on the edges that are word characters (a term may end with `/` or `-`).
      if (WORD_CHAR.test(folded[s]!) && before && WORD_CHAR.test(before)) continue;
      if (WORD_CHAR.test(folded[e - 1]!) && after && WORD_CHAR.test(after)) continue;
      found.push([offsets[s]!, offsets[e] ?? text.length]);
    }
  }
  return mergeRanges(found);
}

/**
 * Where a field was read: the very words as the text writes them (case and diacritics too) where
 * they occur, else wherever search would find them. `Đắk Lăk` read as a place marks that line, not
 * the `ĐẮK LẮK` of the issuer above it.
 */
export function findReadTerms(text: string, terms: readonly string[]): TextRange[] {
  const exact = findTerms(text, terms, 2, true);
  return exact.length > 0 ? exact : findTerms(text, terms);
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The words of a search to mark: each word typed, and the whole text as a phrase (a number-symbol stays whole). */
export function highlightTerms(query: string): string[] {
  const text = query.trim();
  if (text === '') return [];
  const words = text.split(/[\s,;]+/).map((w) => w.replace(/^["'(]+|["'),.:]+$/g, '')).filter(Boolean);
  return [...new Set([text, ...words])];
}
