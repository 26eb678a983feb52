/**
 * Tones on capitals, confirmed from the document's own words. Tesseract's Vietnamese model reads
 * the marks above a capital far worse than above a small letter (`TỈNH` → `TÍNH`, `THỂ` → `THẾ`,
 * `CỦA` → `CUA`), and a header and a title are set in capitals. The same words usually recur in
 * the body in small letters (title `… BAN THƯỜNG VỤ TÍNH ỦY`, body "Ban Thường vụ Tỉnh ủy"), and
 * the header's fixed phrases are known (`ĐẢNG CỘNG SẢN VIỆT NAM`, `ỦY BAN NHÂN DÂN`, the types).
 *
 * A word in capitals is given another spelling only when a pair of words it stands in — with its
 * neighbour, in capitals too — is written with exactly one spelling across the body's words in
 * small letters and those phrases, that spelling has the same letters once tones and marks are
 * stripped, and every pair it stands in agrees. Otherwise it stays as read (and a field read from
 * it stays doubtful, by its confidence). Nothing is added or removed: a word's letters keep their
 * number, so every offset into the text still holds.
 */
import type { PlacedPage, PlacedText } from '../parser/layout';
import { PARTY_DOC_TYPES, STATE_DOC_TYPES } from '../domain/docTypes';
import { fold } from '../text/fold';

/** Fixed phrases of party and State headers and titles (domain.md; docs/state-documents.md), as printed. */
const HEADER_PHRASES: readonly string[] = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'BAN CHẤP HÀNH TRUNG ƯƠNG',
  'BAN CHẤP HÀNH ĐẢNG BỘ',
  'BAN THƯỜNG VỤ TỈNH ỦY',
  'BAN THƯỜNG VỤ HUYỆN ỦY',
  'BAN THƯỜNG VỤ THÀNH ỦY',
  'BAN THƯỜNG VỤ ĐẢNG ỦY',
  'BỘ CHÍNH TRỊ',
  'BAN BÍ THƯ',
  'VĂN PHÒNG TRUNG ƯƠNG ĐẢNG',
  'ỦY BAN NHÂN DÂN TỈNH',
  'ỦY BAN NHÂN DÂN HUYỆN',
  'HỘI ĐỒNG NHÂN DÂN TỈNH',
  'HỘI ĐỒNG NHÂN DÂN HUYỆN',
  'ỦY BAN KIỂM TRA TỈNH ỦY',
  'THƯỜNG TRỰC TỈNH ỦY',
  // Signing authorities over the title (Nghị định 30/2020/NĐ-CP, Phụ lục I mục 7; domain.md).
  'TM. ỦY BAN NHÂN DÂN',
  'TM. HỘI ĐỒNG NHÂN DÂN',
  'TM. BAN THƯỜNG VỤ',
  'TM. BAN CHẤP HÀNH',
  'T/M BAN THƯỜNG VỤ',
  'KT. CHỦ TỊCH',
  'KT. BỘ TRƯỞNG',
  'KT. BÍ THƯ',
  'K/T BÍ THƯ',
  'PHÓ CHỦ TỊCH',
  'PHÓ BÍ THƯ',
  // The closing words of many a trích yếu.
  'TRÊN ĐỊA BÀN TỈNH',
  'TRÊN ĐỊA BÀN HUYỆN',
  ...PARTY_DOC_TYPES.map((t) => t.name),
  ...STATE_DOC_TYPES.map((t) => t.name),
];

/** Vietnamese tone marks (combining, after NFD); the other marks (ˆ ˘ ᾿) make another letter. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A spelling with its tone taken off its letter: `hoà` and `hòa`, `uỷ` and `ủy` (old and new tone
 * placement) are the same word, and a reading is never "corrected" from one to the other.
 */
export function spellingKey(word: string): string {
  const nfd = word.normalize('NFD').toLowerCase();
  const tones = (nfd.match(TONES) ?? []).sort().join('');
  return `${nfd.replace(TONES, '').normalize('NFC')}|${tones}`;
}

/**
 * The confidence a word in capitals is given when the pair it stands in is written several ways
 * in the document: below the parser's doubt threshold for names and subjects (`OCR_TEXT_DOUBT`),
 * so a field read from it is left for review rather than taken as read.
 */
export const CONTESTED_CONFIDENCE = 50;

const LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

export interface Word {
  page: number;
  item: number;
  /** The word's letters (the item without leading and trailing marks) and their offset in the text. */
  core: string;
  at: number;
  confidence: number;
  kind: 'capitals' | 'small' | 'digits';
  /** Whether the word follows the previous one in the same paragraph. */
  joined: boolean;
}

