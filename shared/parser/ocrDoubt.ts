import { fold } from '../text/fold';
import type { PlacedPage } from './layout';
import type { Piece } from './piece';
import type { MetadataField, ParsedMetadata, TextSpan } from './types';

/**
 * What an OCR pass is known to get wrong in a header, and what it was unsure of.
 *
 * - Tesseract's Vietnamese model reads the hook above a capital as an acute or a tilde (`TỈNH` →
 *   `TÍNH`, `TĨNH`). In a body's name the word right after the kind of body (`ỦY BAN NHÂN DÂN`,
 *   `HỘI ĐỒNG NHÂN DÂN`, `ĐẢNG BỘ` …) or opening it (`TỈNH ỦY`) can only be the locality word
 *   `TỈNH`, so that word is restored (and, read as `TỈNH` with little confidence, trusted). A
 *   place name (`HÀ TĨNH`, `TỊNH BIÊN`) never stands there.
 * - A body's name with a word that is only ever printed with its marks read bare (`SỞ GIAO DUC VÀ
 *   ĐAO TAO`) is misread: it is left empty and listed for review.
 * - A value read from words the recogniser was unsure of is more often wrong than right: it is
 *   left empty and listed for review (a wrong value is worse than an empty one). Dates and the
 *   type are checked by their own readers (a real calendar date, a closed list of types).
 */

/** Below this word confidence (0–100) a name, subject or list read by OCR is left for review. */
export const OCR_TEXT_DOUBT = 75;
/** Number-symbols have a strict shape of their own; they are doubted only further down. */
export const OCR_SYMBOL_DOUBT = 50;

const TEXT_FIELDS: readonly MetadataField[] = [
  'issuer',
  'parentIssuer',
  'place',
  'subject',
  'addressees',
  'recipients',
  'signingAuthority',
  'signerTitle',
  'signerName',
];
const SYMBOL_FIELDS: readonly MetadataField[] = ['numberSymbol', 'citations'];

/** Kinds of body after which the locality word `TỈNH` is printed (folded). */
const BEFORE_LOCALITY = ['uy ban nhan dan', 'hoi dong nhan dan', 'ubnd', 'hdnd', 'dang bo', 'ban thuong vu', 'thuong truc'];
const LOCALITY_MISREAD = new Set(['TÍNH', 'TĨNH', 'TINH', 'TỊNH', 'TÌNH']);

/** Where in a name's words only the locality word `TỈNH` can stand, read as it or as a misreading. */
function localitySlots(words: readonly string[]): number[] {
  const slots: number[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== 'TỈNH' && !LOCALITY_MISREAD.has(words[i]!)) continue;
    const before = fold(words.slice(0, i).join(' '));
    const opens = i === 0 && fold(words[1]!) === 'uy';
    if (opens || BEFORE_LOCALITY.some((b) => before.endsWith(b))) slots.push(i);
  }
  return slots;
}

/** `ỦY BAN NHÂN DÂN TÍNH NGHỆ AN` → `… TỈNH NGHỆ AN`; `TÍNH ỦY …` → `TỈNH ỦY …`. Null when nothing changes. */
export function restoreLocalityWord(name: string): string | null {
  const words = name.split(' ');
  let changed = false;
  for (const i of localitySlots(words)) {
    if (words[i] === 'TỈNH') continue;
    words[i] = 'TỈNH';
    changed = true;
  }
  return changed ? words.join(' ') : null;
}

interface OcrWord {
  start: number;
  end: number;
  confidence: number;
  text: string;
}

