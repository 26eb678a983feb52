/**
 * Names of the bodies and places every header draws on, trusted when a scan reads them letter for
 * letter. The recogniser is often unsure of a capital with two marks (`LẮK` at 63%, `TỄ` in
 * `BỘ Y TẾ`), and a name read from a word below the doubt threshold is left for review
 * (shared/parser/ocrDoubt.ts). When the words read are exactly the spelling of a province, a
 * centrally governed city or a body of the Government (old or new tone placement alike), the
 * doubt was about letters that came out right: those words are given `KNOWN_NAME_CONFIDENCE`.
 *
 * Nothing is changed or guessed: a word read with any other spelling (`ĐÁK LẮK`) keeps its
 * confidence and its field stays for review. A whole name must be read, in one paragraph: a single
 * common word (`BÌNH`) confirms nothing.
 */
import type { PlacedPage } from '../parser/layout';
import { OCR_TEXT_DOUBT } from '../parser/ocrDoubt';
import { spellingKey } from './capitals';

/**
 * The 34 provinces and centrally governed cities from 12 June 2025 (Nghị quyết 202/2025/QH15 on
 * arranging the provincial units: 28 provinces and 6 cities, 11 of them unchanged and 23 formed by
 * merging 52; the list as published by TTXVN/Vietnam+, "Thông tin chi tiết về 34 tỉnh, thành phố
 * trên cả nước từ ngày 1/7", and Báo Quân đội nhân dân's map of the 34 units). Each keeps the name
 * of one of the units it merged, so every one is also among the former units below.
 */
