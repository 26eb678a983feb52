import { PARTY_DOC_TYPES, type DocTypeInfo } from '../domain/docTypes';
import { fold } from '../text/fold';

/**
 * Word lists the readers match against folded text (lower case, no diacritics, so `UỶ`/`ỦY` and a
 * dropped accent still match). They describe the party format (domain.md), not any one document.
 */

/** Words that open the name of a party body in a header (`TỈNH ỦY …`, `BAN TỔ CHỨC`, `CHI BỘ …`). */
export const BODY_HEADS: readonly string[] = [
  'ban chap hanh',
  'bo chinh tri',
  'ban bi thu',
  'dang bo',
  'dang uy',
  'dang doan',
  'ban can su',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'quan uy',
  'thi uy',
  'chi bo',
  'uy ban kiem tra',
  'van phong',
  'ban',
  'truong chinh tri',
  'trung tam chinh tri',
  'co quan',
  'hoi dong',
];

/**
 * A superior-body line is a committee or party organisation, never a department: a line opening
 * with `BAN …` above another body line is a wrapped name (`BAN THƯỜNG VỤ` / `HUYỆN ỦY …`).
 */
export const PARENT_HEADS: readonly string[] = [
  'ban chap hanh trung uong',
  'dang bo',
  'dang uy',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'quan uy',
  'thi uy',
];

/** Signer titles (`PHÓ BÍ THƯ`, `CHÁNH VĂN PHÒNG`, `CHỦ NHIỆM` …). */
export const TITLE_HEADS: readonly string[] = [
  'tong bi thu',
  'bi thu',
  'pho',
  'truong',
  'chanh van phong',
  'chu nhiem',
  'chu tich',
  'uy vien',
  'giam doc',
  'hieu truong',
  'thuong truc',
  'thu truong',
];

/** Words that may continue a title wrapped onto a second line (`PHÓ BÍ THƯ` / `THƯỜNG TRỰC`). */
export const TITLE_CONTINUATIONS: readonly string[] = ['thuong truc', 'phu trach', 'kiem', 'thuong vu'];

/** True when `folded` starts with one of `heads` as whole words. */
export function startsWithWord(folded: string, heads: readonly string[]): boolean {
  for (const h of heads) {
    if (folded.startsWith(h) && (folded.length === h.length || !/[a-z0-9]/.test(folded[h.length]!))) {
      return true;
    }
  }
  return false;
}

// Letter case per UTF-16 unit (0 unknown, 1 upper, 2 lower, 3 neither), filled lazily: isCapitals
// runs on every header line, and String#toUpperCase per character is slow.
const CASE = new Uint8Array(0x10000);

function caseOf(code: number): number {
  let c = CASE[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = ch.toUpperCase() !== ch ? 2 : ch.toLowerCase() !== ch ? 1 : 3;
    CASE[code] = c;
  }
  return c;
}

/** Mostly capital letters: how party headers, type words, titles and authorities are printed. */
export function isCapitals(text: string, minLetters = 2): boolean {
  let upper = 0;
  let lower = 0;
  const maxLower = text.length * 0.1;
  for (let i = 0; i < text.length; i++) {
    const c = caseOf(text.charCodeAt(i));
    if (c === 1) upper++;
    else if (c === 2 && ++lower > maxLower) return false;
  }
  return upper >= minLetters && lower <= upper * 0.1;
}

/** First letter of the text (skipping bullets, brackets, quotes, digits). */
export function firstLetter(text: string): string | null {
  const m = /\p{L}/u.exec(text);
  return m ? m[0] : null;
}

export function startsLowercase(text: string): boolean {
  const ch = firstLetter(text);
  return ch !== null && ch.toUpperCase() !== ch;
}

interface FoldedType {
  folded: string;
  info: DocTypeInfo;
}

/** Type names, longest first so `THÔNG BÁO` is not read as `THÔNG …` something shorter. */
const FOLDED_TYPES: readonly FoldedType[] = [
  ...new Map(PARTY_DOC_TYPES.map((t) => [t.name, { folded: fold(t.name), info: t }])).values(),
].sort((a, b) => b.folded.length - a.folded.length);

/** The party type whose name opens `folded` as whole words, with the folded length it covers. */
export function matchTypeName(folded: string): { info: DocTypeInfo; length: number } | null {
  for (const t of FOLDED_TYPES) {
    if (startsWithWord(folded, [t.folded])) return { info: t.info, length: t.folded.length };
  }
  return null;
}

/** The party type named by a citation's type word (`Thông báo kết luận` → THÔNG BÁO). */
export function typeOfWord(word: string): DocTypeInfo | null {
  return matchTypeName(fold(word))?.info ?? null;
}

/**
 * Whether a printed type word and a number's abbreviation agree. Central Committee regulations
 * are numbered `…-QĐ/TW` (Quy định 210-QĐ/TW), so QĐ goes with QUY ĐỊNH as well as QUYẾT ĐỊNH.
 */
export function typesAgree(abbr: DocTypeInfo, printed: DocTypeInfo): boolean {
  return abbr.name === printed.name || (abbr.abbr === 'QĐ' && printed.name === 'QUY ĐỊNH');
}
