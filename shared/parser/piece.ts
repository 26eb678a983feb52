import type { TextSpan } from './types';

/**
 * A piece of cleaned text that remembers, for every UTF-16 unit, the offset in the parser's input
 * it came from. Cleaning drops markdown marks and collapses whitespace, so offsets are not
 * contiguous; keeping them per unit is what lets every extracted value point back to the input.
 */
export interface Piece {
  text: string;
  /** `map[i]` is the input offset of `text[i]`; same length as `text`. */
  map: number[];
}

export const EMPTY_PIECE: Piece = { text: '', map: [] };

export function slicePiece(p: Piece, start: number, end: number = p.text.length): Piece {
  return { text: p.text.slice(start, end), map: p.map.slice(start, end) };
}

/** The input range a piece covers, from its first to its last unit. */
export function spanOf(p: Piece): TextSpan | null {
  if (p.text.length === 0) return null;
  return { start: p.map[0]!, end: p.map[p.map.length - 1]! + 1 };
}

/** Drops characters matching `re` (a one-char class) from both ends. */
export function trimPiece(p: Piece, chars: RegExp = /\s/): Piece {
  let a = 0;
  let b = p.text.length;
  while (a < b && chars.test(p.text[a]!)) a++;
  while (b > a && chars.test(p.text[b - 1]!)) b--;
  return a === 0 && b === p.text.length ? p : slicePiece(p, a, b);
}

const TRAILING_PUNCT = /[\s,.;:]/;

/** Removes the list punctuation a value carries in the text (`Ủy ban nhân dân tỉnh,`). */
export function stripTrailingPunct(p: Piece): Piece {
  let b = p.text.length;
  while (b > 0 && TRAILING_PUNCT.test(p.text[b - 1]!)) b--;
  // An ellipsis or a closing bracket is part of the value; only list separators are dropped.
  return b === p.text.length ? p : trimPiece(slicePiece(p, 0, b));
}

/** Joins pieces with one space; the space borrows the offset just after the previous piece. */
export function joinPieces(pieces: readonly Piece[]): Piece {
  const parts = pieces.filter((p) => p.text.length > 0);
  if (parts.length === 0) return EMPTY_PIECE;
  if (parts.length === 1) return parts[0]!;
  let text = '';
  const map: number[] = [];
  for (const p of parts) {
    if (text.length > 0) {
      text += ' ';
      map.push(map[map.length - 1]! + 1);
    }
    text += p.text;
    for (const m of p.map) map.push(m);
  }
  return { text, map };
}

/** The part of `p` after a regex match anchored at its start, trimmed; null when no match. */
export function afterMatch(p: Piece, re: RegExp): Piece | null {
  const m = re.exec(p.text);
  if (!m || m.index !== 0) return null;
  return trimPiece(slicePiece(p, m[0].length));
}
