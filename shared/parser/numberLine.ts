import { docTypeByAbbr, type NumberForm } from '../domain/docTypes';
import { normalizeNumberSymbol } from '../domain/numberSymbol';
import type { Seg } from './clean';
import { slicePiece, type Piece } from './piece';

/**
 * Number-symbol shapes (domain.md, docs/state-documents.md). Every quantifier is bounded, so a
 * match attempt costs a constant whatever the text around it.
 *   party: `1485-KL/TU`, `24-BS/UBKTTU`, `12-HD/BTCTU`  → number, type abbreviation, issuer
 *   state: `178/2024/NĐ-CP`, `66/NQ-CP`, `127/CĐ-TTg`, `653/NQ-UBTVQH14` → number, year, type, issuer;
 *          a công văn's symbol has no type: `187/VTLTNN-VP` (issuer, drafting unit), `66/NVĐP`.
 */
// An issuer group may end in a term number (`QH14`, `UBTVQH15`).
// A lower-case letter only where a code has one (`TTg`), never a glued word (`70-TB/TWngày`).
// `&` joins two codes of one ministry or unit (`NN&PTNT`, `KT&KĐCL`). Joint bodies' codes run long
// (`BTTUBTWMTTQVN`, Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam): up to 16 letters.
const ISSUER_GROUP = String.raw`\p{Lu}(?:\p{Lu}|\p{Ll}(?!\p{Ll})|&(?=\p{Lu})){0,15}\d{0,2}`;
// Groups joined by `-`, or by `.` inside one (`06/QC-TT.HĐND-UBND`).
const ISSUER = String.raw`${ISSUER_GROUP}(?:[-.]${ISSUER_GROUP}){0,3}`;
export const PARTY_SYMBOL = String.raw`(\d{1,6})[ \t]?-[ \t]?(\p{Lu}\p{L}{0,4})[ \t]?\/[ \t]?(${ISSUER})`;
// `30c/NQ-CP`: a letter after the number marks a document numbered into an existing series.
// The type and the issuer are joined by `-`, or by `/` in joint documents (`01/QCPH/UBND-UBMTTQ`).
//
// Copies space or break the joint between type and issuer (`473/TTr - NN&PTNT`, `906/KT- KĐ`,
// `2865/GDĐT –KT&KĐCL` with an en dash, `47/2005/QĐ/ UB-TH`, `QĐ/` at a line's end): accepted only when what follows is a
// code in capitals that ends there, so `12/UBND - Văn phòng` stays `12/UBND`.
const STRICT_CODE = String.raw`(?=\p{Lu}[\p{Lu}&]{0,11}\d{0,2}(?:-\p{Lu}[\p{Lu}&]{0,11}\d{0,2}){0,2}(?![\p{L}\p{N}&]))`;
// Old State symbols join the type and the issuer with a dot (`01/1999/QĐ.UB`), a code in capitals
// right after it; a sentence ending on a symbol puts a space after its stop.
const JOINT = String.raw`(?:[-/]|(?:[ \t]{1,2}[-–/][ \t]{0,2}|[-–/][ \t]{1,2}|\/[ \t]{0,2}\r?\n[ \t]{0,8}|–|\.)${STRICT_CODE})`;
export const STATE_SYMBOL = String.raw`(\d{1,6}[a-z]?)(?:\/(\d{4}))?\/(\p{Lu}\p{L}{0,7})${JOINT}(${ISSUER})`;
/** `Số: 24-CT`: the old State form, a number and the issuer's code (Chủ tịch Hội đồng Bộ trưởng). */
const OLD_STATE_AT_START = /^(\d{1,6})-(\p{Lu}{1,6})(?![\p{L}\p{N}/-])/u;
/** A State symbol of one group (`66/NVĐP`): only read after a `Số` label, never as a citation. */
export const STATE_ONE_GROUP = String.raw`(\d{1,6}[a-z]?)(?:\/(\d{4}))?\/(\p{Lu}\p{L}{1,11}\d{0,2})`;
// A symbol ends before a capital or a digit; a lower-case word glued to it is not part of it.
const END = String.raw`(?![\p{Lu}\p{N}])`;
/** A one-group symbol must not be the start of a longer one the other shapes did not read. */
const END_ONE = String.raw`(?![\p{L}\p{N}/-])`;