function ocrWords(pages: readonly PlacedPage[]): OcrWord[] {
  const out: OcrWord[] = [];
  for (const p of pages) {
    if (p.source !== 'ocr') continue;
    for (const w of p.items) {
      if (w.start === undefined || w.end === undefined || w.confidence === undefined) continue;
      // A rule or a stray mark is no part of a value.
      if (!/[\p{L}\p{N}]/u.test(w.text)) continue;
      out.push({ start: w.start, end: w.end, confidence: w.confidence, text: w.text });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The lowest confidence of the words holding any of `offsets` (words `skip` accepts are left out). */
function lowestOver(words: readonly OcrWord[], offsets: readonly number[], skip: (w: OcrWord) => boolean): number {
  let low = Infinity;
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let k = 0;
  for (const w of words) {
    while (k < sorted.length && sorted[k]! < w.start) k++;
    if (k >= sorted.length) break;
    if (sorted[k]! < w.end && !skip(w)) low = Math.min(low, w.confidence);
  }
  return low;
}

export interface FieldSources {
  pieces: Partial<Record<MetadataField, Piece[]>>;
  /** Fields located by spans only (citations). */
  spans: Partial<Record<MetadataField, TextSpan[]>>;
}

/**
 * Applies the OCR rules above to `meta` in place; returns the fields emptied or changed, to be
 * listed for review. Does nothing unless some page was read by OCR.
 */
export function checkOcrFields(meta: ParsedMetadata, sources: FieldSources, pages: readonly PlacedPage[] | undefined): Set<MetadataField> {
  const doubts = new Set<MetadataField>();
  if (!pages || !pages.some((p) => p.source === 'ocr')) return doubts;
  /** Empties a field (a list to none) and lists it for review. */
  const leaveForReview = (f: MetadataField) => {
    (meta as unknown as Record<string, unknown>)[f] = Array.isArray(meta[f]) ? [] : null;
    doubts.add(f);
  };
  const restored = new Set<MetadataField>();
  for (const f of ['issuer', 'parentIssuer'] as const) {
    const v = meta[f];
    const fixed = v ? restoreLocalityWord(v) : null;
    if (fixed) meta[f] = fixed;
    // Read as TỈNH already, however unsure the recogniser was: its place says what it is.
    if (fixed || (v && localitySlots(v.split(' ')).length > 0)) restored.add(f);
  }
  for (const f of ['issuer', 'parentIssuer'] as const) {
    const v = meta[f];
    if (v && (lostMarksInName(v) || lostCentralWord(v))) leaveForReview(f);
  }
  const words = ocrWords(pages);
  if (words.length === 0) return doubts;
  const check = (f: MetadataField, threshold: number) => {
    const offsets = sources.pieces[f]?.flatMap((p) => p.map) ?? sources.spans[f]?.flatMap((s) => Array.from({ length: s.end - s.start }, (_, i) => s.start + i)) ?? [];
    if (offsets.length === 0) return;
    // The restored locality word was read by its place in the name, not by its letters.
    const skip = (w: OcrWord) => restored.has(f) && (w.text === 'TỈNH' || LOCALITY_MISREAD.has(w.text));
    if (lowestOver(words, offsets, skip) >= threshold) return;
    leaveForReview(f);
  };
  for (const f of TEXT_FIELDS) check(f, OCR_TEXT_DOUBT);
  for (const f of TEXT_FIELDS) {
    const v = meta[f];
    const values = Array.isArray(v) ? v : v ? [v] : [];
    if (values.some((x) => typeof x === 'string' && hasDigitForLetter(x))) leaveForReview(f);
  }
  for (const f of LIST_FIELDS) if (meta[f].some(holdsNextItem)) leaveForReview(f);
  if (meta.subject && stopAfterLinkWord(meta.subject)) leaveForReview('subject');
  for (const f of SYMBOL_FIELDS) check(f, OCR_SYMBOL_DOUBT);
  if (meta.citations.length > 0 && (misreadTwice(meta.citations) || citesDamagedNumber(words) || speckInCode(meta.citations, words))) leaveForReview('citations');
  return doubts;
}

const LIST_FIELDS = ['addressees', 'recipients'] as const;

/**
 * `… (KHÓA XI) VỀ. “TĂNG CƯỜNG …”`: a speck after a word read as a stop, the recogniser sure of
 * both. A preposition or a conjunction never ends a sentence, so a stop after one inside a subject
 * (more words after it) is no stop printed: the subject is misread and left for review.
 */
function stopAfterLinkWord(subject: string): boolean {
  const words = subject.split(/\s+/);
  return words.slice(0, -1).some((w) => w.endsWith('.') && LINK_WORDS.has(w.slice(0, -1).toLowerCase()));
}
const LINK_WORDS = new Set(['về', 'của', 'và', 'tại', 'với', 'trong', 'theo', 'các', 'những', 'cho', 'đến', 'trên']);

/**
 * `Ủy ban nhân dân tỉnh Ninh Thuận; - Bộ Giáo dục và Đào tạo. Vừa qua, …`: a list printed on one
 * line with the body run on after it, read as one item. An item holding the next item's dash after
 * its semicolon is several items and the text after them: the list is misread and left for review.
 */
function holdsNextItem(item: string): boolean {
  return /;\s*[-–+]\s/u.test(item);
}

/**
 * `BAN CHẤP HÀNH TRUNG VĂN PHÒNG`: a narrow cell wraps the central committee's name after `TRUNG`,
 * leaving `ƯƠNG` on a line of its own over the star under it, and a scan can lose that line
 * altogether. The name then runs on into the next line of the cell. No party body's name ends in
 * `TRUNG` or goes on with another word (`Trung ương` is one word of two syllables), so the names
 * read are left for review; which of them is the issuer the lost line would have told.
 */
function lostCentralWord(name: string): boolean {
  return /(?:^| )ban chap hanh trung(?! uong(?: |$))/.test(fold(name));
}

/**
 * `số 344NQ-HĐND` for `số 34/NQ-HĐND`, `Văn bản hợp nhất 23VBHN-` for `23/VBHN-`: the recogniser
 * read a cited number's slash as a digit or dropped it. What is left is no number-symbol, so the
 * list would hold the others and silently lack this one: it is left for review. Digits glued to
 * capitals and a dash are such a number wherever they stand, after `số` or after a type's name.
 */
function citesDamagedNumber(words: readonly OcrWord[]): boolean {
  // After the label `Số:` stands the document's own number, no citation.
  return words.some((w, i) => DAMAGED_SYMBOL_RE.test(w.text) && (i === 0 || fold(words[i - 1]!.text) !== 'so:'));
}
/**
 * `3093/BXD-VL.XD` for `3093/BXD-VLXD`: a speck between two capitals of a code is read as a stop.
 * Some codes are printed with one (`01/1999/QĐ.UB`), so only a cited symbol with a stop between
 * capitals that the recogniser was unsure of (under the text threshold) is taken for a speck.
 */
function speckInCode(citations: readonly string[], words: readonly OcrWord[]): boolean {
  const dotted = citations.filter((c) => /\p{Lu}\.\p{Lu}/u.test(c));
  return dotted.length > 0 && words.some((w) => w.confidence < OCR_TEXT_DOUBT && dotted.some((c) => w.text.includes(c)));
}

/**
 * Digits run straight into a State code (`344NQ-HĐND`, `12QĐ-UBND`, `23VBHN-` wrapped before its
 * issuer's code): no slash where one must be.
 */
const DAMAGED_SYMBOL_RE = /^\d{1,6}\p{Lu}{1,4}-(?:\p{Lu}[\p{Lu}\d]{1,11})?[.,;:]?$/u;

/**
 * `TIÊU CHUẨN 1SO 9001`, `C0NG TÁC`: the recogniser read a capital I or O as the digit 1 or 0
 * inside a word of capitals. A name or a subject holding such a word is misread; numbers, codes
 * and years beside words (`110KV`, `1A`, `2021-2025`) are no such word.
 */
function hasDigitForLetter(value: string): boolean {
  return value.split(/\s+/).some((w) => DIGIT_FOR_LETTER_RE.test(w));
}
const DIGIT_FOR_LETTER_RE = /^[01]\p{Lu}{2,}[.,;:]?$|\p{Lu}[01]\p{Lu}/u;

/**
 * Words of bodies' names that are only ever printed with their marks (`GIÁO DỤC`, `ĐÀO TẠO`,
 * `NHÂN DÂN`, `HUYỆN` …), folded. Read bare (`SỞ GIAO DUC VÀ ĐAO TAO`: the recogniser dropped the
 * marks of some words), the name is misread, whichever body it was. Words printed bare in names
 * (`BAN`, `GIAO THÔNG`, `CAO BẰNG`, `CƠ QUAN`, `HOA LƯ`) and given names (`DUNG`) are not listed.
 */
const MARKED_NAME_WORDS = new Set([
  'bo', 'chinh', 'chuc', 'cong', 'cuc', 'dan', 'dang', 'dao', 'dong', 'duc', 'hoach', 'hoi', 'huyen', 'ke', 'kiem', 'lich',
  'ly', 'nghe', 'nghiep', 'nguyen', 'nhan', 'noi', 'nong', 'nuoc', 'phat', 'phuong', 'quoc', 'so', 'tai', 'tao', 'te', 'the',
  'thong', 'thuong', 'to', 'tran', 'trien', 'truc', 'truong', 'tuyen', 'uy', 'van', 'viet', 'vu', 'xa',
]);
/** A word in capitals with no vowel mark (`Đ` aside). */
const BARE_CAPITALS_RE = /^[A-ZĐ]{2,}$/u;

/** Whether a name holds a word of {@link MARKED_NAME_WORDS} read without its marks. */
export function lostMarksInName(name: string): boolean {
  return name.split(/\s+/).some((w) => BARE_CAPITALS_RE.test(w) && MARKED_NAME_WORDS.has(fold(w)));
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}

/**
 * Two citations with the same number whose symbols differ by a letter or two (`1017/BTNMT-TCMT`
 * and `1017/BTNMT-TCMIT`, `847/UBND-VX1` and `847/UBND-VXI`) are one document read two ways: a
 * text does not cite two numbers so alike. Which reading is right the recogniser's confidence does
 * not say (the surer one is as often the misread), so the list is left for review.
 */
export function misreadTwice(citations: readonly string[]): boolean {
  const numberOf = (c: string) => /^\d+/.exec(c)?.[0] ?? null;
  for (let i = 0; i < citations.length; i++) {
    for (let j = i + 1; j < citations.length; j++) {
      const [a, b] = [citations[i]!, citations[j]!];
      if (a === b || numberOf(a) === null) continue;
      if (numberOf(a) === numberOf(b) && !yearsApart(a, b) && within(a.toUpperCase(), b.toUpperCase(), 2)) return true;
      if (letterDoubled(codeOf(a), codeOf(b))) return true;
    }
  }
  return false;
}

/**
 * `12/2020/NQ-HĐND` and `12/2021/NQ-HĐND`: the same symbol in two years is two documents (a
 * council or a ministry numbers its documents anew each year), not one read two ways.
 */
function yearsApart(a: string, b: string): boolean {
  const year = /^(\d+\/)((?:19|20)\d\d)(\/.+)$/u;
  const [ma, mb] = [year.exec(a), year.exec(b)];
  return !!ma && !!mb && ma[2] !== mb[2] && ma[1] === mb[1] && ma[3] === mb[3];
}

/** A symbol's code: what follows its number and year (`1577/SNN-KHTC` → `SNN-KHTC`). */
function codeOf(c: string): string {
  return c.replace(/^\d+\p{L}?[-/](?:\d{4}\/)?/u, '').toUpperCase();
}

/**
 * `SNN-KHTC` and `SNN-KHTCC`: one code with a letter the recogniser doubled. Issuers' codes that
 * differ only by a repeated letter are one office read two ways, not two offices.
 */
function letterDoubled(a: string, b: string): boolean {
  const single = (s: string) => s.replace(/(\p{L})\1+/gu, '$1');
  return a !== b && single(a) === single(b);
}
