import { ALL_DOC_TYPES, type DocTypeInfo } from '../domain/docTypes';
import { fold, foldUnitCode } from '../text/fold';
import { isStableUnit } from '../text/normalize';

/**
 * Word lists the readers match against folded text (lower case, no diacritics, so `UỶ`/`ỦY` and a
 * dropped accent still match). They describe the party and State formats (domain.md,
 * docs/state-documents.md), not any one document.
 */

/**
 * Words that open the name of a body in a header: party (`TỈNH ỦY …`, `BAN TỔ CHỨC`, `CHI BỘ …`)
 * and State (`ỦY BAN NHÂN DÂN`, `BỘ NỘI VỤ`, `SỞ …`, `CỤC …`, `UBND TỈNH …`), and the mass
 * organisations that share the format.
 */
export const BODY_HEADS: readonly string[] = [
  'ban chap hanh',
  // `BCH ĐOÀN TỈNH …`: Ban Chấp hành in short, as youth-union headers print it.
  'bch',
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
  'tieu ban',
  'truong chinh tri',
  'trung tam chinh tri',
  'co quan',
  'hoi dong',
  // State bodies (Nghị định 30/2020/NĐ-CP, Phụ lục I: tên cơ quan ban hành and its superior body).
  'quoc hoi',
  'uy ban thuong vu quoc hoi',
  'chu tich nuoc',
  // An office that issues in its own name (`CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG`, `THƯỜNG TRỰC HĐND - UBND …`).
  'chu tich',
  'thuong truc',
  'chinh phu',
  'thu tuong',
  'uy ban nhan dan',
  'ubnd',
  'hoi dong nhan dan',
  'hdnd',
  'bo',
  'so',
  'cuc',
  'chi cuc',
  'tong cuc',
  'vu',
  'phong',
  'thanh tra',
  'toa an',
  'vien kiem sat',
  'kiem toan nha nuoc',
  'ngan hang',
  'kho bac',
  'bao hiem xa hoi',
  'cong an',
  'bo chi huy',
  'bo tu lenh',
  'vien',
  'hoc vien',
  'dai hoc',
  'truong',
  'benh vien',
  'trung tam',
  'dai phat thanh',
  'tap doan',
  'tong cong ty',
  'cong ty',
  'uy ban',
  'ban quan ly',
  'to cong tac',
  'to giup viec',
  // Mass organisations (Mặt trận and its member bodies) print the same header.
  'mat tran',
  'ubmttq',
  'hoi nong dan',
  'hoi lien hiep',
  'hoi cuu chien binh',
  'hoi chu thap do',
  'doan thanh nien',
  'doan dai bieu',
  'doan kiem tra',
  'doan giam sat',
  'tinh doan',
  'thanh doan',
  'huyen doan',
  'lien doan',
  'lien hiep',
  'cong doan',
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
  // State superior bodies (`BỘ NỘI VỤ` over `CỤC VĂN THƯ …`, `UBND TỈNH …` over `SỞ …`).
  'quoc hoi',
  'chinh phu',
  'uy ban nhan dan',
  'ubnd',
  'hoi dong nhan dan',
  'hdnd',
  'bo',
  'so',
  'cuc',
  'tong cuc',
  'dai hoc',
  'tap doan',
  'tong cong ty',
  'uy ban mat tran',
  'uy ban mttq',
  'ubmttq',
];

/**
 * A body that is by its name part of the one printed above it (`BAN TỔ CHỨC ĐẠI HỘI …` /
 * `TIỂU BAN THI ĐUA – KHEN THƯỞNG`): the body above is its superior, whatever that one's name.
 */
export const SUBORDINATE_HEADS: readonly string[] = ['tieu ban'];

/** Signer titles (`PHÓ BÍ THƯ`, `CHÁNH VĂN PHÒNG`, `CHỦ NHIỆM`, `BỘ TRƯỞNG`, `CỤC TRƯỞNG` …). */
export const TITLE_HEADS: readonly string[] = [
  'tong bi thu',
  'bi thu',
  'pho',
  'truong',
  'chanh van phong',
  'chanh thanh tra',
  'chanh an',
  'chu nhiem',
  'chu tich',
  'uy vien',
  'giam doc',
  'tong giam doc',
  'hieu truong',
  'thuong truc',
  'thu truong',
  'bo truong',
  'cuc truong',
  'chi cuc truong',
  'tong cuc truong',
  'vu truong',
  'vien truong',
  'thu tuong',
  'tong thu ky',
  'tong kiem toan',
  'thong doc',
  'ke toan truong',
];

