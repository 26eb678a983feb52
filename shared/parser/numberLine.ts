import { normalizeNumberSymbol } from '../domain/numberSymbol';
import type { Seg } from './clean';
import { slicePiece, type Piece } from './piece';

/**
 * Number-symbol shapes (domain.md). Every quantifier is bounded, so a match attempt costs a
 * constant whatever the text around it.
 *   party: `1485-KL/TU`, `24-BS/UBKTTU`, `12-HD/BTCTU`  → number, type abbreviation, issuer
 *   state: `178/2024/NĐ-CP`, `66/NQ-CP`, `127/CĐ-TTg`  → number, year, type, issuer
 */
const ISSUER = String.raw`\p{Lu}\p{L}{0,11}(?:-\p{Lu}\p{L}{0,11}){0,3}`;
export const PARTY_SYMBOL = String.raw`(\d{1,6})[ \t]?-[ \t]?(\p{Lu}\p{L}{0,4})[ \t]?\/[ \t]?(${ISSUER})`;
export const STATE_SYMBOL = String.raw`(\d{1,6})(?:\/(\d{4}))?\/(\p{Lu}\p{L}{0,7})-(${ISSUER})`;
const END = String.raw`(?![\p{L}\p{N}])`;

const LABEL_RE = /^S[ốỐ]\s?[:.]?\s?/u;
const PARTY_AT_START = new RegExp(`^${PARTY_SYMBOL}${END}`, 'u');
const STATE_AT_START = new RegExp(`^${STATE_SYMBOL}${END}`, 'u');
/** `Số     -KH/HU`: a number left blank for the clerk to fill in; the type is still printed. */
const BLANK_AT_START = new RegExp(
  String.raw`^[.…\s]{0,12}-[ \t]?(\p{Lu}\p{L}{0,4})[ \t]?\/[ \t]?(${ISSUER})${END}`,
  'u',
);

export interface NumberRead {
  /** Normalised number-symbol; null when the number is left blank. */
  numberSymbol: string | null;
  piece: Piece | null;
  /** Type abbreviation (`KL`, `CV`) and where it is, for the type fallback. */
  abbr: string | null;
  abbrPiece: Piece | null;
  /** Text index in the segment just after what was read; the rest may be the date (same row). */
  end: number;
  /** No `Số` label: a bare symbol line, less certain. */
  bare: boolean;
}

/**
 * Reads `Số 1485-KL/TU` (or `Số: 66/NQ-CP`, `Số   -KH/HU`) at the start of a header segment.
 * The label must be capitalised: a wrapped body line starting with `số 18-NQ/TW …` is not it.
 */
export function readNumberLine(seg: Seg): NumberRead | null {
  const label = LABEL_RE.exec(seg.text);
  const at = label ? label[0].length : 0;
  const rest = seg.text.slice(at);
  const party = PARTY_AT_START.exec(rest);
  if (party) {
    const symEnd = at + party[0].length;
    const abbrStart = at + party[0].indexOf(party[2]!, party[1]!.length);
    return {
      numberSymbol: normalizeNumberSymbol(party[0]),
      piece: slicePiece(seg, at, symEnd),
      abbr: party[2]!,
      abbrPiece: slicePiece(seg, abbrStart, abbrStart + party[2]!.length),
      end: symEnd,
      bare: !label,
    };
  }
  const state = STATE_AT_START.exec(rest);
  if (state) {
    const symEnd = at + state[0].length;
    const typeStart = at + state[0].lastIndexOf(state[3]! + '-');
    return {
      numberSymbol: normalizeNumberSymbol(state[0]),
      piece: slicePiece(seg, at, symEnd),
      abbr: state[3]!,
      abbrPiece: slicePiece(seg, typeStart, typeStart + state[3]!.length),
      end: symEnd,
      bare: !label,
    };
  }
  if (!label) return null;
  const blank = BLANK_AT_START.exec(rest);
  if (blank) {
    const abbrStart = at + blank[0].indexOf(blank[1]!);
    return {
      numberSymbol: null,
      piece: null,
      abbr: blank[1]!,
      abbrPiece: slicePiece(seg, abbrStart, abbrStart + blank[1]!.length),
      end: at + blank[0].length,
      bare: false,
    };
  }
  return null;
}