/** The OCR words of `text` in reading order, each with its letters and where they sit. */
export function wordsOf(text: string, pages: readonly PlacedPage[]): Word[] {
  const out: Word[] = [];
  let prevEnd = -1;
  for (const [p, page] of pages.entries()) {
    if (page.source !== 'ocr') continue;
    for (const [i, it] of page.items.entries()) {
      if (it.start === undefined || it.end === undefined || text.slice(it.start, it.end) !== it.text) continue;
      const m = /^[^\p{L}\p{N}]*(.*?)[^\p{L}\p{N}]*$/u.exec(it.text)!;
      const core = m[1]!;
      const lead = /^[^\p{L}\p{N}]*/u.exec(it.text)![0].length;
      const between = prevEnd >= 0 && prevEnd <= it.start ? text.slice(prevEnd, it.start) : '\n\n';
      prevEnd = it.end;
      // A number (`QUẬN 2`, `KHÓA 12`) is confirmed like a word, never changed; letters mixed
      // with digits (a number-symbol) are left alone.
      const digits = /^\p{N}+$/u.test(core);
      if (core === '' || (!digits && (!LETTER.test(core) || DIGIT.test(core)))) {
        out.push({ page: p, item: i, core: '', at: it.start, confidence: it.confidence ?? 0, kind: 'digits', joined: false });
        continue;
      }
      out.push({
        page: p,
        item: i,
        core,
        at: it.start + lead,
        confidence: it.confidence ?? 0,
        kind: digits ? 'digits' : HAS_LOWER.test(core) ? 'small' : 'capitals',
        joined: !between.includes('\n\n'),
      });
    }
  }
  return out;
}

/** Pairs of words as written in small letters: folded pair → spellings (by key) with their support. */
type Reference = Map<string, Map<string, { pair: [string, string]; confidence: number; count: number }>>;

function addPair(ref: Reference, a: string, b: string, confidence: number): void {
  const key = `${fold(a)} ${fold(b)}`;
  const spelled = `${spellingKey(a)} ${spellingKey(b)}`;
  let spellings = ref.get(key);
  if (!spellings) ref.set(key, (spellings = new Map()));
  const had = spellings.get(spelled);
  if (had) {
    had.count++;
    had.confidence = Math.max(had.confidence, confidence);
  } else spellings.set(spelled, { pair: [a.toLowerCase(), b.toLowerCase()], confidence, count: 1 });
}

/**
 * The one spelling of a pair, when there is one: written so at least twice as often as every other
 * way together (an OCR slip in the body, `tố chức` once beside `tổ chức` three times, does not
 * hide it; `thể`/`thế` once each does). Null when the document is divided.
 */
function dominant(spellings: ReadonlyMap<string, { pair: [string, string]; confidence: number; count: number }>) {
  let best: { pair: [string, string]; confidence: number; count: number } | null = null;
  let total = 0;
  for (const s of spellings.values()) {
    total += s.count;
    if (!best || s.count > best.count) best = s;
  }
  return best && best.count >= 2 * (total - best.count) ? best : null;
}

/**
 * Of a pair the document writes two ways that differ only by a hỏi or a sắc over a circumflex
 * vowel (`thẩm quyền` / `thấm quyền`, `tổ chức` / `tố chức`), the hỏi one: the recogniser reads
 * `ổ ẩ ể` as `ố ấ ế` (on the real collection's scans, 48 of 328 such words) and never the other
 * way (none of 758), so a hỏi reading there is the letter printed. Null for any other division.
 */
function hoiOverSac(spellings: ReadonlyMap<string, { pair: [string, string]; confidence: number; count: number }>) {
  if (spellings.size !== 2) return null;
  const [a, b] = [...spellings.values()];
  const hoi = (x: typeof a) => x!.pair.join(' ').normalize('NFD');
  const [ha, hb] = [hoi(a), hoi(b)];
  if (ha.length !== hb.length) return null;
  let diff = -1;
  for (let i = 0; i < ha.length; i++) {
    if (ha[i] === hb[i]) continue;
    if (diff >= 0) return null;
    diff = i;
  }
  if (diff < 1 || ha[diff - 1] !== '\u0302') return null;
  const marks = new Set([ha[diff], hb[diff]]);
  if (!marks.has('\u0309') || !marks.has('\u0301')) return null;
  return ha[diff] === '\u0309' ? a! : b!;
}

let phrases: Reference | null = null;

function phraseReference(): Reference {
  if (phrases) return phrases;
  phrases = new Map();
  for (const phrase of HEADER_PHRASES) {
    // Words as `wordsOf` takes them: without the marks around them (`TM.` is `TM`).
    const ws = phrase
      .split(' ')
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((w) => LETTER.test(w));
    for (let i = 1; i < ws.length; i++) addPair(phrases, ws[i - 1]!, ws[i]!, 100);
  }
  return phrases;
}