// `Số:`, `SỐ`, and the same without its accents (`So:`), as OCR and plain-ASCII copies give it.
// `S 291/QĐ-UBDT`: a text layer that lost the letter with a stacked diacritic.
// `Nghị quyết số: 653/2019/UBTVQH14`: some bodies print the type word before the label (with its colon).
// `S291/QĐ-UBDT`: a scan that lost the `ố` and the space, a number and its slash right after.
const LABEL_RE = /^(?:S(?:[ốỐôÔoO]\s?[:.]?\s?|\s(?=\d)|:\s?(?=\d)|(?=\d{1,6}\/))|(?:Nghị quyết|Quyết định|Chỉ thị|Nghị định|Thông tư|Công văn|Kế hoạch|Thông báo|Chương trình|Hướng dẫn|Quy chế|Quy định|Tờ trình|Báo cáo|Kết luận) số\s?:\s?)/u;
const PARTY_AT_START = new RegExp(`^${PARTY_SYMBOL}${END}`, 'u');
const STATE_AT_START = new RegExp(`^${STATE_SYMBOL}${END}`, 'u');
const STATE_ONE_AT_START = new RegExp(`^${STATE_ONE_GROUP}${END_ONE}`, 'u');
/**
 * After a `Số` label, copies may space the slashes: `Số : 2917 /SGDĐT-VP`, and the dash too
 * (`4144 /GDĐT – VP`) when a code in capitals ends the symbol after it.
 */
const STATE_SPACED_AT_START = new RegExp(
  String.raw`^(\d{1,6}[a-z]?) ?(?:\/ ?(\d{4}) ?)?\/ ?(\p{Lu}\p{L}{0,7})(?:-(${ISSUER})|[ \t]{1,2}[-–][ \t]{1,2}${STRICT_CODE}${ISSUER})?${END_ONE}`,
  'u',
);
/**
 * `Số: 14NQ-HĐND`, `Số: 187VTLTNN-VP`: a scan that lost the slash after the number. A number glued
 * to a code in capitals, then `-` and the issuer, has one reading: the State shape
 * (`14/NQ-HĐND`) — the party shape puts `-` right after the number. Read only after a `Số` label
 * and flagged for review.
 */
const STATE_LOST_SLASH_AT_START = new RegExp(String.raw`^(\d{1,6})(\p{Lu}\p{L}{0,7})-(${ISSUER})${END}`, 'u');
/** `Số     -KH/HU`: a number left blank for the clerk to fill in; the type is still printed. */
const BLANK_AT_START = new RegExp(
  String.raw`^[.…\s]{0,12}-[ \t]?(\p{Lu}\p{L}{0,4})[ \t]?\/[ \t]?(${ISSUER})${END}`,
  'u',
);
/** `Số:      /QĐ-UBND`, `Số: …/2024/QĐ-UBND`, `Số:         / TB-UBND`: a State number left blank. */
const STATE_BLANK_AT_START = new RegExp(
  String.raw`^[.…\s]{0,12}\/[ \t]?(?:\d{4}\/)?(\p{Lu}\p{L}{0,7})(?:-(${ISSUER}))?${END}`,
  'u',
);

export interface NumberRead {
  /** Normalised number-symbol; null when the number is left blank. */
  numberSymbol: string | null;
  piece: Piece | null;
  /** `party` (`1485-KL/TU`) or `state` (`64/2024/QĐ-UBND`): which type table the abbreviation is in. */
  form: NumberForm;
  /**
   * The group where a type abbreviation stands (`KL` in `1485-KL/TU`, `QĐ` in `64/2024/QĐ-UBND`,
   * `VTLTNN` in the công văn `187/VTLTNN-VP`) and where it is, for the type fallback. Whether it
   * names a type is for the type table to say.
   */
  abbr: string | null;
  abbrPiece: Piece | null;
  /** Text index in the segment just after what was read; the rest may be the date (same row). */
  end: number;
  /** No `Số` label: a bare symbol line, less certain. */
  bare: boolean;
  /** A character the copy lost was put back by the shape (`14NQ-HĐND` → `14/NQ-HĐND`): to be checked. */
  repaired?: boolean;
}

/**
 * `66-QĐĐ/TW`: a scan read the last letter of the type twice (`Đ` and `Ð` for one glyph). When the
 * abbreviation is no party type but is one with that letter once, it is that type.
 */