/** Words that may continue a title wrapped onto a second line (`PHÓ BÍ THƯ` / `THƯỜNG TRỰC`). */
export const TITLE_CONTINUATIONS: readonly string[] = ['thuong truc', 'phu trach', 'kiem', 'thuong vu'];

/**
 * Whether a line opens with a body's name (`BODY_HEADS`, or `heads`). Folding drops the tone that
 * tells a body's word from another: `SỞ` and `SỐ` fold alike (`SỐ 164-KH/TU …` in a subject is no
 * body), and `BAN` (a body, printed without a tone) and `BÀN` (`ĐỊA` / `BÀN TỈNH …`, a subject
 * wrapped inside `địa bàn`), `BẢN`, `BẠN`.
 */
export function opensWithBody(seg: { text: string; folded: string }, heads: readonly string[] = BODY_HEADS): boolean {
  if (!startsWithWord(seg.folded, heads)) return false;
  if (/^so(?![a-z])/.test(seg.folded) && !/^\P{L}{0,3}s[ởỞ]/iu.test(seg.text)) return false;
  return !(/^ban(?![a-z])/.test(seg.folded) && /^\P{L}{0,3}b[àáảãạ]n/iu.test(seg.text));
}

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

/**
 * The title of a letter or an appeal that is no type of the closed list (`THƯ NGỎ`, `THƯ CẢM ƠN`,
 * `LỜI KÊU GỌI`): read from the printed letters, since `THƯ` folds as `THU` (`THU HỒI …`). It names
 * no type; the line under it, when one is there, states the subject.
 */
export function isLetterTitle(text: string): boolean {
  return LETTER_TITLE_RE.test(text);
}

const LETTER_TITLE_RE = /^(?:THƯ|LỜI)(?: \p{Lu}{1,7}){1,2}$/u;

interface FoldedType {
  folded: string;
  info: DocTypeInfo;
}

/** Type names, longest first so `THÔNG TƯ LIÊN TỊCH` is not read as `THÔNG TƯ`. */
const FOLDED_TYPES: readonly FoldedType[] = [
  ...new Map(ALL_DOC_TYPES.map((t) => [t.name, { folded: fold(t.name), info: t }])).values(),
].sort((a, b) => b.folded.length - a.folded.length);

/** The type (party or State) whose name opens `folded` as whole words, with the folded length it covers. */
export function matchTypeName(folded: string): { info: DocTypeInfo; length: number } | null {
  // Only a name whose first letter opens `folded` can open it (every segment classified asks).
  const candidates = TYPES_BY_FIRST.get(folded[0] ?? '');
  if (!candidates) return null;
  for (const t of candidates) {
    if (startsWithWord(folded, [t.folded])) return { info: t.info, length: t.folded.length };
  }
  return null;
}

/** How much of a line the two checks below look at: their answer depends on it only. */
const TYPE_HEAD = 40;

/** The type names by their first folded letter, longest first as in {@link FOLDED_TYPES}. */
const TYPES_BY_FIRST = new Map<string, FoldedType[]>();
for (const t of FOLDED_TYPES) {
  const list = TYPES_BY_FIRST.get(t.folded[0]!) ?? [];
  list.push(t);
  TYPES_BY_FIRST.set(t.folded[0]!, list);
}

/** The same lists by the code of their first folded unit. */
const TYPES_BY_FIRST_CODE = new Map<number, FoldedType[]>([...TYPES_BY_FIRST].map(([first, list]) => [first.charCodeAt(0), list]));

/** What both checks read of a line's head: a type word glued to the next word, and one followed by a space and capitals. */
interface TypeHead {
  glued: number;
  title: number;
}

const NO_TYPE: TypeHead = { glued: 0, title: 0 };

/**
 * A unit folds as itself alone when it and the unit after it are stable (NFC leaves both). A
 * function of its own rather than a closure over the head: {@link mayOpenWithType} runs on most
 * lines, and the closure it made on each call was the parser's second largest allocation.
 */
function foldsAlone(head: string, i: number): boolean {
  return isStableUnit(head.charCodeAt(i)) && (i + 1 >= head.length || isStableUnit(head.charCodeAt(i + 1)));
}

/**
 * False when no type name can open `head`, judged from its first units folded one at a time
 * without folding the head: most lines are ruled out by their first letter or two. Units NFC could
 * change (anything but a stable unit followed by one) send the head to the full reading, as does
 * every head a name could open.
 */
