import { foldWithOffsets } from './fold';

/** A piece of a snippet; `hit` pieces are highlighted. Rendered as text, never as markup. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordBoundary(s: string, index: number): boolean {
  return index <= 0 || index >= s.length || !WORD_CHAR.test(s[index - 1]!) || !WORD_CHAR.test(s[index]!);
}

/**
 * Finds where the (already folded) terms occur in `text`, diacritic-insensitively, and cuts a
 * window of about `width` characters around the densest spot. Terms match at word starts, so
 * `giao` finds `giao` and `giaoduc` but not `bangiao`.
 */
export function makeSnippet(text: string, foldedTerms: string[], width = 240): SnippetSegment[] {
  const terms = [...new Set(foldedTerms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (text.length === 0) return [];
  const { folded, offsets } = foldWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    let from = 0;
    while (ranges.length < 500) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      if (isWordBoundary(folded, at)) ranges.push([offsets[at]!, offsets[at + term.length]!]);
      from = at + term.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }

  // Choose the window start that covers the most hits.
  let start = 0;
  if (merged.length > 0) {
    let best = -1;
    for (const [s] of merged) {
      const count = merged.filter(([a, b]) => a >= s && b <= s + width).length;
      if (count > best) {
        best = count;
        start = s;
      }
    }
    start = Math.max(0, start - Math.floor(width / 4));
  }
  let end = Math.min(text.length, start + width);
  // Do not cut words in half at the edges.
  while (start > 0 && WORD_CHAR.test(text[start - 1]!) && start > 0) start--;
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
