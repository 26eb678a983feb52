import { foldWithOffsets } from './fold';

/** A piece of a snippet; `hit` pieces are highlighted. Rendered as text, never as markup. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Occurrences looked at: enough to find the best window in any real document. */
const MAX_RANGES = 600;

/** Word characters of folded text: a–z, 0–9, and anything non-ASCII that folding kept (other scripts). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && WORD_CHAR.test(String.fromCharCode(c)));
}

function isWordBoundary(s: string, index: number): boolean {
  return index <= 0 || index >= s.length || !isWordCode(s.charCodeAt(index - 1)) || !isWordCode(s.charCodeAt(index));
}

/** Lexicographic comparison of window scores. */
function isBetter(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return false;
}

export interface SnippetOptions {
  /** Folded terms still being typed: they match any word they start (`chuy` → `chuyển`). */
  prefixes?: readonly string[];
  /**
   * The spelling typed with diacritics, by folded term (`so` → `số`): where the text holds that
   * spelling, only it is marked, so `số` does not light up every `sơ` and `sở` beside it.
   */
  exact?: ReadonlyMap<string, string>;
}

/**
 * Finds where the (already folded) terms occur in `text`, diacritic-insensitively, and cuts a
 * window of about `width` characters around the densest spot. Terms match whole words (`giao`
 * finds `giao`, not `giaoduc` nor `bangiao`), except those still being typed, which match at
 * word starts.
 */
export function makeSnippet(text: string, foldedTerms: string[], width = 240, options: SnippetOptions = {}): SnippetSegment[] {
  const terms = [...new Set(foldedTerms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (text.length === 0) return [];
  const { folded, offsets } = foldWithOffsets(text);
  const prefixes = new Set(options.prefixes ?? []);
  // [start, end, term index] of every occurrence, in source offsets.
  const ranges: Array<[number, number, number]> = [];
  // Each term gets its share, so a frequent short word cannot crowd out the others.
  const perTerm = Math.max(50, Math.floor(MAX_RANGES / Math.max(1, terms.length)));
  terms.forEach((term, t) => {
    const whole = !prefixes.has(term);
    const spelling = whole ? options.exact?.get(term) : undefined;
    const found: Array<[number, number, boolean]> = [];
    let from = 0;
    while (found.length < perTerm) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      if (isWordBoundary(folded, at) && (!whole || isWordBoundary(folded, at + term.length))) {
        const a = offsets[at]!;
        const b = offsets[at + term.length]!;
        found.push([a, b, spelling !== undefined && text.slice(a, b).toLowerCase().normalize('NFC') === spelling]);
      }
      from = at + term.length;
    }
    const keepExactOnly = found.some((f) => f[2]);
    for (const [a, b, isExact] of found) if (!keepExactOnly || isExact) ranges.push([a, b, t]);
  });
  ranges.sort((a, b) => a[0] - b[0]);

  // The window showing the most different words wins, then the one holding the longest run of
  // typed words side by side in the typed order (a phrase), preferably opening it, then the one
  // with most hits: "bàn giao tài liệu"
  // beats "chuyển giao … tài liệu" and a run of "tài liệu" alone.
  const lead = Math.floor(width / 8);
  const order = new Map(foldedTerms.map((t, i) => [t, i]));
  const positions = terms.map((t) => order.get(t) ?? -1);
  const position = (r: [number, number, number]) => positions[r[2]]!;
  let start = 0;
  if (ranges.length > 0) {
    let best = [-1, -1, -1, -1];
    // Which terms a window holds, without allocating per window: a stamp per term.
    const stamp = new Int32Array(terms.length).fill(-1);
    for (let i = 0; i < ranges.length; i++) {
      const from = Math.max(0, ranges[i]![0] - lead);
      let distinct = 0;
      let longestRun = 0;
      let run = 0;
      let openingRun = 0;
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j]![1] <= from + width; j++) {
        const r = ranges[j]!;
        if (stamp[r[2]] !== i) {
          stamp[r[2]] = i;
          distinct++;
        }
        count++;
        const prev = ranges[j - 1];
        run = j > i && prev && r[0] - prev[1] <= 3 && position(r) === position(prev) + 1 ? run + 1 : 1;
        longestRun = Math.max(longestRun, run);
        if (run === j - i + 1) openingRun = run;
      }
      const score = [distinct, longestRun, openingRun, count];
      if (isBetter(score, best)) {
        best = score;
        start = from;
      }
    }
  }
  const merged: Array<[number, number]> = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    // Words of the query side by side (`sầu riêng`) are one highlight, not two.
    if (last && (a <= last[1] || /^\s+$/.test(text.slice(last[1], a)))) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  let end = Math.min(text.length, start + width);
  // Do not cut words in half at the edges.
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;

  const segments: SnippetSegment[] = [];
  const push = (s: string, hit: boolean) => {
    const clean = s.replace(/\s+/g, ' ');
    if (clean.length === 0) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += clean;
    else segments.push({ text: clean, hit });
  };
  if (start > 0) push('… ', false);
  let pos = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    push(text.slice(pos, s), false);
    push(text.slice(s, e), true);
    pos = e;
  }
  push(text.slice(pos, end), false);
  if (end < text.length) push(' …', false);
  return segments;
}