function readTwice(abbr: string): string | null {
  const m = /(\p{Lu})\1$/u.exec(abbr);
  if (!m || docTypeByAbbr(abbr, 'party')) return null;
  const single = abbr.slice(0, -1);
  return docTypeByAbbr(single, 'party') ? single : null;
}

/**
 * Reads `Số 1485-KL/TU` (or `Số: 66/NQ-CP`, `Số: 187/VTLTNN-VP`, `Số   -KH/HU`) at the start of a
 * header segment. The label must be capitalised: a wrapped body line starting with `số 18-NQ/TW …`
 * is not it.
 */
export function readNumberLine(seg: Seg): NumberRead | null {
  const read = readNumberAt(seg);
  // `Nghị quyết số: …` is a number line only when the symbol is all the line holds: `Quyết định
  // số : 31/QĐ-TW ngày …` is a sentence (a blog's lead-in) that cites a number.
  if (read && /^\p{L}{2}/u.test(seg.text) && !/^S/u.test(seg.text) && seg.text.slice(read.end).trim() !== '') return null;
  return read;
}

function readNumberAt(seg: Seg): NumberRead | null {
  const label = LABEL_RE.exec(seg.text);
  const at = label ? label[0].length : 0;
  const rest = seg.text.slice(at);
  const party = PARTY_AT_START.exec(rest);
  if (party) {
    const symEnd = at + party[0].length;
    const abbrStart = at + party[0].indexOf(party[2]!, party[1]!.length);
    const single = readTwice(party[2]!);
    if (single) {
      return {
        numberSymbol: normalizeNumberSymbol(`${party[1]}-${single}/${party[3]}`),
        piece: slicePiece(seg, at, symEnd),
        form: 'party',
        abbr: single,
        abbrPiece: slicePiece(seg, abbrStart, abbrStart + party[2]!.length),
        end: symEnd,
        bare: !label,
        repaired: true,
      };
    }
    return {
      numberSymbol: normalizeNumberSymbol(party[0]),
      piece: slicePiece(seg, at, symEnd),
      form: 'party',
      abbr: party[2]!,
      abbrPiece: slicePiece(seg, abbrStart, abbrStart + party[2]!.length),
      end: symEnd,
      bare: !label,
    };
  }
  const state = STATE_AT_START.exec(rest) ?? (label ? (STATE_ONE_AT_START.exec(rest) ?? STATE_SPACED_AT_START.exec(rest)) : null);
  if (state) {
    const symEnd = at + state[0].length;
    const typeStart = at + state[0].indexOf('/' + state[3]!) + 1;
    return {
      numberSymbol: normalizeNumberSymbol(state[0]),
      piece: slicePiece(seg, at, symEnd),
      form: 'state',
      abbr: state[3]!,
      abbrPiece: slicePiece(seg, typeStart, typeStart + state[3]!.length),
      end: symEnd,
      bare: !label,
    };
  }
  if (!label) return null;
  const glued = STATE_LOST_SLASH_AT_START.exec(rest);
  if (glued) {
    const symEnd = at + glued[0].length;
    const typeStart = at + glued[1]!.length;
    return {
      numberSymbol: normalizeNumberSymbol(`${glued[1]}/${glued[2]}-${glued[3]}`),
      piece: slicePiece(seg, at, symEnd),
      form: 'state',
      abbr: glued[2]!,
      abbrPiece: slicePiece(seg, typeStart, typeStart + glued[2]!.length),
      end: symEnd,
      bare: false,
      repaired: true,
    };
  }
  const old = OLD_STATE_AT_START.exec(rest);
  if (old) {
    return {
      numberSymbol: normalizeNumberSymbol(old[0]),
      piece: slicePiece(seg, at, at + old[0].length),
      form: 'state',
      abbr: null,
      abbrPiece: null,
      end: at + old[0].length,
      bare: false,
    };
  }
  const blank = BLANK_AT_START.exec(rest);
  const stateBlank = blank ? null : STATE_BLANK_AT_START.exec(rest);
  const b = blank ?? stateBlank;
  if (b) {
    const abbrStart = at + b[0].indexOf(b[1]!);
    return {
      numberSymbol: null,
      piece: null,
      form: blank ? 'party' : 'state',
      abbr: b[1]!,
      abbrPiece: slicePiece(seg, abbrStart, abbrStart + b[1]!.length),
      end: at + b[0].length,
      bare: false,
    };
  }
  return null;
}