function mayOpenWithType(head: string): boolean {
  if (head.length === 0) return false;
  if (!foldsAlone(head, 0)) return true;
  const candidates = TYPES_BY_FIRST_CODE.get(foldUnitCode(head.charCodeAt(0)));
  if (!candidates) return false;
  for (const t of candidates) {
    let i = 1;
    for (; i < t.folded.length && i < head.length; i++) {
      if (!foldsAlone(head, i)) return true;
      if (foldUnitCode(head.charCodeAt(i)) !== t.folded.charCodeAt(i)) break;
    }
    if (i === t.folded.length) return true;
  }
  return false;
}

/** The full reading of a head that {@link mayOpenWithType} lets through. */
function readTypeHead(head: string): TypeHead {
  const folded = fold(head);
  if (folded.length !== head.length) return NO_TYPE;
  // Only a name whose first letter opens the head can open it.
  const candidates = TYPES_BY_FIRST.get(folded[0] ?? '');
  if (!candidates) return NO_TYPE;
  let glued = 0;
  for (const t of candidates) {
    const n = t.folded.length;
    if (folded.startsWith(t.folded) && /^\p{Lu}\p{Ll}/u.test(head.slice(n, n + 2)) && isCapitals(head.slice(0, n), 3)) {
      glued = n;
      break;
    }
  }
  if (glued > 0) return { glued, title: glued };
  for (const t of candidates) {
    const n = t.folded.length;
    if (folded.startsWith(t.folded) && /^ \p{Lu}/u.test(head.slice(n, n + 2)) && isCapitals(head.slice(0, n), 3)) return { glued: 0, title: n };
  }
  return NO_TYPE;
}

/**
 * Answers by line head, within one parse ({@link withTypeHeadMemo}): cleaning a line, cutting a
 * flattened one and looking for a title run into the body each ask about the same head, and
 * folding it and trying every type is most of their cost. Dropped when the parse ends, so no text
 * outlives it (a head is a slice that keeps its whole text alive).
 */
let memo: Map<string, TypeHead> | null = null;

export function withTypeHeadMemo<T>(fn: () => T): T {
  const outer = memo;
  memo = outer ?? new Map();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

function typeHead(text: string): TypeHead {
  const head = text.slice(0, TYPE_HEAD);
  // Most heads are ruled out by their first letter or two: cheaper than looking them up.
  if (!mayOpenWithType(head)) return NO_TYPE;
  if (!memo) return readTypeHead(head);
  let read = memo.get(head);
  if (read === undefined) {
    read = readTypeHead(head);
    memo.set(head, read);
  }
  return read;
}

/**
 * `QUYẾT ĐỊNHVề việc …`: a type word in capitals a copy glued to the subject's first word (the
 * title's line break lost). Returns the length of the type word in `text`, or 0.
 */
export function gluedTypeNameLength(text: string): number {
  return typeHead(text).glued;
}

/**
 * `QUYẾT ĐỊNH BAN HÀNH …`, `QUYẾT ĐỊNHVề việc …`: a line that opens with a type word in capitals
 * and goes on with its subject. Returns the type word's length in `text`, or 0.
 */
export function typeTitleLength(text: string): number {
  return typeHead(text).title;
}

const COMPACT_TYPES = new Map(FOLDED_TYPES.map((t) => [t.folded.replace(/ /g, ''), t.info]));

/**
 * A type word a PDF's text layer broke apart (`K ÉT LUẬN`, `QUYẾT ĐỊ NH`): the whole line, its
 * spaces dropped, is one type's name.
 */
export function matchBrokenTypeName(folded: string): DocTypeInfo | null {
  return COMPACT_TYPES.get(folded.replace(/ /g, '')) ?? null;
}

/** The type named by a citation's type word (`Thông báo kết luận` → THÔNG BÁO). */
export function typeOfWord(word: string): DocTypeInfo | null {
  return matchTypeName(fold(word))?.info ?? null;
}

/**
 * Whether a printed type word and a number's abbreviation agree. Central Committee regulations
 * are numbered `…-QĐ/TW` (Quy định 210-QĐ/TW), so QĐ goes with QUY ĐỊNH as well as QUYẾT ĐỊNH.
 */
export function typesAgree(abbr: DocTypeInfo, printed: DocTypeInfo): boolean {
  return abbr.name === printed.name || (abbr.abbr === 'QĐ' && printed.name === 'QUY ĐỊNH') || jointOf(abbr, printed);
}

/**
 * `THÔNG TƯ` printed over `01/2004/TTLT/BVHTT-BYT`: a joint text titled by its short name. The
 * number's code names the joint type, the title its kind: they agree, and the joint type is the one.
 */
export function jointOf(abbr: DocTypeInfo, printed: DocTypeInfo): boolean {
  return abbr.name === `${printed.name} LIÊN TỊCH`;
}