export const PROVINCES_2025: readonly string[] = [
  'Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ',
  'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long',
  'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/**
 * Provinces and centrally governed cities before Nghị quyết 202/2025/QH15 (the 63 units of
 * Nghị quyết 1211/2016/UBTVQH13 and after), with the spellings found printed in headers
 * (`Đăk`/`Đắk`): the documents of a fonds were issued under these names.
 */
const FORMER_PLACES: readonly string[] = [
  'Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế',
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre',
  'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Đăk Lăk',
  'Đắk Nông', 'Đăk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam',
  'Hà Tĩnh', 'Hải Dương', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum',
  'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình',
  'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh',
  'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa',
  'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

const PLACES: readonly string[] = [...new Set([...PROVINCES_2025, ...FORMER_PLACES])];

/**
 * Bodies of the Government and the State that issue in their own name (Nghị định 123/2016/NĐ-CP
 * and the Government's structure since; docs/state-documents.md), as their headers print them.
 */
const BODIES: readonly string[] = [
  'Quốc hội', 'Chính phủ', 'Thủ tướng Chính phủ', 'Văn phòng Chính phủ', 'Thanh tra Chính phủ',
  'Bộ Quốc phòng', 'Bộ Công an', 'Bộ Ngoại giao', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Tài chính',
  'Bộ Công Thương', 'Bộ Kế hoạch và Đầu tư', 'Bộ Giao thông vận tải', 'Bộ Xây dựng',
  'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Nông nghiệp và Môi trường', 'Bộ Tài nguyên và Môi trường',
  'Bộ Thông tin và Truyền thông', 'Bộ Lao động - Thương binh và Xã hội', 'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Khoa học và Công nghệ', 'Bộ Giáo dục và Đào tạo', 'Bộ Y tế', 'Bộ Dân tộc và Tôn giáo',
  'Ủy ban Dân tộc', 'Ngân hàng Nhà nước Việt Nam', 'Kiểm toán nhà nước',
  'Ủy ban nhân dân', 'Hội đồng nhân dân',
];

/** The confidence given to the words of a known name read exactly. */
export const KNOWN_NAME_CONFIDENCE = 90;
/** Words read below this are not trusted even when they spell a name: the recogniser hardly saw them. */
const MIN_CONFIDENCE = 40;

/** A name's words as compared: its letters and digits, tone placement and case set aside. */
function keysOf(name: string): string[] {
  return name
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '')
    .map(spellingKey);
}

/**
 * Whether the recogniser saw a name's words enough to trust them: every word at
 * {@link MIN_CONFIDENCE} or more, or, in a name of three words or more, all but one read surely
 * ({@link OCR_TEXT_DOUBT}) and that one of two letters or more. A word of a name at the end of a
 * cell's line often takes a dash or a rule beside it into its box and comes out at 0 (`VĂN PHÒNG
 * CHÍNH PHỦ - BỘ@0` / `NỘI VỤ`); the sure words around it spell the name only with it.
 */
function seenEnough(read: readonly Slot[]): boolean {
  const faint = read.filter((w) => w.confidence < MIN_CONFIDENCE);
  if (faint.length === 0) return true;
  return read.length >= 3 && faint.length === 1 && [...faint[0]!.lower].length >= 2 && read.every((w) => w === faint[0] || w.confidence >= OCR_TEXT_DOUBT);
}

let names: Map<string, string[][]> | null = null;

/** Known names by their first word's key. */
function knownNames(): Map<string, string[][]> {
  if (names) return names;
  names = new Map();
  for (const name of [...PLACES, ...BODIES]) {
    const keys = keysOf(name);
    names.set(keys[0]!, [...(names.get(keys[0]!) ?? []), keys]);
  }
  for (const list of names.values()) list.sort((a, b) => b.length - a.length);
  return names;
}

interface Slot {
  page: number;
  item: number;
  key: string;
  /** The word's letters in small letters (NFC). */
  lower: string;
  confidence: number;
}

let placeKeys: Set<string> | null = null;

/** The provinces' and cities' names as compared. */
function isPlace(name: readonly string[]): boolean {
  placeKeys ??= new Set(PLACES.map((p) => keysOf(p).join(' ')));
  return placeKeys.has(name.join(' '));
}

/** How the recogniser reads the word `TỈNH` (the hook taken for an acute, a tilde, a dot or nothing). */
const TINH_MISREAD = new Set(['tính', 'tĩnh', 'tinh', 'tịnh', 'tình']);

/** `TỈNH` in the letter case of `read` (`TÍNH` → `TỈNH`, `Tính` → `Tỉnh`). */
function tinhAs(read: string): string {
  if (read === read.toUpperCase()) return 'TỈNH';
  return read[0] === read[0]!.toUpperCase() ? 'Tỉnh' : 'tỉnh';
}

export interface KnownNamesResult {
  text: string;
  pages: PlacedPage[];
}

/**
 * The pages with the words of every known name read letter for letter given at least
 * `KNOWN_NAME_CONFIDENCE`, and the word before a province's name read as a misreading of `TỈNH`
 * (`TÍNH KIÊN GIANG`) given back its hook: before a province only the word tỉnh stands (`HÀ TĨNH`
 * is a province of its own, read whole). Only names of two words or more count, read within one
 * paragraph of `text` (the words it joins with spaces or single line breaks). Letters keep their
 * number, so every offset into the text holds.
 */
export function trustKnownNames(text: string, pages: readonly PlacedPage[]): KnownNamesResult {
  const slots: Slot[][] = [];
  let run: Slot[] = [];
  let prevEnd = -1;
  for (const [p, page] of pages.entries()) {
    if (page.source !== 'ocr') continue;
    for (const [i, it] of page.items.entries()) {
      if (it.start === undefined || it.end === undefined) continue;
      const between = prevEnd >= 0 && prevEnd <= it.start ? text.slice(prevEnd, it.start) : '\n\n';
      prevEnd = it.end;
      if (between.includes('\n\n')) {
        slots.push(run);
        run = [];
      }
      const core = it.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      // A dash between a name's words (`BÀ RỊA - VŨNG TÀU`) is no word of it.
      if (core === '') continue;
      run.push({ page: p, item: i, key: spellingKey(core), lower: core.normalize('NFC').toLowerCase(), confidence: it.confidence ?? 0 });
    }
  }
  slots.push(run);

  const trusted = new Set<string>();
  const tinh = new Set<string>();
  const known = knownNames();
  for (const words of slots) {
    for (let s = 0; s < words.length; s++) {
      for (const name of known.get(words[s]!.key) ?? []) {
        if (name.length < 2 || s + name.length > words.length) continue;
        const read = words.slice(s, s + name.length);
        if (!read.every((w, k) => w.key === name[k]) || !seenEnough(read)) continue;
        for (const w of read) trusted.add(`${w.page}/${w.item}`);
        const before = words[s - 1];
        if (before && TINH_MISREAD.has(before.lower) && isPlace(name)) tinh.add(`${before.page}/${before.item}`);
        break;
      }
    }
  }
  if (trusted.size === 0) return { text, pages: [...pages] };
  const chars = text.split('');
  const out = pages.map((page, p) =>
    page.items.some((_, i) => trusted.has(`${p}/${i}`) || tinh.has(`${p}/${i}`))
      ? {
          ...page,
          items: page.items.map((it, i) => {
            const at = `${p}/${i}`;
            if (tinh.has(at) && it.start !== undefined) {
              const lead = /^[^\p{L}\p{N}]*/u.exec(it.text)![0].length;
              const read = it.text.slice(lead, lead + 4);
              const fixed = tinhAs(read);
              for (let k = 0; k < 4; k++) chars[it.start + lead + k] = fixed[k]!;
              return { ...it, text: it.text.slice(0, lead) + fixed + it.text.slice(lead + 4), confidence: Math.max(it.confidence ?? 0, KNOWN_NAME_CONFIDENCE) };
            }
            return trusted.has(at) && (it.confidence ?? 0) < KNOWN_NAME_CONFIDENCE ? { ...it, confidence: KNOWN_NAME_CONFIDENCE } : it;
          }),
        }
      : page,
  );
  return { text: chars.join(''), pages: out };
}