function reference(words: readonly Word[]): Reference {
  const ref: Reference = new Map();
  for (const [k, spellings] of phraseReference()) ref.set(k, new Map([...spellings].map(([key, v]) => [key, { ...v, pair: [...v.pair] as [string, string] }])));
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (!b.joined || a.core === '' || b.core === '' || a.kind === 'capitals' || b.kind === 'capitals' || (a.kind === 'digits' && b.kind === 'digits')) continue;
    addPair(ref, a.core, b.core, Math.min(a.confidence, b.confidence));
  }
  return ref;
}

export interface CapitalsResult {
  text: string;
  pages: PlacedPage[];
  /** Words whose spelling was changed (others may have been confirmed as read). */
  corrected: number;
}

/**
 * Confirms the tones of the words in capitals of an OCR-read text (see above); returns the text
 * and pages with the confirmed spellings, each such word's confidence raised to that of the
 * words it was confirmed by. Pages not read by OCR are left as they are.
 */
export function confirmCapitals(text: string, pages: readonly PlacedPage[]): CapitalsResult {
  const words = wordsOf(text, pages);
  if (!words.some((w) => w.kind === 'capitals')) return { text, pages: [...pages], corrected: 0 };
  const ref = reference(words);
  const proposals = new Map<number, Array<{ spelling: string; confidence: number } | null>>();
  const propose = (i: number, spelling: string | null, confidence: number) => {
    const list = proposals.get(i) ?? [];
    list.push(spelling === null ? null : { spelling, confidence });
    proposals.set(i, list);
  };
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (!b.joined || a.core === '' || b.core === '' || a.kind === 'small' || b.kind === 'small' || (a.kind === 'digits' && b.kind === 'digits')) continue;
    const spellings = ref.get(`${fold(a.core)} ${fold(b.core)}`);
    if (!spellings) continue;
    const one = dominant(spellings) ?? hoiOverSac(spellings);
    if (!one) {
      // Written several ways, none dominant: neither word can be confirmed by this pair.
      propose(i - 1, null, 0);
      propose(i, null, 0);
      continue;
    }
    const { pair, confidence } = one;
    propose(i - 1, pair[0], confidence);
    propose(i, pair[1], confidence);
  }

  const changes = new Map<number, { core: string; confidence: number }>();
  for (const [i, list] of proposals) {
    if (list.some((p) => p === null)) {
      // The pair is written several ways in this very document (the body's reading erred once):
      // the word in capitals cannot be trusted on its own confidence either.
      const w = words[i]!;
      if (w.confidence >= CONTESTED_CONFIDENCE) changes.set(i, { core: w.core, confidence: CONTESTED_CONFIDENCE });
      continue;
    }
    const keys = new Set(list.map((p) => spellingKey(p!.spelling)));
    if (keys.size !== 1) continue;
    const w = words[i]!;
    const wanted = list[0]!.spelling;
    const confidence = Math.max(w.confidence, ...list.map((p) => p!.confidence));
    // Read as written elsewhere: the word stands on those readings too.
    if (spellingKey(w.core) === spellingKey(wanted)) {
      if (confidence > w.confidence) changes.set(i, { core: w.core, confidence });
      continue;
    }
    const upper = wanted.toUpperCase();
    if (upper.length !== w.core.length || fold(upper) !== fold(w.core)) continue;
    changes.set(i, { core: upper, confidence });
  }
  return rewriteWords(text, pages, words, changes);
}

/**
 * `text` and `pages` with the words at the keys of `changes` (indexes into `words`) given new
 * letters of the same length and a new confidence; `corrected` counts the words whose letters changed.
 */
export function rewriteWords(text: string, pages: readonly PlacedPage[], words: readonly Word[], changes: ReadonlyMap<number, { core: string; confidence: number }>): CapitalsResult {
  if (changes.size === 0) return { text, pages: [...pages], corrected: 0 };
  let corrected = 0;
  const chars = text.split('');
  const out = pages.map((p) => ({ ...p, items: [...p.items] }));
  for (const [i, change] of changes) {
    const w = words[i]!;
    const page = out[w.page]!;
    const item = page.items[w.item]!;
    const offset = w.at - item.start!;
    const itemText = item.text.slice(0, offset) + change.core + item.text.slice(offset + change.core.length);
    if (change.core !== w.core) corrected++;
    for (let k = 0; k < change.core.length; k++) chars[w.at + k] = change.core[k]!;
    const next: PlacedText = { ...item, text: itemText, confidence: change.confidence };
    page.items[w.item] = next;
  }
  return { text: chars.join(''), pages: out, corrected };
}
